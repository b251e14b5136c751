import { describe, expect, it } from "vitest";
import { only, run } from "../../testing/run-check";
import { failed, ok, snapshot } from "../../testing/snapshot-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { passwordPolicyStrong } from "./check";

const withPolicy = (passwordPolicy: unknown) => snapshot({ "iam.passwordPolicy": ok(passwordPolicy) });

describe("password-policy.strong", () => {
  it.each([
    ["no password policy (NoSuchEntity)", { present: false as const }, "fail"],
    ["length 14 and reuse 24", { present: true as const, minimumPasswordLength: 14, passwordReusePrevention: 24 }, "pass"],
    ["length 8", { present: true as const, minimumPasswordLength: 8, passwordReusePrevention: 24 }, "fail"],
    ["no reuse prevention", { present: true as const, minimumPasswordLength: 20 }, "fail"],
  ])("%s → %s", (_, passwordPolicy, status) => {
    expect(only(run(passwordPolicyStrong, withPolicy(passwordPolicy))).status).toBe(status);
  });

  it("is unknown when GetAccountPasswordPolicy failed", () => {
    expect(only(run(passwordPolicyStrong, snapshot({ "iam.passwordPolicy": failed("iam:GetAccountPasswordPolicy", "AccessDenied") }))).status).toBe("unknown");
  });

  it("stores the limits it judged against beside the policy's settings", () => {
    expect(only(run(passwordPolicyStrong, withPolicy({ present: false }))).evidence).toEqual({ present: false, required: { minimumPasswordLength: 14, passwordReusePrevention: 24 } });
    expect(only(run(passwordPolicyStrong, withPolicy({ present: true, minimumPasswordLength: 20 }), { passwordMinLength: 16 })).evidence).toEqual({
      present: true,
      minimumPasswordLength: 20,
      passwordReusePrevention: null,
      required: { minimumPasswordLength: 16, passwordReusePrevention: 24 },
    });
  });

  it("says plainly that the account has no password policy, and what one must require", () => {
    const finding = only(run(passwordPolicyStrong, withPolicy({ present: false })));
    expect(finding.reason).toBe("The account has no password policy (GetAccountPasswordPolicy: NoSuchEntity); it needs one with at least 14 characters and reuse prevention of 24.");
    const blocks = passwordPolicyStrong.describeEvidence?.(finding.evidence);
    expect(blocks?.[0]).toMatchObject({ kind: "note", title: "No password policy" });
    expect(blocks?.[0]?.kind === "note" && blocks[0].text).toMatch(/^The account has no password policy/);
    expect(blocks?.[1]).toEqual({
      kind: "table",
      title: "What a password policy must require",
      columns: ["Setting", "This account", "Required"],
      rows: [
        ["Minimum length", { text: "no policy", mark: true }, "at least 14 characters"],
        ["Reuse prevention", { text: "no policy", mark: true }, "the last 24 passwords cannot be reused"],
      ],
    });
  });

  it("marks only the setting that falls short", () => {
    const finding = only(run(passwordPolicyStrong, withPolicy({ present: true, minimumPasswordLength: 8, passwordReusePrevention: 24 })));
    const blocks = passwordPolicyStrong.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks).toEqual([
      {
        kind: "table",
        title: "Password policy",
        columns: ["Setting", "This account", "Required"],
        rows: [
          ["Minimum length", { text: "8 characters", mark: true }, "at least 14 characters"],
          ["Reuse prevention", { text: "the last 24 passwords cannot be reused", mark: false }, "the last 24 passwords cannot be reused"],
        ],
      },
    ]);
    expect(renderedText(blocks)).not.toMatch(/minimumPasswordLength|passwordReusePrevention|present/);
  });

  it("reads the current settings and the limits from the typed evidence in its remediation", () => {
    const finding = only(run(passwordPolicyStrong, withPolicy({ present: true, minimumPasswordLength: 8 }), { passwordMinLength: 16 }));
    const steps = passwordPolicyStrong.remediation?.(remediationTarget(finding));
    expect(steps?.summary).toBe("Set an account password policy with at least 16 characters and reuse prevention of 24 (now: length 8, reuse prevention off).");
    expect(steps?.commands[0]?.words).toEqual(expect.arrayContaining(["--minimum-password-length", "16"]));
    const none = only(run(passwordPolicyStrong, withPolicy({ present: false })));
    expect(passwordPolicyStrong.remediation?.(remediationTarget(none))?.summary).toBe("Set an account password policy with at least 14 characters and reuse prevention of 24 (there is none).");
  });
});
