import { describe, expect, it } from "vitest";
import { only, run, statuses } from "../../testing/run-check";
import { credentialReport, credentialRow, daysAgo, humanRow, keyRow, ok, snapshot } from "../../testing/snapshot-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { credentialsUnused } from "./check";

const withReport = (...rows: Parameters<typeof credentialReport>[0]) => snapshot({ "iam.credentialReport": ok(credentialReport(rows)) });

describe("credentials.unused", () => {
  it.each([
    ["a password used yesterday", humanRow("a"), [["a password", "pass"]]],
    ["a password last used 60 days ago", humanRow("a", { password_last_used: daysAgo(60) }), [["a password", "fail"]]],
    ["a password never used (no_information), set 60 days ago", humanRow("a", { password_last_used: "no_information", password_last_changed: daysAgo(60) }), [["a password", "fail"]]],
    ["a password never used, set 3 days ago", humanRow("a", { password_last_used: "no_information", password_last_changed: daysAgo(3) }), [["a password", "pass"]]],
    ["a key never used (N/A), created 50 days ago", keyRow("k", 50, "N/A"), [["k access key 1", "fail"]]],
    ["a key used 2 days ago", keyRow("k", 300, 2), [["k access key 1", "pass"]]],
    ["no password and no keys", credentialRow("idle"), []],
  ])("%s", (_, row, expected) => {
    expect(statuses(run(credentialsUnused, withReport(row)))).toEqual(expected);
  });

  it("keeps the last-use date in a failing finding and out of a passing one", () => {
    const [fresh, stale] = run(credentialsUnused, withReport(keyRow("stale", 300, 100), keyRow("fresh", 300, 1)));
    expect(stale?.evidence).toMatchObject({ access_key_1_last_used_date: daysAgo(100) });
    expect(fresh?.evidence).toEqual({ user: "fresh", arn: "arn:aws:iam::111122223333:user/fresh", usedWithinDays: 45 });
  });

  it("never treats no_information as recent use", () => {
    const finding = only(run(credentialsUnused, withReport(humanRow("a", { password_last_used: "no_information", password_last_changed: "N/A", user_creation_time: daysAgo(400) }))));
    expect(finding.status).toBe("fail");
    expect(finding.reason).toContain("never used");
  });

  it("stays medium however long a credential has been unused (only a key's age raises severity)", () => {
    const finding = only(run(credentialsUnused, withReport(keyRow("old", 1500, 1200))));
    expect(finding).toMatchObject({ status: "fail", severity: "medium" });
  });

  it("shows a failing key's columns in words, with its last use marked", () => {
    const finding = only(run(credentialsUnused, withReport(keyRow("k", 300, 100, { access_key_1_last_used_date: "2025-02-21T09:30:00+00:00" }))));
    const blocks = credentialsUnused.describeEvidence?.(finding.evidence);
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Credential report",
        rows: [
          { label: "User", value: "k", verbatim: true },
          { label: "ARN", value: "arn:aws:iam::111122223333:user/k", verbatim: true },
          { label: "Access key 1 active", value: "yes", verbatim: false, mark: false },
          { label: "Access key 1 created", value: `${daysAgo(300).slice(0, 16).replace("T", " ")} UTC`, verbatim: false, mark: false },
          { label: "Access key 1 last used", value: "2025-02-21 09:30 UTC", verbatim: false, mark: true },
        ],
      },
    ]);
    expect(renderedText(blocks ?? [])).not.toMatch(/access_key|last_used/);
  });

  it("says a never-used password has no recorded use, a never-used key never used, and a recently used one only the window", () => {
    const never = only(run(credentialsUnused, withReport(humanRow("a", { password_last_used: "no_information", password_last_changed: daysAgo(60) }))));
    const neverRows = credentialsUnused.describeEvidence?.(never.evidence)?.flatMap((block) => (block.kind === "facts" ? block.rows : []));
    expect(neverRows?.find((row) => row.label === "Password last used")).toEqual({ label: "Password last used", value: "no recorded use", verbatim: false, mark: true });
    const unusedKey = only(run(credentialsUnused, withReport(keyRow("k", 50, "N/A"))));
    const keyRows = credentialsUnused.describeEvidence?.(unusedKey.evidence)?.flatMap((block) => (block.kind === "facts" ? block.rows : []));
    expect(keyRows?.find((row) => row.label === "Access key 1 last used")).toEqual({ label: "Access key 1 last used", value: "never used", verbatim: false, mark: true });
    const recent = only(run(credentialsUnused, withReport(humanRow("b"))));
    const recentText = renderedText(credentialsUnused.describeEvidence?.(recent.evidence) ?? []);
    expect(recentText).toContain("within the last 45 days");
    expect(recentText).not.toMatch(/usedWithinDays/);
  });

  it("reads the password's last use, or the key's slot and creation day, from the typed evidence in its remediation", () => {
    const password = only(run(credentialsUnused, withReport(humanRow("alice", { password_last_used: "2025-01-05T10:00:00+00:00" }))));
    expect(credentialsUnused.remediation?.(remediationTarget(password))?.summary).toBe("Remove alice's unused console password (last used 2025-01-05).");
    const key = only(run(credentialsUnused, withReport(keyRow("ci", 300, 100, { access_key_1_active: false, access_key_2_active: true, access_key_2_last_rotated: "2024-03-04T00:00:00+00:00", access_key_2_last_used_date: daysAgo(100) }))));
    const steps = credentialsUnused.remediation?.(remediationTarget(key));
    expect(steps?.summary).toBe("Deactivate ci's unused access key 2, and delete it after a quiet period.");
    expect(steps?.commands[1]?.description).toContain("key 2, created 2024-03-04");
  });
});
