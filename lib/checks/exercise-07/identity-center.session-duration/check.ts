/**
 * Exercise 7's short-session advice for people who sign in through IAM Identity Center: each
 * permission set assigned in this account keeps its sessions to 4 hours or less.
 */
import { defineCheck } from "../../define-check";
import { accountRootArn, makeFinding, unknownForAccount } from "../../findings";
import { identityCenterHere } from "../../identity-center";
import { durationInWords, durationSeconds } from "./duration";
import { sessionDurationEvidenceSchema, type SessionDurationEvidence } from "./evidence";
import { describeSessionDuration } from "./evidence-view";
import { shortenSessionSteps } from "./remediation";

/** More than 4 hours fails: the guide's short-session advice for human sessions. */
export const SESSION_THRESHOLD_SECONDS = 4 * 3600;
/** SessionDuration left out means AWS's default of one hour (SSO Admin API reference, PermissionSet). */
const AWS_DEFAULT_SECONDS = 3600;

export const identityCenterSessionDuration = defineCheck({
  id: "identity-center.session-duration",
  exercise: 7,
  title: "IAM Identity Center sessions last 4 hours or less",
  severity: "medium",
  why: "A session signed in through IAM Identity Center keeps the permission set's rights until it ends; short sessions limit what a stolen laptop or token can do (Cloud Security Fitness Guide, “Exercise #7: Use Temporary Credentials”).",
  evidence: sessionDurationEvidenceSchema,
  describeEvidence: describeSessionDuration,
  remediation: shortenSessionSteps,
  evaluate(snapshot, _thresholds, check) {
    const here = identityCenterHere(snapshot);
    if (!here.readable) return [unknownForAccount(check, snapshot, [here.unavailable])];
    const assigned = new Set(here.assignments.map((assignment) => assignment.permissionSetArn));
    const sets = here.instance.permissionSets.filter((set) => assigned.has(set.permissionSetArn));
    const evidence: SessionDurationEvidence = {
      thresholdSeconds: SESSION_THRESHOLD_SECONDS,
      permissionSets: sets.map((set) => ({
        name: set.name,
        permissionSetArn: set.permissionSetArn,
        sessionDuration: set.sessionDuration ?? null,
        seconds: set.sessionDuration === undefined ? AWS_DEFAULT_SECONDS : durationSeconds(set.sessionDuration),
      })),
      instanceArn: here.instance.instanceArn,
      readInAccountId: here.instance.readInAccountId,
    };
    const base = { resourceId: accountRootArn(snapshot.accountId), resourceType: "account" as const, resourceName: snapshot.accountId, evidence };
    const limit = durationInWords(SESSION_THRESHOLD_SECONDS);
    if (sets.length === 0) {
      return [makeFinding(check, { ...base, status: "not_applicable", reason: "No IAM Identity Center permission set is assigned in this account." })];
    }
    const long = evidence.permissionSets.filter((set) => set.seconds !== null && set.seconds > SESSION_THRESHOLD_SECONDS);
    if (long.length > 0) {
      const list = long.map((set) => `${set.name} (${durationInWords(set.seconds ?? 0)})`).join(", ");
      return [makeFinding(check, { ...base, status: "fail", reason: `Sessions last more than ${limit}: ${list}.` })];
    }
    const unreadable = evidence.permissionSets.filter((set) => set.seconds === null);
    if (unreadable.length > 0) {
      return [makeFinding(check, { ...base, status: "unknown", reason: `The session duration of ${unreadable.map((set) => `${set.name} (${set.sessionDuration})`).join(", ")} is not one iamfit reads.` })];
    }
    return [makeFinding(check, { ...base, status: "pass", reason: `Every permission set assigned here ends its sessions within ${limit}: ${evidence.permissionSets.map((set) => `${set.name} (${durationInWords(set.seconds ?? 0)})`).join(", ")}.` })];
  },
});
