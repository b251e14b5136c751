/**
 * Exercise 2, "Enable MFA Tokens Everywhere" (seed 003: MFA on root and every user, and an
 * MFA-enforcing policy; seed 004: "two factor for all of them").
 */
import { describePolicyRef, type MatchedStatement } from "@/lib/policy/evaluator";
import { mfaEnforcement } from "@/lib/policy/mfa";
import { describeSource } from "@/lib/policy/principal-policies";
import type { AccountSnapshot, CredentialReportRow } from "@/lib/snapshot/schema";
import { rootHasNoCredentials } from "./central-root-access";
import { isTrue, rowEvidence, userRows } from "./credential-report";
import { credentialLessRootFinding, readRootRow, rootFinding } from "./root-user";
import { asEvidence, makeFinding, unknownForAccount } from "./findings";
import { analyseIam } from "./iam-analysis";
import { globalPart } from "./part-access";
import type { CheckDefinition, Finding } from "./types";

export const rootMfa: CheckDefinition = {
  id: "root.mfa",
  exercise: 2,
  title: "The root user has MFA",
  severity: "critical",
  cis: ["1.5"],
  why: "A root password alone is one phishing email away from full control of the account; MFA adds something an attacker does not have.",
  evaluate(snapshot) {
    const root = readRootRow(snapshot);
    if ("row" in root) {
      const evidence = rowEvidence(root.row, ["mfa_active", "password_enabled", "password_last_used", "access_key_1_active", "access_key_2_active"]);
      if (isTrue(root.row.mfa_active)) return [rootFinding(rootMfa, snapshot, { status: "pass", evidence, reason: "The root user has MFA enabled." })];
      if (rootHasNoCredentials(snapshot, root.row)) return [credentialLessRootFinding(rootMfa, snapshot, evidence)];
      return [rootFinding(rootMfa, snapshot, { status: "fail", evidence, reason: "The root user has no MFA device." })];
    }
    // GetAccountSummary can confirm MFA but cannot tell "no MFA" from "no root credentials".
    const summary = globalPart(snapshot, "iam.accountSummary");
    if (summary.available && summary.data.AccountMFAEnabled === 1) {
      return [
        rootFinding(rootMfa, snapshot, {
          status: "pass",
          evidence: { source: "iam:GetAccountSummary", AccountMFAEnabled: 1 },
          reason: "GetAccountSummary reports MFA enabled for the root user.",
        }),
      ];
    }
    return [unknownForAccount(rootMfa, snapshot, [root.unavailable])];
  },
};

export const rootHardwareMfa: CheckDefinition = {
  id: "root.hardware-mfa",
  exercise: 2,
  title: "The root user's MFA is a hardware device",
  severity: "medium",
  cis: ["1.6"],
  why: "A virtual MFA lives on a phone that is also used for mail and apps; a dedicated hardware device kept in a safe is harder to steal together with the password.",
  evaluate(snapshot) {
    const root = readRootRow(snapshot);
    if (!("row" in root)) return [unknownForAccount(rootHardwareMfa, snapshot, [root.unavailable])];
    const rowFacts = rowEvidence(root.row, ["mfa_active", "password_last_used", "access_key_1_active", "access_key_2_active"]);
    if (rootHasNoCredentials(snapshot, root.row)) return [credentialLessRootFinding(rootHardwareMfa, snapshot, rowFacts)];
    if (!isTrue(root.row.mfa_active)) {
      return [rootFinding(rootHardwareMfa, snapshot, { status: "fail", evidence: rowFacts, reason: "The root user has no MFA device at all." })];
    }
    const devices = globalPart(snapshot, "iam.virtualMfaDevices");
    if (!devices.available) return [unknownForAccount(rootHardwareMfa, snapshot, [devices.unavailable])];
    const rootArn = root.row.arn;
    const virtual = devices.data.filter((device) => device.userArn === rootArn).map((device) => device.serialNumber).sort();
    const evidence = { ...rowFacts, rootVirtualMfaDevices: virtual };
    return [
      rootFinding(rootHardwareMfa, snapshot, {
        status: virtual.length > 0 ? "fail" : "pass",
        evidence,
        reason:
          virtual.length > 0
            ? `The root user's MFA is a virtual device (${virtual.join(", ")}).`
            : "The root user's MFA is not a virtual device, so it is a hardware device.",
      }),
    ];
  },
};

function consoleUsers(snapshot: AccountSnapshot): CredentialReportRow[] | undefined {
  const report = globalPart(snapshot, "iam.credentialReport");
  return report.available ? userRows(report.data).filter((row) => isTrue(row.password_enabled)) : undefined;
}

