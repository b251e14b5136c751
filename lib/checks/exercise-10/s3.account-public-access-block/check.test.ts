import { describe, expect, it } from "vitest";
import { targetFor } from "@/lib/remediation/testing/targets";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run } from "../../testing/run-check";
import { ok, snapshot } from "../../testing/snapshot-factory";
import { s3AccountPublicAccessBlock } from "./check";
import { accountBlockEvidenceSchema } from "./evidence";

const allBlocked = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const withConfiguration = (configuration: typeof allBlocked | null) => snapshot({ "s3control.publicAccessBlock": ok({ configuration }) });

describe("s3.account-public-access-block", () => {
  it.each([
    ["all four on", allBlocked, "pass"],
    ["one off", { ...allBlocked, restrictPublicBuckets: false }, "fail"],
    ["no configuration (NoSuchPublicAccessBlockConfiguration)", null, "fail"],
  ])("%s → %s", (_, configuration, status) => {
    expect(only(run(s3AccountPublicAccessBlock, withConfiguration(configuration))).status).toBe(status);
  });

  it("names the settings that are off in words in its reason", () => {
    const finding = only(run(s3AccountPublicAccessBlock, withConfiguration({ ...allBlocked, blockPublicPolicy: false, restrictPublicBuckets: false })));
    expect(finding.reason).toBe("Account-level Block Public Access is off for: Block public bucket policies, Restrict public buckets.");
  });

  it("shows the four settings as labelled yes/no facts with the off ones marked", () => {
    const finding = only(run(s3AccountPublicAccessBlock, withConfiguration({ ...allBlocked, blockPublicPolicy: false, restrictPublicBuckets: false })));
    expect(s3AccountPublicAccessBlock.describeEvidence?.(finding.evidence)).toEqual([
      {
        kind: "facts",
        title: "Account-level Block Public Access",
        rows: [
          { label: "Block public ACLs", value: "yes", mark: false },
          { label: "Ignore public ACLs", value: "yes", mark: false },
          { label: "Block public bucket policies", value: "no", mark: true },
          { label: "Restrict public buckets", value: "no", mark: true },
        ],
      },
    ]);
  });

  it("says all four are off when the account has no configuration", () => {
    const blocks = s3AccountPublicAccessBlock.describeEvidence?.(only(run(s3AccountPublicAccessBlock, withConfiguration(null))).evidence) ?? [];
    expect(blocks[0]).toMatchObject({ rows: Array.from({ length: 4 }, () => expect.objectContaining({ value: "no (not configured)", mark: true })) });
    expect(renderedText(blocks)).toContain("The account has no Block Public Access configuration, so all four settings are off.");
    expect(renderedText(blocks)).not.toMatch(/blockPublic|restrictPublic|ignorePublic/);
  });

  it("names the settings that are off, from the typed evidence, in its remediation", () => {
    const finding = only(run(s3AccountPublicAccessBlock, withConfiguration({ ...allBlocked, restrictPublicBuckets: false })));
    expect(s3AccountPublicAccessBlock.remediation?.(remediationTarget(finding)).summary).toBe(
      "Turn on all four S3 Block Public Access settings for account 111122223333 (off now: Restrict public buckets).",
    );
  });

  it("has a hand-written remediation target shaped like what it emits", () => {
    expect(accountBlockEvidenceSchema.safeParse(targetFor("s3.account-public-access-block").evidence).success).toBe(true);
  });
});
