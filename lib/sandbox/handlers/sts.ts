/**
 * STS: AssumeRole with the checks AWS makes (regional activation, the role's existence, its
 * trust policy including sts:ExternalId, session duration limits) and GetCallerIdentity.
 * Sessions are registered in the world so later requests signed with them are attributed to
 * the role's account.
 */
import type { AssumeRoleRequest, AssumeRoleResponse, GetCallerIdentityResponse } from "@aws-sdk/client-sts";
import { accessDeniedError, awsError, regionDisabledError } from "@/lib/sandbox/aws-errors";
import { isRegionEnabled } from "@/lib/sandbox/account-builder";
import { accountOfArn, arns } from "@/lib/sandbox/identifiers";
import type { SandboxAccount, SandboxRole } from "@/lib/sandbox/model";
import { isDefaultRegion, STS_ALWAYS_ACTIVE_REGION } from "@/lib/sandbox/regions";
import { roleArn } from "@/lib/sandbox/handlers/iam-render";
import { inputOf, type CallerIdentity, type Handler, type SandboxCall } from "@/lib/sandbox/handlers/types";

const MIN_DURATION = 900;
const DEFAULT_DURATION = 3600;
/** "Role chaining limits your … role session to a maximum of one hour" (STS API reference, AssumeRole). */
const ROLE_CHAINING_MAX = 3600;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

function validationError(call: SandboxCall, message: string): Error {
  return awsError({ service: "sts", code: "ValidationError", httpStatus: 400, requestId: call.requestId, message });
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** The principal strings a trust policy may use to name this caller. */
function callerPrincipalNames(caller: CallerIdentity): Set<string> {
  const names = new Set(["*", caller.accountId, arns.root(caller.accountId), caller.arn]);
  if (caller.roleArn) names.add(caller.roleArn);
  return names;
}

/**
 * Evaluates the condition operators the sandbox's trust policies use. An unknown operator or
 * key is not satisfied: the sandbox errs towards AccessDenied, as IAM's default deny does.
 */
function conditionHolds(condition: unknown, input: AssumeRoleRequest): boolean {
  if (condition === undefined) return true;
  if (typeof condition !== "object" || condition === null) return false;
  for (const [operator, entries] of Object.entries(condition as Record<string, Record<string, unknown>>)) {
    for (const [key, expected] of Object.entries(entries)) {
      const values = asList(expected).map(String);
      if ((operator === "StringEquals" || operator === "StringLike") && key === "sts:ExternalId") {
        if (input.ExternalId === undefined || !values.includes(input.ExternalId)) return false;
      } else if (operator === "Bool" && key === "aws:MultiFactorAuthPresent") {
        // The sandbox never signs with MFA (no SerialNumber/TokenCode support).
        if (!values.includes("false")) return false;
      } else {
        return false;
      }
    }
  }
  return true;
}

function trustAllows(role: SandboxRole, caller: CallerIdentity, input: AssumeRoleRequest): boolean {
  const names = callerPrincipalNames(caller);
  return asList(role.trustPolicy.Statement).some((statement) => {
    if (typeof statement !== "object" || statement === null) return false;
    const { Effect, Action, Principal, Condition } = statement as Record<string, unknown>;
    if (Effect !== "Allow") return false;
    if (!asList(Action).some((action) => action === "sts:AssumeRole" || action === "sts:*" || action === "*")) return false;
    const principals = Principal === "*" ? ["*"] : asList((Principal as { AWS?: unknown } | undefined)?.AWS);
    if (!principals.some((principal) => names.has(String(principal)))) return false;
    return conditionHolds(Condition, input);
  });
}

function stsActiveIn(account: SandboxAccount, region: string): boolean {
  if (region === STS_ALWAYS_ACTIVE_REGION) return true;
  return isRegionEnabled(account, region) && !account.stsDeactivatedRegions.includes(region);
}

const assumeRole: Handler = (call): AssumeRoleResponse => {
  const input = inputOf<AssumeRoleRequest>(call);
  const { caller, region } = call;
  const roleArnInput = input.RoleArn ?? "";
  if (!SESSION_NAME.test(input.RoleSessionName ?? "")) {
    throw validationError(call, `1 validation error detected: Value '${input.RoleSessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
  }
  const targetAccountId = accountOfArn(roleArnInput);
  if (!targetAccountId || !roleArnInput.includes(":role/")) throw validationError(call, `${roleArnInput} is invalid`);

  // Opt-in regions must be enabled for the caller too; then the role's account decides
  // ("It is not the account of the caller, but the account from which temporary credentials
  // are requested that must activate the region", IAM user guide, "Manage AWS STS in an AWS Region").
  if (!isDefaultRegion(region) && !isRegionEnabled(call.account, region)) {
    throw regionDisabledError(call.requestId, caller.accountId);
  }
  const target = call.world.account(targetAccountId);
  if (target && !stsActiveIn(target, region)) throw regionDisabledError(call.requestId, targetAccountId);

  const role = target?.roles.find((candidate) => roleArn(target, candidate) === roleArnInput);
  if (!target || !role || !trustAllows(role, caller, input)) {
    throw accessDeniedError("sts", call.requestId, caller.arn, "sts:AssumeRole", roleArnInput);
  }

  const duration = input.DurationSeconds ?? DEFAULT_DURATION;
  if (duration < MIN_DURATION) {
    throw validationError(call, `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`);
  }
  if (caller.roleArn && duration > ROLE_CHAINING_MAX) {
    throw validationError(call, "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
  }
  if (duration > role.maxSessionDuration) {
    throw validationError(call, "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  }

  const session = call.internals.sessions.issue({
    accountId: target.accountId,
    roleName: role.roleName,
    roleArn: roleArn(target, role),
    roleId: role.roleId,
    sessionName: input.RoleSessionName ?? "",
    expiresAt: call.internals.clock() + duration * 1000,
  });
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: new Date(session.expiresAt),
    },
    AssumedRoleUser: {
      AssumedRoleId: `${role.roleId}:${session.sessionName}`,
      Arn: arns.assumedRole(target.accountId, role.roleName, session.sessionName),
    },
  };
};

const getCallerIdentity: Handler = ({ caller }): GetCallerIdentityResponse => ({
  UserId: caller.userId,
  Account: caller.accountId,
  Arn: caller.arn,
});

export const stsHandlers: Record<string, Handler> = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
};
