/**
 * Exercise 2, "Enable MFA Tokens Everywhere": human users are subject to a policy that denies
 * actions without MFA (the guide's "Apply an MFA Enforced Policy"). Console users are the
 * humans; the one IAM evaluator answers what an access key alone may do (lib/policy/mfa.ts).
 */
import { describePolicyRef, type MatchedStatement, type PolicyRef } from "@/lib/policy/evaluator";
import { mfaEnforcement } from "@/lib/policy/mfa";
import { describeSource } from "@/lib/policy/principal-policies";
import { isTrue, userRows } from "../../credential-report";
import { defineCheck } from "../../define-check";
import { makeFinding, unknownForAccount } from "../../findings";
import { analyseIam } from "../../iam-analysis";
import { globalPart } from "../../part-access";
import type { Finding } from "../../types";
import { describeMfaEnforcement } from "./evidence-view";
import { mfaEnforcementEvidenceSchema, type MfaEnforcementEvidence, type MfaStatement } from "./evidence";
import { requireMfaSteps } from "./remediation";

function attachedTo(ref: PolicyRef, userName: string): string {
  switch (ref.layer) {
    case "scp":
      return ref.target;
    case "boundary":
      return `user ${userName} (as its permissions boundary)`;
    case "identity":
      return ref.via === "group" ? `group ${ref.groupName ?? "?"}` : `user ${userName}`;
  }
}

function statementEvidence(entry: MatchedStatement, userName: string): MfaStatement {
  return {
    policy: describePolicyRef(entry.policy),
    policyName: entry.policy.policyName,
    attachedTo: attachedTo(entry.policy, userName),
    index: entry.statement.index,
    sid: entry.statement.sid ?? null,
    statement: entry.statement.statement,
  };
}

export const usersMfaEnforced = defineCheck({
  id: "users.mfa-enforced",
  exercise: 2,
  title: "Human users are subject to a policy that denies actions without MFA",
  severity: "medium",
  why: "Having an MFA device does not stop API calls with a stolen access key; a policy that denies everything without aws:MultiFactorAuthPresent makes the keys useless on their own (AWS Advent 2016).",
  evidence: mfaEnforcementEvidenceSchema,
  describeEvidence: describeMfaEnforcement,
  remediation: requireMfaSteps,
  evaluate(snapshot, _thresholds, check) {
    const report = globalPart(snapshot, "iam.credentialReport");
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!report.available || !details.available) {
      const missing = [report, details].flatMap((part) => (part.available ? [] : [part.unavailable]));
      return [unknownForAccount(check, snapshot, missing)];
    }
    const iam = analyseIam(details.data, snapshot);
    const { catalog } = iam;
    const users = new Map(details.data.users.map((user) => [user.arn, user]));
    const consoleUsers = userRows(report.data).filter((row) => isTrue(row.password_enabled));
    return consoleUsers.map((row): Finding<MfaEnforcementEvidence> => {
      const base = { resourceId: row.arn, resourceType: "user" as const, resourceName: row.user };
      const user = users.get(row.arn);
      if (!user) {
        return makeFinding(check, {
          ...base,
          status: "unknown",
          evidence: { arn: row.arn, inAuthorizationDetails: false as const },
          reason: `${row.user} is in the credential report but not in the authorization details, so its policies are unknown.`,
        });
      }
      const policies = catalog.policySet(user);
      const mfa = mfaEnforcement(policies);
      const unreadable = policies.unreadable.map((entry) => describeSource(entry.source));
      const evidence: MfaEnforcementEvidence = {
        arn: row.arn,
        allowedWithMfa: mfa.allowedWithMfa,
        usableWithAccessKeyAlone: mfa.usableWithAccessKey,
        deniedWithoutMfaBy: mfa.deniedBy.map((entry) => statementEvidence(entry, user.userName)),
        deniedOnlyInConsoleBy: mfa.consoleDeniedBy.map((entry) => statementEvidence(entry, user.userName)),
        unreadablePolicies: unreadable,
        ...iam.serviceControlPolicyEvidence,
      };
      // Unreadable policies cannot undo a Deny, but one of them could hold an Allow without MFA:
      // with some unread, only a Deny of every access-key request still proves enforcement.
      if (mfa.enforced && (mfa.deniedEverywhere || unreadable.length === 0)) {
        const how = mfa.deniedBy[0] ? describePolicyRef(mfa.deniedBy[0].policy) : "every Allow requiring MFA";
        return makeFinding(check, { ...base, status: "pass", evidence, reason: `${row.user} is denied access without MFA by ${how}.` });
      }
      if (unreadable.length > 0) {
        return makeFinding(check, {
          ...base,
          status: "unknown",
          evidence,
          reason: `${row.user} has no readable MFA-enforcing policy, and ${unreadable.join(", ")} could not be read.`,
        });
      }
      // `Bool aws:MultiFactorAuthPresent false` never matches a request signed with a long-term key
      // (the key is absent from it), so such a Deny guards the console only and enforces nothing.
      const consoleDeny = mfa.consoleDeniedBy[0];
      if (consoleDeny) {
        return makeFinding(check, {
          ...base,
          status: "fail",
          evidence,
          reason: `${describePolicyRef(consoleDeny.policy)} denies ${row.user} without MFA only for console sessions: its condition never matches requests signed with access keys, so a stolen key still works.`,
        });
      }
      const usable = mfa.usableWithAccessKey;
      return makeFinding(check, {
        ...base,
        status: "fail",
        evidence,
        reason:
          usable.length > 0
            ? `No policy of ${row.user} denies actions when MFA is absent: an access key alone can still call ${usable.slice(0, 3).join(", ")}${usable.length > 3 ? " and more" : ""}.`
            : `No policy of ${row.user} denies actions when MFA is absent.`,
      });
    });
  },
});
