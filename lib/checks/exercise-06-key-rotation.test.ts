import { describe, expect, it } from "vitest";
import { credentialsUnused, keysSingleActive, passwordPolicyStrong } from "./exercise-06-key-rotation";
import { only, run, statuses } from "./testing/run-check";
import { credentialReport, credentialRow, daysAgo, failed, humanRow, keyRow, ok, rootRow, snapshot } from "./testing/snapshot-factory";

const withReport = (...rows: Parameters<typeof credentialReport>[0]) => snapshot({ "iam.credentialReport": ok(credentialReport(rows)) });

describe("keys.single-active", () => {
  it("fails users with two active keys and skips users with none", () => {
    const findings = run(keysSingleActive, withReport(keyRow("one"), keyRow("two", 10, 1, { access_key_2_active: true }), humanRow("none")));
    expect(statuses(findings)).toEqual([
      ["one", "pass"],
      ["two", "fail"],
    ]);
  });
});

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
});

describe("password-policy.strong", () => {
  it.each([
    ["no password policy (NoSuchEntity)", { present: false as const }, "fail"],
    ["length 14 and reuse 24", { present: true as const, minimumPasswordLength: 14, passwordReusePrevention: 24 }, "pass"],
    ["length 8", { present: true as const, minimumPasswordLength: 8, passwordReusePrevention: 24 }, "fail"],
    ["no reuse prevention", { present: true as const, minimumPasswordLength: 20 }, "fail"],
  ])("%s → %s", (_, passwordPolicy, status) => {
    expect(only(run(passwordPolicyStrong, snapshot({ "iam.passwordPolicy": ok(passwordPolicy) }))).status).toBe(status);
  });

  it("is unknown when GetAccountPasswordPolicy failed", () => {
    expect(only(run(passwordPolicyStrong, snapshot({ "iam.passwordPolicy": failed("iam:GetAccountPasswordPolicy", "AccessDenied") }))).status).toBe("unknown");
  });
});
