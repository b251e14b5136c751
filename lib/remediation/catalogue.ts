/**
 * Remediation content for every check of the catalogue (lib/checks/registry.ts); a test fails
 * when a check has none. "Why it matters" is the check's own, never copied here.
 */
import { getCheck } from "@/lib/checks/registry";
import type { Remediation, RemediationBuilder, RemediationTarget } from "./content";
import { adminsCount, policiesNoStarStar, usersPermissionsViaGroups } from "./steps/admins";
import { asgCanScale, ec2InAutoscalingGroup } from "./steps/autoscaling";
import { credentialsUnused, keysSingleActive, passwordPolicyStrong } from "./steps/keys";
import { policiesPrivilegeEscalation, policiesServiceWildcards, principalsUnused } from "./steps/least-privilege";
import { rootAccessKeys, rootHardwareMfa, rootMfa, rootRecentUse } from "./steps/root";
import { rolesCrossAccountConditions, rolesShortSessions, stsGlobalTokenV2, stsRegionsUnusedDisabled, usersHumansViaRoles } from "./steps/sts";
import { usersConsoleMfa, usersMfaEnforced } from "./steps/users-mfa";
import { accessAnalyzerEnabled, cloudtrailMultiRegion } from "./steps/visibility";
import { ec2InstanceProfile, ec2RoleNotAdmin, usersWorkloadKeys } from "./steps/workloads";

/** Checks not yet in their own folder; a check defined with defineCheck carries its own remediation. */
export const REMEDIATION_BUILDERS: Readonly<Record<string, RemediationBuilder>> = {
  "root.access-keys": rootAccessKeys,
  "root.recent-use": rootRecentUse,
  "root.mfa": rootMfa,
  "root.hardware-mfa": rootHardwareMfa,
  "users.console-mfa": usersConsoleMfa,
  "users.mfa-enforced": usersMfaEnforced,
  "admins.count": adminsCount,
  "policies.no-star-star": policiesNoStarStar,
  "users.permissions-via-groups": usersPermissionsViaGroups,
  "ec2.instance-profile": ec2InstanceProfile,
  "users.workload-keys": usersWorkloadKeys,
  "ec2.role-not-admin": ec2RoleNotAdmin,
  "policies.service-wildcards": policiesServiceWildcards,
  "policies.privilege-escalation": policiesPrivilegeEscalation,
  "principals.unused": principalsUnused,
  "accessanalyzer.enabled": accessAnalyzerEnabled,
  "cloudtrail.multi-region": cloudtrailMultiRegion,
  "keys.single-active": keysSingleActive,
  "credentials.unused": credentialsUnused,
  "password-policy.strong": passwordPolicyStrong,
  "sts.regions-unused-disabled": stsRegionsUnusedDisabled,
  "sts.global-token-v2": stsGlobalTokenV2,
  "roles.cross-account-conditions": rolesCrossAccountConditions,
  "roles.short-sessions": rolesShortSessions,
  "users.humans-via-roles": usersHumansViaRoles,
  "ec2.in-autoscaling-group": ec2InAutoscalingGroup,
  "asg.can-scale": asgCanScale,
};

/** What to do about a failing finding; undefined for a check iamfit has no content for. */
export function remediationFor(target: RemediationTarget): Remediation | undefined {
  const check = getCheck(target.checkId);
  const build = check?.remediation ?? REMEDIATION_BUILDERS[target.checkId];
  if (!build || !check) return undefined;
  return { checkId: target.checkId, why: check.why, ...build(target) };
}
