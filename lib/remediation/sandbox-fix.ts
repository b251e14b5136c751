/**
 * The sandbox organization's version of a fix (lib/sandbox/mutations.ts), so demos and tests can
 * show the loop: fix, collect, verified. Only mutations after which the check passes are offered;
 * a check the sandbox cannot fix (an ACL, a trust policy) has none.
 */
import type { SandboxMutation } from "@/lib/sandbox/mutations";
import type { RemediationTarget } from "./content";
import { accessKeySlotOf, evidenceArray, evidenceRecord, iamNameFromArn, securityGroupIdOf, userNameOf } from "./steps/target-names";

const ADMINISTRATOR_ACCESS_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";
/** us-east-1 serves the global STS endpoint and cannot be deactivated (AWS-NOTES). */
const STS_ALWAYS_ACTIVE = "us-east-1";

function activeSlots(target: RemediationTarget): Array<1 | 2> {
  const evidence = evidenceRecord(target.evidence);
  return ([1, 2] as const).filter((slot) => evidence[`access_key_${slot}_active`] === true);
}

function deactivateKeys(target: RemediationTarget, slots: Array<1 | 2>): SandboxMutation[] {
  const userName = userNameOf(target);
  return slots.map((keyIndex) => ({ type: "deactivate-access-key", accountId: target.awsAccountId, userName, keyIndex }));
}

/** Detach AdministratorAccess from the admins beyond the limit that hold it directly. */
function reduceAdmins(target: RemediationTarget): SandboxMutation[] {
  const evidence = evidenceRecord(target.evidence);
  const limit = typeof evidence.limit === "number" ? evidence.limit : 2;
  const admins = evidenceArray(target.evidence, "adminUsers").map((admin) => evidenceRecord(admin));
  return admins.slice(limit).flatMap((admin): SandboxMutation[] => {
    const direct = evidenceArray(admin, "paths").some((path) => {
      const record = evidenceRecord(path);
      return record.via === "direct" && record.policyArn === ADMINISTRATOR_ACCESS_ARN;
    });
    return typeof admin.name === "string" && direct
      ? [{ type: "detach-user-policy", accountId: target.awsAccountId, userName: admin.name, policyArn: ADMINISTRATOR_ACCESS_ARN }]
      : [];
  });
}

function notLoggingTrail(target: RemediationTarget): string | undefined {
  const trail = evidenceArray(target.evidence, "trails")
    .map((entry) => evidenceRecord(entry))
    .find((entry) => entry.isMultiRegionTrail === true && entry.isLogging === false && typeof entry.trailArn === "string");
  if (!trail) return undefined;
  const arn = trail.trailArn as string;
  return arn.slice(arn.lastIndexOf("/") + 1);
}

/** The mutations that fix `target` in the sandbox, in order; empty when the sandbox cannot. */
export function sandboxFixFor(target: RemediationTarget): SandboxMutation[] {
  const accountId = target.awsAccountId;
  switch (target.checkId) {
    case "root.access-keys":
      return [{ type: "delete-root-access-key", accountId }];
    case "root.mfa":
    case "root.hardware-mfa":
      return [{ type: "enable-mfa", accountId, userName: "<root_account>", kind: "hardware" }];
    case "users.console-mfa":
      return [{ type: "enable-mfa", accountId, userName: userNameOf(target), kind: "virtual" }];
    case "admins.count":
      return reduceAdmins(target);
    case "users.permissions-via-groups": {
      const attached = evidenceArray(target.evidence, "attachedPolicyArns").filter((arn): arn is string => typeof arn === "string");
      if (evidenceArray(target.evidence, "inlinePolicyNames").length > 0) return [];
      return attached.map((policyArn) => ({ type: "detach-user-policy", accountId, userName: userNameOf(target), policyArn }));
    }
    case "keys.rotated":
    case "credentials.unused": {
      const slot = accessKeySlotOf(target.resourceId);
      return slot ? deactivateKeys(target, [slot]) : [];
    }
    case "keys.single-active":
      // Two active keys: retiring key 1, usually the older, leaves one.
      return deactivateKeys(target, [1]);
    case "users.workload-keys":
    case "users.humans-via-roles":
      return deactivateKeys(target, activeSlots(target));
    case "password-policy.strong":
      return [{ type: "set-password-policy", accountId, minLength: 14, reuse: 24 }];
    case "sts.regions-unused-disabled":
      return target.region && target.region !== STS_ALWAYS_ACTIVE ? [{ type: "deactivate-sts-region", accountId, region: target.region }] : [];
    case "sts.global-token-v2":
      return [{ type: "set-global-endpoint-token-version", accountId, version: 2 }];
    case "cloudtrail.multi-region": {
      const trailName = notLoggingTrail(target);
      return trailName ? [{ type: "set-trail-logging", accountId, trailName, logging: true }] : [];
    }
    case "sg.admin-ports-open":
      return target.region ? [{ type: "revoke-security-group-ingress", accountId, region: target.region, groupId: securityGroupIdOf(target) }] : [];
    case "s3.account-public-access-block":
      return [{ type: "put-account-public-access-block", accountId, configuration: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true } }];
    case "identity-center.admin-assignments":
      return removeIdentityCenterAdminAssignments(target);
    case "identity-center.session-duration": {
      const holder = evidenceRecord(target.evidence).readInAccountId;
      const threshold = evidenceRecord(target.evidence).thresholdSeconds;
      if (typeof holder !== "string" || typeof threshold !== "number") return [];
      return evidenceArray(target.evidence, "permissionSets")
        .map((set) => evidenceRecord(set))
        .filter((set) => typeof set.name === "string" && (set.seconds === null || (typeof set.seconds === "number" && set.seconds > threshold)))
        .map((set) => ({ type: "set-permission-set-session" as const, accountId: holder, permissionSetName: set.name as string, sessionDuration: "PT4H" }));
    }
    case "identity-center.direct-user-assignments": {
      const holder = evidenceRecord(target.evidence).readInAccountId;
      if (typeof holder !== "string") return [];
      return evidenceArray(target.evidence, "assignments")
        .map((assignment) => evidenceRecord(assignment))
        .filter((assignment) => assignment.principalType === "USER" && typeof assignment.principalId === "string" && typeof assignment.permissionSetName === "string")
        .map((assignment) => ({
          type: "assign-through-group" as const,
          accountId: holder,
          targetAccountId: accountId,
          permissionSetName: assignment.permissionSetName as string,
          userId: assignment.principalId as string,
          groupName: `${assignment.permissionSetName as string}-holders`.slice(0, 128),
        }));
    }
    default:
      return [];
  }
}

