/**
 * The permissions behind every template: the AWS managed SecurityAudit policy (AWS-NOTES.md: it
 * covers nearly every read iamfit makes and keeps covering new ones) with a small inline policy
 * for the IAM Identity Center reads it lacks (sso:Get*), or, as an option, a minimal
 * custom policy that allows exactly the IAM actions of lib/aws/api-calls.ts and nothing else.
 * policy-coverage.test.ts proves the minimal policy allows every call the collectors make.
 */
import { COLLECTOR_API_CALLS, NOT_IN_SECURITY_AUDIT, ORGANIZATION_READER_OPERATIONS } from "@/lib/aws/api-calls";
import { auditRoleTrustPolicy } from "@/lib/accounts/trust-policy";
import { ORGANIZATION_DISCOVERY_ACTIONS } from "@/lib/aws/organizations";

export const SECURITY_AUDIT_POLICY_NAME = "SecurityAudit";
export const MINIMAL_POLICY_NAME = "iamfit-minimal-read-only";
/** Beside SecurityAudit: the few reads it does not allow (lib/aws/api-calls.ts NOT_IN_SECURITY_AUDIT). */
export const BEYOND_SECURITY_AUDIT_POLICY_NAME = "iamfit-beyond-security-audit";
export const BEYOND_SECURITY_AUDIT_ACTIONS: readonly string[] = [...NOT_IN_SECURITY_AUDIT].sort();
export const DEFAULT_STACK_SET_NAME = "iamfit-audit-role";

export type PermissionsChoice = "SecurityAudit" | "Minimal";

/** What every template is filled in with for this installation. */
export interface AuditRoleTemplateInput {
  /** The principal iamfit runs as: an account root, role or user ARN. */
  trustedPrincipalArn: string;
  externalId: string;
  roleName: string;
}

/**
 * Template values are written into YAML and HCL strings unescaped: allow only what ARNs,
 * ExternalIds and role names may contain (plus the <…> of a placeholder principal).
 */
const TEMPLATE_SAFE = /^[\w+=,.@:/<>-]+$/;

export class UnsafeTemplateValueError extends Error {
  constructor(field: string) {
    super(`${field} contains characters a template cannot hold; allowed are letters, digits and +=,.@:/-`);
    this.name = "UnsafeTemplateValueError";
  }
}

/**
 * Checks exactly the three values a template writes. Callers pass wider inputs (a StackSet's OU
 * list), so the fields are named here rather than read with Object.entries: String([]) is "",
 * which this pattern refuses, and that crashed the templates page before any OU was known.
 */
export function assertTemplateSafe(input: AuditRoleTemplateInput): void {
  const fields: Array<keyof AuditRoleTemplateInput> = ["trustedPrincipalArn", "externalId", "roleName"];
  for (const field of fields) {
    if (!TEMPLATE_SAFE.test(input[field])) throw new UnsafeTemplateValueError(field);
  }
}

export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: Array<{ Sid: string; Effect: "Allow"; Action: string[]; Resource: "*" }>;
}

/** Every action iamfit's collectors need, read-only, on all resources (these reads do not support resource-level scoping). */
export function minimalReadOnlyPolicy(): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "IamfitCollectorReads", Effect: "Allow", Action: [...COLLECTOR_API_CALLS], Resource: "*" }],
  };
}

/**
 * For iamfit's own principal when it reads the organization (management account or delegated
 * administrator): its accounts, and the service control policies that apply to each.
 */
export function organizationDiscoveryPolicy(): PolicyDocument {
  const actions = [...new Set([...ORGANIZATION_DISCOVERY_ACTIONS, ...Object.values(ORGANIZATION_READER_OPERATIONS)])].sort();
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "IamfitOrganizationDiscovery", Effect: "Allow", Action: actions, Resource: "*" }],
  };
}

export function trustPolicyJson(input: Pick<AuditRoleTemplateInput, "trustedPrincipalArn" | "externalId">): string {
  return JSON.stringify(auditRoleTrustPolicy(input), null, 2);
}
