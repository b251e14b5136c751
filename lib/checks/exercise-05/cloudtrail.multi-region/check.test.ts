import { describe, expect, it } from "vitest";
import { renderCliCommand } from "@/lib/remediation/shell";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run } from "../../testing/run-check";
import { failed, ok, regional, snapshot, trail } from "../../testing/snapshot-factory";
import { cloudtrailMultiRegion } from "./check";

describe("cloudtrail.multi-region", () => {
  const regions = ["eu-west-1", "us-east-1"];
  it.each([
    ["a logging multi-region trail (seen from two regions)", { "eu-west-1": ok([trail("main")]), "us-east-1": ok([trail("main")]) }, "pass"],
    ["a multi-region trail that is not logging", { "eu-west-1": ok([]), "us-east-1": ok([trail("main", { status: { ok: true, value: { isLogging: false } } })]) }, "fail"],
    ["a single-region trail only", { "eu-west-1": ok([]), "us-east-1": ok([trail("local", { isMultiRegionTrail: false })]) }, "fail"],
    ["no trails", { "eu-west-1": ok([]), "us-east-1": ok([]) }, "fail"],
    ["no trail found but one region failed", { "eu-west-1": failed("cloudtrail:DescribeTrails", "AccessDenied"), "us-east-1": ok([]) }, "unknown"],
    ["a logging trail found even though another region failed", { "eu-west-1": failed("cloudtrail:DescribeTrails", "AccessDenied"), "us-east-1": ok([trail("main")]) }, "pass"],
    [
      "a multi-region trail whose status could not be read",
      { "eu-west-1": ok([]), "us-east-1": ok([trail("main", { status: { ok: false, error: { api: "cloudtrail:GetTrailStatus", code: "AccessDenied", message: "" } } })]) },
      "unknown",
    ],
  ])("%s → %s", (_, byRegion, status) => {
    const parts = Object.fromEntries(Object.entries(byRegion).map(([region, result]) => [regional("cloudtrail.trails", region), result]));
    expect(only(run(cloudtrailMultiRegion, snapshot(parts, regions))).status).toBe(status);
  });

  it("keeps the ever-changing delivery time out of the evidence", () => {
    const finding = only(run(cloudtrailMultiRegion, snapshot({ [regional("cloudtrail.trails", "us-east-1")]: ok([trail("main")]) })));
    expect(JSON.stringify(finding.evidence)).not.toContain("latestDeliveryTime");
  });
});

describe("cloudtrail.multi-region view and remediation", () => {
  const notLogging = () =>
    only(run(cloudtrailMultiRegion, snapshot({ [regional("cloudtrail.trails", "us-east-1")]: ok([trail("main", { status: { ok: true, value: { isLogging: false } } }), trail("local", { isMultiRegionTrail: false })]) })));

  it("shows every trail in words, marking the multi-region trail that is not logging", () => {
    const blocks = cloudtrailMultiRegion.describeEvidence?.(notLogging().evidence) ?? [];
    expect(blocks).toEqual([
      {
        kind: "table",
        title: "Trails",
        columns: ["Trail", "Home region", "Records", "Organization trail", "Logging", "Status error"],
        rows: [
          [{ text: "local", verbatim: true }, { text: "us-east-1", verbatim: true }, { text: "its home region only", mark: true }, "no", { text: "yes", mark: false }, "none"],
          [{ text: "main", verbatim: true }, { text: "us-east-1", verbatim: true }, { text: "every region", mark: false }, "no", { text: "no", mark: true }, "none"],
        ],
      },
    ]);
    expect(renderedText(blocks)).not.toMatch(/isMultiRegionTrail|isLogging|statusError/);
  });

  it("starts logging on the multi-region trail named in the typed evidence", () => {
    const steps = cloudtrailMultiRegion.remediation?.(remediationTarget(notLogging()));
    expect(steps?.summary).toBe("Start logging on trail main.");
    expect(steps?.commands.map(renderCliCommand)).toContain("aws cloudtrail start-logging --region us-east-1 --name main");
  });
});