/** Every assignment that makes someone admin in the target account, removed in the instance's account. */
function removeIdentityCenterAdminAssignments(target: RemediationTarget): SandboxMutation[] {
  const holder = evidenceRecord(target.evidence).readInAccountId;
  if (typeof holder !== "string") return [];
  const seen = new Map<string, SandboxMutation>();
  for (const admin of evidenceArray(target.evidence, "identityCenterAdmins")) {
    for (const path of evidenceArray(evidenceRecord(admin), "paths").map((entry) => evidenceRecord(entry))) {
      const { principalType, principalId, permissionSetName } = path;
      if ((principalType !== "USER" && principalType !== "GROUP") || typeof principalId !== "string" || typeof permissionSetName !== "string") continue;
      seen.set(`${principalId}|${permissionSetName}`, { type: "delete-account-assignment", accountId: holder, targetAccountId: target.awsAccountId, permissionSetName, principalType, principalId });
    }
  }
  return [...seen.values()];
}

/** One line per mutation for the history and the confirmation message. */
export function describeSandboxMutation(mutation: SandboxMutation): string {
  switch (mutation.type) {
    case "deactivate-access-key":
      return `deactivated access key ${mutation.keyIndex} of ${mutation.userName}`;
    case "delete-root-access-key":
      return "deleted the root user's access keys";
    case "enable-mfa":
      return `enabled ${mutation.kind ?? "an"} MFA device for ${mutation.userName === "<root_account>" ? "the root user" : mutation.userName}`;
    case "detach-user-policy":
      return `detached ${iamNameFromArn(mutation.policyArn) ?? mutation.policyArn} from ${mutation.userName}`;
    case "put-account-public-access-block":
      return "turned on account-level S3 Block Public Access";
    case "put-bucket-public-access-block":
      return `turned on S3 Block Public Access for bucket ${mutation.bucket}`;
    case "revoke-security-group-ingress":
      return `revoked the inbound rules of ${mutation.groupId} in ${mutation.region}`;
    case "set-password-policy":
      return `set the password policy to length ${mutation.minLength}, reuse prevention ${mutation.reuse}`;
    case "deactivate-sts-region":
      return `deactivated STS in ${mutation.region}`;
    case "activate-sts-region":
      return `activated STS in ${mutation.region}`;
    case "set-global-endpoint-token-version":
      return `set the global STS endpoint to version ${mutation.version} tokens`;
    case "set-trail-logging":
      return `${mutation.logging ? "started" : "stopped"} logging on trail ${mutation.trailName}`;
    case "add-admin-user":
      return `added admin user ${mutation.userName}`;
    case "delete-account-assignment":
      return `removed permission set ${mutation.permissionSetName} from the ${mutation.principalType === "GROUP" ? "group" : "person"} assigned in account ${mutation.targetAccountId}`;
    case "set-permission-set-session":
      return `set the session of permission set ${mutation.permissionSetName} to ${mutation.sessionDuration.slice(2, -1)} hours`;
    case "assign-through-group":
      return `moved permission set ${mutation.permissionSetName} in account ${mutation.targetAccountId} from one person to group ${mutation.groupName}`;
  }
}
