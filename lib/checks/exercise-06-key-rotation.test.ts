import { describe, expect, it } from "vitest";
import { credentialsUnused, keysRotated, keysSingleActive, passwordPolicyStrong } from "./exercise-06-key-rotation";
import { only, run, statuses } from "./testing/run-check";
import { credentialReport, credentialRow, daysAgo, failed, humanRow, keyRow, ok, rootRow, snapshot } from "./testing/snapshot-factory";

const withReport = (...rows: Parameters<typeof credentialReport>[0]) => snapshot({ "iam.credentialReport": ok(credentialReport(rows)) });

describe("keys.rotated", () => {
  it.each([
    ["a key created 10 days ago", keyRow("a", 10), "pass"],
    ["a key created 91 days ago", keyRow("a", 91), "fail"],
    ["an active key with no creation date", keyRow("a", 10, 1, { access_key_1_last_rotated: "N/A" }), "unknown"],
  ])("%s → %s", (_, row, status) => {
    expect(only(run(keysRotated, withReport(row))).status).toBe(status);
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

  it("does not put the key's last-use date in the evidence (it is not what rotation is judged on)", () => {
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
});

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
