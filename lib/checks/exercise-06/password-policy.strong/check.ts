/**
 * Exercise 6, "Rotate all the Keys Regularly": the account password policy requires long
 * passwords and prevents reuse (CIS 1.8, 1.9). An account without a policy fails.
 */
import { defineCheck } from "../../define-check";
import { makeFinding, unknownForAccount } from "../../findings";
import { globalPart } from "../../part-access";
import { describePasswordPolicy } from "./evidence-view";
import { passwordPolicyEvidenceSchema } from "./evidence";
import { strongPasswordPolicySteps } from "./remediation";

function passwordPolicyResourceId(accountId: string): string {
  return `arn:aws:iam::${accountId}:account-password-policy`;
}

export const passwordPolicyStrong = defineCheck({
  id: "password-policy.strong",
  exercise: 6,
  title: "The password policy requires long passwords and prevents reuse",
  severity: "medium",
  cis: ["1.8", "1.9"],
  why: "Short or recycled passwords fall to guessing and to breaches of other sites; the account policy is what makes every user's password strong.",
  evidence: passwordPolicyEvidenceSchema,
  describeEvidence: describePasswordPolicy,
  remediation: strongPasswordPolicySteps,
  evaluate(snapshot, thresholds, check) {
    const policy = globalPart(snapshot, "iam.passwordPolicy");
    if (!policy.available) return [unknownForAccount(check, snapshot, [policy.unavailable])];
    const base = { resourceId: passwordPolicyResourceId(snapshot.accountId), resourceType: "password_policy" as const, resourceName: "account password policy" };
    const required = { minimumPasswordLength: thresholds.passwordMinLength, passwordReusePrevention: thresholds.passwordReusePrevention };
    const limits = `at least ${required.minimumPasswordLength} characters and reuse prevention of ${required.passwordReusePrevention}`;
    if (!policy.data.present) {
      return [
        makeFinding(check, {
          ...base,
          status: "fail",
          evidence: { present: false as const, required },
          reason: `The account has no password policy (GetAccountPasswordPolicy: NoSuchEntity); it needs one with ${limits}.`,
        }),
      ];
    }
    const length = policy.data.minimumPasswordLength ?? null;
    const reuse = policy.data.passwordReusePrevention ?? null;
    const problems = [
      ...((length ?? 0) < required.minimumPasswordLength ? [`minimum length ${length ?? "not set"} (needs ${required.minimumPasswordLength})`] : []),
      ...((reuse ?? 0) < required.passwordReusePrevention ? [`reuse prevention ${reuse ?? "not set"} (needs ${required.passwordReusePrevention})`] : []),
    ];
    return [
      makeFinding(check, {
        ...base,
        status: problems.length > 0 ? "fail" : "pass",
        evidence: { present: true as const, minimumPasswordLength: length, passwordReusePrevention: reuse, required },
        reason: problems.length > 0 ? `The password policy is too weak: ${problems.join(", ")}.` : `Passwords need ${length} characters and the last ${reuse} cannot be reused.`,
      }),
    ];
  },
});
