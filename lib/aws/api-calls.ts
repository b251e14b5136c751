/**
 * Every AWS operation iamfit makes, by the label used in CollectorError.api ("service:Operation",
 * with the service named by its IAM prefix where one exists), and the IAM action that allows it.
 * They differ for a few S3 operations, which is exactly where "which permission is missing"
 * goes wrong: ListBuckets needs s3:ListAllMyBuckets, S3 Control GetPublicAccessBlock needs
 * s3:GetAccountPublicAccessBlock (Service Authorization Reference, "Actions defined by Amazon S3").
 */
export const AUDIT_ROLE_OPERATIONS = {
  "iam:GenerateCredentialReport": "iam:GenerateCredentialReport",
  "iam:GetCredentialReport": "iam:GetCredentialReport",
  "iam:GetAccountSummary": "iam:GetAccountSummary",
  "iam:GetAccountPasswordPolicy": "iam:GetAccountPasswordPolicy",
  "iam:ListVirtualMFADevices": "iam:ListVirtualMFADevices",
  "iam:GetAccountAuthorizationDetails": "iam:GetAccountAuthorizationDetails",
  // MaxSessionDuration is not in GetAccountAuthorizationDetails (collectors/iam-authorization-details.ts).
  "iam:ListRoles": "iam:ListRoles",
  // Answers only in the management or delegated administrator account; members' denial is expected.
  "iam:ListOrganizationsFeatures": "iam:ListOrganizationsFeatures",
  "ec2:DescribeRegions": "ec2:DescribeRegions",
  "ec2:DescribeInstances": "ec2:DescribeInstances",
  "ec2:DescribeSecurityGroups": "ec2:DescribeSecurityGroups",
  "autoscaling:DescribeAutoScalingGroups": "autoscaling:DescribeAutoScalingGroups",
  "autoscaling:DescribePolicies": "autoscaling:DescribePolicies",
  "s3:ListBuckets": "s3:ListAllMyBuckets",
  "s3:GetBucketLocation": "s3:GetBucketLocation",
  "s3:GetBucketPolicy": "s3:GetBucketPolicy",
  "s3:GetBucketPolicyStatus": "s3:GetBucketPolicyStatus",
  "s3:GetBucketAcl": "s3:GetBucketAcl",
  "s3:GetPublicAccessBlock": "s3:GetBucketPublicAccessBlock",
  "s3control:GetPublicAccessBlock": "s3:GetAccountPublicAccessBlock",
  "cloudtrail:DescribeTrails": "cloudtrail:DescribeTrails",
  "cloudtrail:GetTrailStatus": "cloudtrail:GetTrailStatus",
  "access-analyzer:ListAnalyzers": "access-analyzer:ListAnalyzers",
  // IAM Identity Center: an instance answers only in the management or delegated administrator account.
  "sso:ListInstances": "sso:ListInstances",
  "sso:ListPermissionSets": "sso:ListPermissionSets",
  "sso:DescribePermissionSet": "sso:DescribePermissionSet",
  "sso:ListManagedPoliciesInPermissionSet": "sso:ListManagedPoliciesInPermissionSet",
  "sso:ListCustomerManagedPolicyReferencesInPermissionSet": "sso:ListCustomerManagedPolicyReferencesInPermissionSet",
  "sso:GetInlinePolicyForPermissionSet": "sso:GetInlinePolicyForPermissionSet",
  "sso:GetPermissionsBoundaryForPermissionSet": "sso:GetPermissionsBoundaryForPermissionSet",
  "sso:ListAccountsForProvisionedPermissionSet": "sso:ListAccountsForProvisionedPermissionSet",
  "sso:ListAccountAssignments": "sso:ListAccountAssignments",
  "identitystore:ListUsers": "identitystore:ListUsers",
  "identitystore:ListGroups": "identitystore:ListGroups",
  "identitystore:ListGroupMemberships": "identitystore:ListGroupMemberships",
} as const;
export type AuditRoleOperation = keyof typeof AUDIT_ROLE_OPERATIONS;

/**
 * Operations made with iamfit's own (base) credentials, not the audit role's: the session
 * itself and the STS regional probe. They are allowed by the role's trust policy, not by a
 * permissions policy on the role.
 */
export const BASE_PRINCIPAL_OPERATIONS = { "sts:AssumeRole": "sts:AssumeRole" } as const;
export type BasePrincipalOperation = keyof typeof BASE_PRINCIPAL_OPERATIONS;

/**
 * Operations made by the principal that reads the organization (iamfit's base credentials or the
 * discovery role in the management account or a delegated administrator): which service control
 * policies apply to an account (lib/aws/collectors/organizations-scps.ts). They answer only there.
 */
export const ORGANIZATION_READER_OPERATIONS = {
  "organizations:DescribeOrganization": "organizations:DescribeOrganization",
  "organizations:ListParents": "organizations:ListParents",
  "organizations:DescribeOrganizationalUnit": "organizations:DescribeOrganizationalUnit",
  "organizations:ListPoliciesForTarget": "organizations:ListPoliciesForTarget",
  "organizations:DescribePolicy": "organizations:DescribePolicy",
} as const;
export type OrganizationReaderOperation = keyof typeof ORGANIZATION_READER_OPERATIONS;

export type AwsOperation = AuditRoleOperation | BasePrincipalOperation | OrganizationReaderOperation;

/**
 * The IAM actions the audit role's permissions must allow, sorted: what a minimal policy grants.
 * The organization reads are included so the management account's (or a delegated
 * administrator's) audit role can serve as the role that reads the organization; in any other
 * account AWS refuses them whatever the policy says.
 */
export const COLLECTOR_API_CALLS: string[] = [
  ...new Set([...Object.values(AUDIT_ROLE_OPERATIONS), ...Object.values(ORGANIZATION_READER_OPERATIONS)]),
].sort();

/** The IAM action behind an operation label; the label itself when it is not one of ours. */
/**
 * Reads iamfit makes that the AWS managed SecurityAudit policy does not allow: it grants sso:List*
 * and sso:DescribePermissionSet but no sso:Get* (SecurityAudit's policy document as listed by
 * badele/aws-policies-analyzer-docs, policies/securityaudit.md). The templates add them beside it.
 */
export const NOT_IN_SECURITY_AUDIT: readonly string[] = ["sso:GetInlinePolicyForPermissionSet", "sso:GetPermissionsBoundaryForPermissionSet"];

export function iamActionFor(api: string): string {
  const operations: Record<string, string> = { ...AUDIT_ROLE_OPERATIONS, ...BASE_PRINCIPAL_OPERATIONS, ...ORGANIZATION_READER_OPERATIONS };
  return operations[api] ?? api;
}
