import { describe, expect, it } from "vitest";
import { only, run } from "../../testing/run-check";
import { credentialReport, credentialRow, daysAgo, keyRow, ok, rootRow, snapshot } from "../../testing/snapshot-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { keysRotated } from "./check";

const withReport = (...rows: Parameters<typeof credentialReport>[0]) => snapshot({ "iam.credentialReport": ok(credentialReport(rows)) });

describe("keys.rotated", () => {
  it.each([
    ["a key created 10 days ago", keyRow("a", 10), "pass"],
    ["a key created 91 days ago", keyRow("a", 91), "fail"],
    ["an active key with no creation date", keyRow("a", 10, 1, { access_key_1_last_rotated: "N/A" }), "unknown"],
  ])("%s → %s", (_, row, status) => {
    expect(only(run(keysRotated, withReport(row))).status).toBe(status);
  });

  it.each([
    [91, "medium"],
    [365, "medium"],
    [366, "high"],
    [1200, "high"],
  ])("a key %i days old fails as %s: severity rises after a year", (days, severity) => {
    const finding = only(run(keysRotated, withReport(keyRow("a", days))));
    expect(finding).toMatchObject({ status: "fail", severity });
  });

  it("judges each active key separately, ignores inactive keys and root", () => {
    const row = keyRow("two", 200, 1, { access_key_2_active: true, access_key_2_last_rotated: daysAgo(5) });
    const findings = run(keysRotated, withReport(rootRow({ access_key_1_active: true, access_key_1_last_rotated: daysAgo(900) }), row, credentialRow("none")));
    expect(findings.map((finding) => [finding.resourceId, finding.status])).toEqual([
      ["arn:aws:iam::111122223333:user/two#access_key_1", "fail"],
      ["arn:aws:iam::111122223333:user/two#access_key_2", "pass"],
    ]);
    expect(findings[0]?.resourceType).toBe("access_key");
  });

  it("keeps the evidence it stored before (the key's slot columns only, not its last use)", () => {
    expect(only(run(keysRotated, withReport(keyRow("a", 10, 1)))).evidence).toEqual({
      user: "a",
      arn: "arn:aws:iam::111122223333:user/a",
      access_key_1_active: true,
      access_key_1_last_rotated: daysAgo(10),
    });
  });

  it("uses the configured maximum age", () => {
    expect(only(run(keysRotated, withReport(keyRow("a", 40)), { keyMaxAgeDays: 30 })).status).toBe("fail");
  });

  it("shows the evidence in words, with the creation date marked", () => {
    const finding = only(run(keysRotated, withReport(keyRow("a", 400, 1, { access_key_1_last_rotated: "2025-01-02T03:04:05+00:00" }))));
    const blocks = keysRotated.describeEvidence?.(finding.evidence);
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Credential report",
        rows: [
          { label: "User", value: "a", verbatim: true },
          { label: "ARN", value: "arn:aws:iam::111122223333:user/a", verbatim: true },
          { label: "Access key 1 active", value: "yes", verbatim: false, mark: false },
          { label: "Access key 1 created", value: "2025-01-02 03:04 UTC", verbatim: false, mark: true },
        ],
      },
    ]);
    expect(renderedText(blocks ?? [])).not.toMatch(/access_key|last_rotated/);
  });

  it("reads the key's slot and creation day from the typed evidence in its remediation", () => {
    const finding = only(run(keysRotated, withReport(keyRow("deploy-bot", 200, 1, { access_key_2_active: true, access_key_2_last_rotated: "2024-02-03T00:00:00+00:00", access_key_1_active: false }))));
    const steps = keysRotated.remediation?.(remediationTarget(finding));
    expect(steps?.summary).toBe("Rotate deploy-bot's access key 2 (created 2024-02-03): create a new key, deploy it, then retire the old one.");
  });
});
