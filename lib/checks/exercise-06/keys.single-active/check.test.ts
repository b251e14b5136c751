import { describe, expect, it } from "vitest";
import { only, run, statuses } from "../../testing/run-check";
import { credentialReport, humanRow, keyRow, ok, snapshot } from "../../testing/snapshot-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { keysSingleActive } from "./check";

const withReport = (...rows: Parameters<typeof credentialReport>[0]) => snapshot({ "iam.credentialReport": ok(credentialReport(rows)) });

describe("keys.single-active", () => {
  it("fails users with two active keys and skips users with none", () => {
    const findings = run(keysSingleActive, withReport(keyRow("one"), keyRow("two", 10, 1, { access_key_2_active: true }), humanRow("none")));
    expect(statuses(findings)).toEqual([
      ["one", "pass"],
      ["two", "fail"],
    ]);
  });

  it("keeps the evidence it stored before: the user and both slots' active columns", () => {
    expect(only(run(keysSingleActive, withReport(keyRow("one")))).evidence).toEqual({
      user: "one",
      arn: "arn:aws:iam::111122223333:user/one",
      access_key_1_active: true,
      access_key_2_active: false,
    });
  });

  it("shows the evidence in words, with both active keys marked when there are two", () => {
    const twoKeys = only(run(keysSingleActive, withReport(keyRow("two", 10, 1, { access_key_2_active: true }))));
    const blocks = keysSingleActive.describeEvidence?.(twoKeys.evidence);
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Credential report",
        rows: [
          { label: "User", value: "two", verbatim: true },
          { label: "ARN", value: "arn:aws:iam::111122223333:user/two", verbatim: true },
          { label: "Access key 1 active", value: "yes", verbatim: false, mark: true },
          { label: "Access key 2 active", value: "yes", verbatim: false, mark: true },
        ],
      },
    ]);
    expect(renderedText(blocks ?? [])).not.toMatch(/access_key/);
    const oneKey = only(run(keysSingleActive, withReport(keyRow("one"))));
    const rows = keysSingleActive.describeEvidence?.(oneKey.evidence)?.flatMap((block) => (block.kind === "facts" ? block.rows : []));
    expect(rows?.filter((row) => row.mark)).toEqual([]);
  });

  it("names the user from the typed evidence in its remediation", () => {
    const finding = only(run(keysSingleActive, withReport(keyRow("deploy-bot", 10, 1, { access_key_2_active: true }))));
    const steps = keysSingleActive.remediation?.({ ...remediationTarget(finding), resourceId: "arn:aws:iam::111122223333:user/unrelated" });
    expect(steps?.summary).toBe("Deactivate the one of deploy-bot's two active keys that is no longer needed (usually the older).");
  });
});