export const usersConsoleMfa: CheckDefinition = {
  id: "users.console-mfa",
  exercise: 2,
  title: "Every user with a console password has MFA",
  severity: "high",
  cis: ["1.10"],
  why: "Passwords leak through reuse and phishing; with MFA a leaked password alone does not open the console.",
  evaluate(snapshot) {
    const report = globalPart(snapshot, "iam.credentialReport");
    if (!report.available) return [unknownForAccount(usersConsoleMfa, snapshot, [report.unavailable])];
    return (consoleUsers(snapshot) ?? []).map((row) =>
      makeFinding(usersConsoleMfa, {
        resourceId: row.arn,
        resourceType: "user",
        resourceName: row.user,
        status: isTrue(row.mfa_active) ? "pass" : "fail",
        evidence: rowEvidence(row, ["password_enabled", "mfa_active"]),
        reason: isTrue(row.mfa_active) ? `${row.user} signs in with a password and MFA.` : `${row.user} has a console password but no MFA device.`,
      }),
    );
  },
};

export const usersMfaEnforced: CheckDefinition = {
  id: "users.mfa-enforced",
  exercise: 2,
  title: "Human users are subject to a policy that denies actions without MFA",
  severity: "medium",
  why: "Having an MFA device does not stop API calls with a stolen access key; a policy that denies everything without aws:MultiFactorAuthPresent makes the keys useless on their own (AWS Advent 2016).",
  evaluate(snapshot) {
    const report = globalPart(snapshot, "iam.credentialReport");
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!report.available || !details.available) {
      const missing = [report, details].flatMap((part) => (part.available ? [] : [part.unavailable]));
      return [unknownForAccount(usersMfaEnforced, snapshot, missing)];
    }
    const iam = analyseIam(details.data, snapshot);
    const { catalog } = iam;
    const users = new Map(details.data.users.map((user) => [user.arn, user]));
    return (consoleUsers(snapshot) ?? []).map((row): Finding => {
      const base = { resourceId: row.arn, resourceType: "user" as const, resourceName: row.user };
      const user = users.get(row.arn);
      if (!user) {
        return makeFinding(usersMfaEnforced, {
          ...base,
          status: "unknown",
          evidence: { arn: row.arn, inAuthorizationDetails: false },
          reason: `${row.user} is in the credential report but not in the authorization details, so its policies are unknown.`,
        });
      }
      const policies = catalog.policySet(user);
      const mfa = mfaEnforcement(policies);
      const unreadable = policies.unreadable.map((entry) => describeSource(entry.source));
      const statementEvidenceOf = (entry: MatchedStatement) => ({ policy: describePolicyRef(entry.policy), index: entry.statement.index });
      const evidence = asEvidence({
        arn: row.arn,
        allowedWithMfa: mfa.allowedWithMfa,
        usableWithAccessKeyAlone: mfa.usableWithAccessKey,
        deniedWithoutMfaBy: mfa.deniedBy.map(statementEvidenceOf),
        deniedOnlyInConsoleBy: mfa.consoleDeniedBy.map(statementEvidenceOf),
        unreadablePolicies: unreadable,
        ...iam.serviceControlPolicyEvidence,
      });
      // Unreadable policies cannot undo a Deny, but one of them could hold an Allow without MFA:
      // with some unread, only a Deny of every access-key request still proves enforcement.
      if (mfa.enforced && (mfa.deniedEverywhere || unreadable.length === 0)) {
        const how = mfa.deniedBy[0] ? describePolicyRef(mfa.deniedBy[0].policy) : "every Allow requiring MFA";
        return makeFinding(usersMfaEnforced, { ...base, status: "pass", evidence, reason: `${row.user} is denied access without MFA by ${how}.` });
      }
      if (unreadable.length > 0) {
        return makeFinding(usersMfaEnforced, {
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
        return makeFinding(usersMfaEnforced, {
          ...base,
          status: "fail",
          evidence,
          reason: `${describePolicyRef(consoleDeny.policy)} denies ${row.user} without MFA only for console sessions: its condition never matches requests signed with access keys, so a stolen key still works.`,
        });
      }
      const usable = mfa.usableWithAccessKey;
      return makeFinding(usersMfaEnforced, {
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
};

export const EXERCISE_02_CHECKS: CheckDefinition[] = [rootMfa, rootHardwareMfa, usersConsoleMfa, usersMfaEnforced];
