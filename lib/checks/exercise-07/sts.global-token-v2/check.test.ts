import { describe, expect, it } from "vitest";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run } from "../../testing/run-check";
import { ok, snapshot } from "../../testing/snapshot-factory";
import { stsGlobalTokenV2 } from "./check";

describe("sts.global-token-v2", () => {
  const regions = (optIn: string) => ok([{ regionName: "us-east-1", optInStatus: "opt-in-not-required" }, { regionName: "af-south-1", optInStatus: optIn }]);
  const judged = (version: number, optIn: string) => only(run(stsGlobalTokenV2, snapshot({ "iam.accountSummary": ok({ GlobalEndpointTokenVersion: version }), "ec2.regions": regions(optIn) })));

  it.each([
    ["an opted-in region and version 1", 1, "opted-in", "fail"],
    ["an opted-in region and version 2", 2, "opted-in", "pass"],
    ["no opted-in region", 1, "not-opted-in", "not_applicable"],
  ])("%s → %s", (_, version, optIn, status) => {
    expect(judged(version, optIn).status).toBe(status);
  });

  it("is unknown, naming the regions, when DescribeRegions left their opt-in status out", () => {
    const finding = only(run(stsGlobalTokenV2, snapshot({ "iam.accountSummary": ok({ GlobalEndpointTokenVersion: 1 }), "ec2.regions": ok([{ regionName: "af-south-1" }]) })));
    expect(finding).toMatchObject({ status: "unknown", evidence: { GlobalEndpointTokenVersion: 1, optedInRegions: [], regionsWithoutOptInStatus: ["af-south-1"] } });
    expect(renderedText(stsGlobalTokenV2.describeEvidence?.(finding.evidence) ?? [])).toContain("Regions AWS did not say are opt-in or not");
  });

  it("shows the token version in words and marks version 1 beside the opt-in regions", () => {
    expect(stsGlobalTokenV2.describeEvidence?.(judged(1, "opted-in").evidence)).toEqual([
      {
        kind: "facts",
        title: "Global STS endpoint",
        rows: [
          { label: "Session tokens it issues", value: "version 1: valid only in regions AWS enables by default", mark: true },
          { label: "Opt-in regions the account enabled", value: "af-south-1", verbatim: true, mark: true },
        ],
      },
    ]);
    const passing = stsGlobalTokenV2.describeEvidence?.(judged(2, "opted-in").evidence) ?? [];
    expect(passing[0]).toMatchObject({ rows: [{ value: "version 2: valid in every region", mark: false }, { mark: false }] });
    expect(renderedText(passing)).not.toMatch(/GlobalEndpointTokenVersion|optedIn/);
  });

  it("names the opted-in regions from the typed evidence in its remediation", () => {
    const steps = stsGlobalTokenV2.remediation?.(remediationTarget(judged(1, "opted-in")));
    expect(steps?.summary).toBe("Make the global STS endpoint issue version 2 tokens, valid in every region, including the opted-in ones this account uses (af-south-1).");
  });
});
