/**
 * The raw facts one collection stores for one account: the contract between the
 * collectors (lib/aws), the sandbox (lib/sandbox) and the checks (lib/checks).
 *
 * A snapshot is made of parts: one collector's facts for one account (global parts)
 * or one account and region (regional parts). Each part is stored content-addressed,
 * so a part that did not change since the last run costs nothing (DESIGN.md, "Scale").
 *
 * Rules that keep storage growing with change, not with runs:
 * - store facts as AWS reports them (dates as ISO strings), never values derived from
 *   "now" (an age in days would change every run);
 * - sort lists by a stable key so the same facts always serialise the same way.
 */
import { z } from "zod";

export const isoDate = z.string().min(1);

/** One failed AWS call, as recorded on the account and shown in the UI. */
export const collectorErrorSchema = z.object({
  /** service:Action, e.g. "iam:GenerateCredentialReport". */
  api: z.string(),
  /** AWS error code (AccessDenied, Throttling, RegionDisabledException…) or a transport code. */
  code: z.string(),
  message: z.string(),
  region: z.string().optional(),
  httpStatus: z.number().int().optional(),
});
export type CollectorError = z.infer<typeof collectorErrorSchema>;

/** A per-resource sub-result inside a part (e.g. one bucket's policy) that may fail on its own. */
export function fieldResult<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion("ok", [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: collectorErrorSchema }),
  ]);
}
export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: CollectorError };

// ---------------------------------------------------------------------------------------------
// IAM

/**
 * Credential report special values are kept as they are: "N/A" (does not apply),
 * "no_information" (never used, or used before AWS started tracking),
 * "not_supported" (the root row's password columns). Never turn them into false or null.
 */
export const credentialReportDate = z.union([
  isoDate,
  z.literal("N/A"),
  z.literal("no_information"),
  z.literal("not_supported"),
]);
export const credentialReportBool = z.union([z.boolean(), z.literal("N/A"), z.literal("not_supported")]);
export const credentialReportText = z.string(); // region / service columns: a value or "N/A"

/** All 22 columns of the IAM credential report, keyed exactly as the CSV header names them. */
export const credentialReportRowSchema = z.object({
  user: z.string(),
  arn: z.string(),
  user_creation_time: credentialReportDate,
  password_enabled: credentialReportBool,
  password_last_used: credentialReportDate,
  password_last_changed: credentialReportDate,
  password_next_rotation: credentialReportDate,
  mfa_active: credentialReportBool,
  access_key_1_active: credentialReportBool,
  access_key_1_last_rotated: credentialReportDate,
  access_key_1_last_used_date: credentialReportDate,
  access_key_1_last_used_region: credentialReportText,
  access_key_1_last_used_service: credentialReportText,
  access_key_2_active: credentialReportBool,
  access_key_2_last_rotated: credentialReportDate,
  access_key_2_last_used_date: credentialReportDate,
  access_key_2_last_used_region: credentialReportText,
  access_key_2_last_used_service: credentialReportText,
  cert_1_active: credentialReportBool,
  cert_1_last_rotated: credentialReportDate,
  cert_2_active: credentialReportBool,
  cert_2_last_rotated: credentialReportDate,
});
export type CredentialReportRow = z.infer<typeof credentialReportRowSchema>;
export const ROOT_USER_ROW = "<root_account>";

export const credentialReportSchema = z.object({
  generatedAt: isoDate,
  rows: z.array(credentialReportRowSchema),
});
export type CredentialReport = z.infer<typeof credentialReportSchema>;

/** GetAccountSummary's SummaryMap (AccountMFAEnabled, AccountAccessKeysPresent, GlobalEndpointTokenVersion, …). */
export const accountSummarySchema = z.record(z.string(), z.number());
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const passwordPolicySchema = z.discriminatedUnion("present", [
  z.object({ present: z.literal(false) }), // GetAccountPasswordPolicy answered NoSuchEntity
  z.object({
    present: z.literal(true),
    minimumPasswordLength: z.number().int().optional(),
    requireSymbols: z.boolean().optional(),
    requireNumbers: z.boolean().optional(),
    requireUppercaseCharacters: z.boolean().optional(),
    requireLowercaseCharacters: z.boolean().optional(),
    allowUsersToChangePassword: z.boolean().optional(),
    expirePasswords: z.boolean().optional(),
    maxPasswordAge: z.number().int().optional(),
    passwordReusePrevention: z.number().int().optional(),
    hardExpiry: z.boolean().optional(),
  }),
]);
export type PasswordPolicy = z.infer<typeof passwordPolicySchema>;

export const virtualMfaDeviceSchema = z.object({
  serialNumber: z.string(),
  /** The assigned user's ARN; `arn:aws:iam::<account>:root` means root uses a virtual MFA. */
  userArn: z.string().optional(),
  enableDate: isoDate.optional(),
});
export const virtualMfaDevicesSchema = z.array(virtualMfaDeviceSchema);
export type VirtualMfaDevice = z.infer<typeof virtualMfaDeviceSchema>;

/**
 * A policy document after URL-decoding. Kept as parsed JSON (`unknown`): documents are
 * untrusted input and may be malformed; lib/policy validates and normalises them.
 * When decoding or JSON parsing fails the collector stores `{ $malformed: true, raw, error }`.
 */
export const policyDocumentSchema = z.unknown();
export type PolicyDocumentJson = unknown;
export const malformedPolicyDocumentSchema = z.object({
  $malformed: z.literal(true),
  raw: z.string(),
  error: z.string(),
});

export const attachedPolicySchema = z.object({ policyName: z.string(), policyArn: z.string() });
export const inlinePolicySchema = z.object({ policyName: z.string(), document: policyDocumentSchema });
export const tagSchema = z.object({ key: z.string(), value: z.string() });

/**
 * IAM entities: every member is "Required: No" in the IAM API reference. Names and paths are
 * derived from the ARN when left out; ids and creation dates are optional; the ARN identifies.
 */
export const iamUserSchema = z.object({
  userName: z.string(),
  userId: z.string().optional(),
  arn: z.string(),
  path: z.string(),
  createDate: isoDate.optional(),
  groups: z.array(z.string()), // group names
  attachedManagedPolicies: z.array(attachedPolicySchema),
  inlinePolicies: z.array(inlinePolicySchema),
  permissionsBoundaryArn: z.string().optional(),
  tags: z.array(tagSchema),
});
export const iamGroupSchema = z.object({
  groupName: z.string(),
  groupId: z.string().optional(),
  arn: z.string(),
  path: z.string(),
  createDate: isoDate.optional(),
  attachedManagedPolicies: z.array(attachedPolicySchema),
  inlinePolicies: z.array(inlinePolicySchema),
});
export const iamRoleSchema = z.object({
  roleName: z.string(),
  roleId: z.string().optional(),
  arn: z.string(),
  path: z.string(),
  createDate: isoDate.optional(),
  assumeRolePolicyDocument: policyDocumentSchema,
  attachedManagedPolicies: z.array(attachedPolicySchema),
  inlinePolicies: z.array(inlinePolicySchema),
  instanceProfileArns: z.array(z.string()),
  maxSessionDuration: z.number().int().optional(),
  /** RoleLastUsed; absent when AWS has no record of use in its tracking window. */
  roleLastUsed: z.object({ lastUsedDate: isoDate.optional(), region: z.string().optional() }),
  permissionsBoundaryArn: z.string().optional(),
  tags: z.array(tagSchema),
});
export const managedPolicySchema = z.object({
  policyName: z.string(),
  policyId: z.string().optional(),
  arn: z.string(),
  path: z.string(),
  /** arn:aws:iam::aws:policy/… */
  isAwsManaged: z.boolean(),
  isAttachable: z.boolean().optional(),
  /** As AWS reports it, or counted from the answer's own attachments when AWS leaves it out. */
  attachmentCount: z.number().int(),
  defaultVersionId: z.string().optional(),
  /** Only the default version is effective; other versions are listed by id. */
  defaultDocument: policyDocumentSchema,
  versionIds: z.array(z.string()),
});
export const authorizationDetailsSchema = z.object({
  users: z.array(iamUserSchema),
  groups: z.array(iamGroupSchema),
  roles: z.array(iamRoleSchema),
  policies: z.array(managedPolicySchema),
});
export type IamUser = z.infer<typeof iamUserSchema>;
export type IamGroup = z.infer<typeof iamGroupSchema>;
export type IamRole = z.infer<typeof iamRoleSchema>;
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;
export type AuthorizationDetails = z.infer<typeof authorizationDetailsSchema>;

/**
 * Centralized root access (IAM ListOrganizationsFeatures, 2024). Only the management account and
 * the delegated administrator for centralized root access can read the features; every other
 * member account answers AccountNotManagementOrDelegatedAdministrator, so for those iamfit adds
 * the organization's answer as read in the account that could read it (`organization`).
 */
export const organizationsFeaturesSchema = z.discriminatedUnion("answer", [
  /** This account read the features itself: it is the management account or the delegated administrator. */
  z.object({
    answer: z.literal("read_here"),
    organizationId: z.string(),
    enabledFeatures: z.array(z.string()),
  }),
  /** A member account; `organization` is absent until an account that can read the features was collected. */
  z.object({
    answer: z.literal("member_account"),
    organization: z
      .object({ organizationId: z.string(), enabledFeatures: z.array(z.string()), readInAccountId: z.string() })
      .optional(),
  }),
  /** OrganizationNotFound, OrganizationNotInAllFeaturesMode or ServiceAccessNotEnabled: the features cannot be on. */
  z.object({ answer: z.literal("not_available"), code: z.string() }),
]);
export type OrganizationsFeatures = z.infer<typeof organizationsFeaturesSchema>;
export const ROOT_CREDENTIALS_MANAGEMENT = "RootCredentialsManagement";

// ---------------------------------------------------------------------------------------------
// Regions and STS

export const regionSchema = z.object({
  regionName: z.string(),
  /**
   * opt-in-not-required | opted-in | not-opted-in; absent when EC2 leaves it out ("Required: No"):
   * such a region is collected like an enabled one, and a check that needs the status says unknown.
   */
  optInStatus: z.string().optional(),
});
export const regionsSchema = z.array(regionSchema);
export type Region = z.infer<typeof regionSchema>;
export function isRegionEnabled(region: Region): boolean {
  return region.optInStatus !== "not-opted-in";
}

export const stsRegionStateSchema = z.object({
  region: z.string(),
  /** active: the regional endpoint answered; disabled: RegionDisabledException; unknown: the probe failed otherwise. */
  status: z.enum(["active", "disabled", "unknown"]),
  errorCode: z.string().optional(),
});
export const stsRegionStatusSchema = z.object({
  /** Which account's STS setting the probe observed; see lib/aws/collectors/sts.ts. */
  probedAs: z.string(),
  regions: z.array(stsRegionStateSchema),
});
export type StsRegionStatus = z.infer<typeof stsRegionStatusSchema>;

// ---------------------------------------------------------------------------------------------
// EC2 and AutoScaling (regional)

export const ipPermissionSchema = z.object({
  /** "-1" means all protocols (and so all ports). */
  ipProtocol: z.string(),
  fromPort: z.number().int().optional(),
  toPort: z.number().int().optional(),
  ipv4Ranges: z.array(z.string()),
  ipv6Ranges: z.array(z.string()),
  /** Referenced security group ids. */
  userIdGroupPairs: z.array(z.string()),
  prefixListIds: z.array(z.string()),
});
export type IpPermission = z.infer<typeof ipPermissionSchema>;

export const securityGroupSchema = z.object({
  groupId: z.string(),
  /** Absent when EC2 leaves it out ("Required: No"): the group may be the VPC's default one. */
  groupName: z.string().optional(),
  description: z.string(),
  vpcId: z.string().optional(),
  ingress: z.array(ipPermissionSchema),
  egress: z.array(ipPermissionSchema),
});
export const securityGroupsSchema = z.array(securityGroupSchema);
export type SecurityGroup = z.infer<typeof securityGroupSchema>;

export const instanceSchema = z.object({
  instanceId: z.string(),
  state: z.string(), // pending | running | stopping | stopped | shutting-down | terminated
  instanceType: z.string().optional(),
  launchTime: isoDate.optional(),
  iamInstanceProfileArn: z.string().optional(),
  securityGroupIds: z.array(z.string()),
  publicIpAddress: z.string().optional(),
  vpcId: z.string().optional(),
  tags: z.array(tagSchema),
});
export const instancesSchema = z.array(instanceSchema);
export type Instance = z.infer<typeof instanceSchema>;

export const autoScalingGroupSchema = z.object({
  name: z.string(),
  arn: z.string().optional(),
  minSize: z.number().int(),
  maxSize: z.number().int(),
  desiredCapacity: z.number().int(),
  instanceIds: z.array(z.string()),
  loadBalancerNames: z.array(z.string()),
  targetGroupArns: z.array(z.string()),
});
export const scalingPolicySchema = z.object({
  policyName: z.string(),
  autoScalingGroupName: z.string(),
  policyType: z.string().optional(),
});
export const autoScalingSchema = z.object({
  groups: z.array(autoScalingGroupSchema),
  policies: z.array(scalingPolicySchema),
});
export type AutoScaling = z.infer<typeof autoScalingSchema>;

// ---------------------------------------------------------------------------------------------
// S3

export const publicAccessBlockSchema = z.object({
  blockPublicAcls: z.boolean(),
  ignorePublicAcls: z.boolean(),
  blockPublicPolicy: z.boolean(),
  restrictPublicBuckets: z.boolean(),
});
export type PublicAccessBlock = z.infer<typeof publicAccessBlockSchema>;

/** Account-level block; `null` means NoSuchPublicAccessBlockConfiguration (all four off). */
export const accountPublicAccessBlockSchema = z.object({ configuration: publicAccessBlockSchema.nullable() });

export const aclGrantSchema = z.object({
  /** CanonicalUser | Group | AmazonCustomerByEmail */
  granteeType: z.string(),
  granteeUri: z.string().optional(),
  granteeId: z.string().optional(),
  permission: z.string(),
});
export const bucketSchema = z.object({
  name: z.string(),
  creationDate: isoDate.optional(),
  region: z.string(),
  /** Parsed policy JSON, or null for NoSuchBucketPolicy. */
  policy: fieldResult(policyDocumentSchema.nullable()),
  /** GetBucketPolicyStatus IsPublic; null when the bucket has no policy. */
  policyIsPublic: fieldResult(z.boolean().nullable()),
  acl: fieldResult(z.object({ ownerId: z.string().optional(), grants: z.array(aclGrantSchema) })),
  /** Bucket-level block; null means none configured. */
  publicAccessBlock: fieldResult(publicAccessBlockSchema.nullable()),
});
export const bucketsSchema = z.array(bucketSchema);
export type Bucket = z.infer<typeof bucketSchema>;

// ---------------------------------------------------------------------------------------------
// CloudTrail and Access Analyzer (regional)

export const trailSchema = z.object({
  name: z.string(),
  trailArn: z.string(),
  homeRegion: z.string(),
  isMultiRegionTrail: z.boolean(),
  isOrganizationTrail: z.boolean(),
  s3BucketName: z.string().optional(),
  logFileValidationEnabled: z.boolean(),
  status: fieldResult(z.object({ isLogging: z.boolean(), latestDeliveryTime: isoDate.optional() })),
});
export const trailsSchema = z.array(trailSchema);
export type Trail = z.infer<typeof trailSchema>;

export const analyzerSchema = z.object({
  name: z.string(),
  arn: z.string(),
  type: z.string(), // ACCOUNT | ORGANIZATION | ACCOUNT_UNUSED_ACCESS | …
  status: z.string(), // ACTIVE | CREATING | DISABLED | FAILED
});
export const analyzersSchema = z.array(analyzerSchema);
export type Analyzer = z.infer<typeof analyzerSchema>;

// ---------------------------------------------------------------------------------------------
// Service control policies (AWS Organizations), kept in their own block: read with the principal
// that reads the organization (lib/aws/collectors/organizations-scps.ts), not the audit role.

export const serviceControlPolicySchema = z.object({
  policyId: z.string(),
  policyName: z.string(),
  /** FullAWSAccess and other policies AWS owns. */
  awsManaged: z.boolean(),
  /** DescribePolicy's Content as parsed JSON; `{ $malformed: true, raw, error }` when it is not JSON. */
  document: policyDocumentSchema,
});
export const serviceControlPolicyLevelSchema = z.object({
  targetId: z.string(),
  targetType: z.enum(["ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT"]),
  /** The OU's or account's name; "Root" for the root. */
  targetName: z.string(),
  /** Sorted by policy id. */
  policies: z.array(serviceControlPolicySchema),
});
export const serviceControlPoliciesSchema = z.discriminatedUnion("answer", [
  /** The SCPs attached from the root down to the account, root first. */
  z.object({ answer: z.literal("read"), organizationId: z.string(), levels: z.array(serviceControlPolicyLevelSchema) }),
  /** SCPs never restrict the management account's users and roles (Organizations User Guide, SCPs). */
  z.object({ answer: z.literal("management_account"), organizationId: z.string() }),
  /** The SCP policy type is not enabled on the root: no SCP applies. */
  z.object({ answer: z.literal("not_enabled"), organizationId: z.string() }),
  /** The organization's policies could not be read; `reason` says why in a person's words. */
  z.object({ answer: z.literal("not_readable"), code: z.string(), reason: z.string() }),
]);
export type ServiceControlPolicies = z.infer<typeof serviceControlPoliciesSchema>;
export type ServiceControlPolicyTargetLevel = z.infer<typeof serviceControlPolicyLevelSchema>;

// ---------------------------------------------------------------------------------------------
// IAM Identity Center: read in the account that holds the instance (the management account or
// the delegated administrator; ListInstances answers only there), and copied into the accounts
// its assignments target (lib/collect/identity-center.ts), so each account's snapshot carries
// the permission sets and people that reach it.

/** A customer managed policy a permission set names; it must exist under this name in each target account. */
export const customerManagedPolicyReferenceSchema = z.object({ name: z.string(), path: z.string() });
export const identityCenterPermissionSetSchema = z.object({
  permissionSetArn: z.string(),
  /** DescribePermissionSet's Name; the ARN's last segment (ps-…) when AWS leaves it out. */
  name: z.string(),
  /** ISO 8601 duration as AWS reports it ("PT8H"); absent means AWS's default of one hour. */
  sessionDuration: z.string().optional(),
  awsManagedPolicies: z.array(attachedPolicySchema),
  customerManagedPolicies: z.array(customerManagedPolicyReferenceSchema),
  /** The inline policy parsed (malformed documents as `{ $malformed: true, … }`); absent when there is none. */
  inlinePolicy: policyDocumentSchema.optional(),
  permissionsBoundary: z
    .object({ managedPolicyArn: z.string().optional(), customerManagedPolicy: customerManagedPolicyReferenceSchema.optional() })
    .optional(),
});
export const identityCenterAssignmentSchema = z.object({
  accountId: z.string(),
  permissionSetArn: z.string(),
  principalType: z.enum(["USER", "GROUP"]),
  principalId: z.string(),
});
export const identityStoreUserSchema = z.object({ userId: z.string(), userName: z.string(), displayName: z.string().optional() });
export const identityStoreGroupSchema = z.object({ groupId: z.string(), displayName: z.string() });
export const identityStoreMembershipSchema = z.object({ groupId: z.string(), userId: z.string() });
export const identityCenterInstanceSchema = z.object({
  instanceArn: z.string(),
  identityStoreId: z.string(),
  /** The region that answered ListInstances. */
  region: z.string(),
  /** The management or delegated administrator account that read the instance. */
  readInAccountId: z.string(),
  /** Sorted by ARN. In a target account only the sets assigned there. */
  permissionSets: z.array(identityCenterPermissionSetSchema),
  /** Sorted by account, permission set and principal. In a target account only those targeting it. */
  assignments: z.array(identityCenterAssignmentSchema),
  users: z.array(identityStoreUserSchema),
  groups: z.array(identityStoreGroupSchema),
  memberships: z.array(identityStoreMembershipSchema),
});
export const identityCenterSchema = z.discriminatedUnion("answer", [
  /** This account holds the instance: everything it read. */
  z.object({ answer: z.literal("read_here"), instance: identityCenterInstanceSchema }),
  /**
   * ListInstances answered no instance here. `instance` is the organization's, as read in the
   * account that holds it, narrowed to this account; absent until that account was collected.
   */
  z.object({ answer: z.literal("member_account"), instance: identityCenterInstanceSchema.optional() }),
]);
export type IdentityCenter = z.infer<typeof identityCenterSchema>;
export type IdentityCenterInstance = z.infer<typeof identityCenterInstanceSchema>;
export type IdentityCenterPermissionSet = z.infer<typeof identityCenterPermissionSetSchema>;
export type IdentityCenterAssignment = z.infer<typeof identityCenterAssignmentSchema>;

// ---------------------------------------------------------------------------------------------
// The part catalogue

export const globalPartSchemas = {
  "iam.credentialReport": credentialReportSchema,
  "iam.accountSummary": accountSummarySchema,
  "iam.passwordPolicy": passwordPolicySchema,
  "iam.virtualMfaDevices": virtualMfaDevicesSchema,
  "iam.authorizationDetails": authorizationDetailsSchema,
  "iam.organizationsFeatures": organizationsFeaturesSchema,
  "ec2.regions": regionsSchema,
  "sts.regionStatus": stsRegionStatusSchema,
  "s3.buckets": bucketsSchema,
  "s3control.publicAccessBlock": accountPublicAccessBlockSchema,
  "organizations.serviceControlPolicies": serviceControlPoliciesSchema,
  "identitycenter.assignments": identityCenterSchema,
} as const;

export const regionalPartSchemas = {
  "ec2.instances": instancesSchema,
  "ec2.securityGroups": securityGroupsSchema,
  "autoscaling.groups": autoScalingSchema,
  "cloudtrail.trails": trailsSchema,
  "accessanalyzer.analyzers": analyzersSchema,
} as const;

export type GlobalPartName = keyof typeof globalPartSchemas;
export type RegionalPartName = keyof typeof regionalPartSchemas;
export type PartName = GlobalPartName | RegionalPartName;
export type PartData<N extends PartName> = N extends GlobalPartName
  ? z.infer<(typeof globalPartSchemas)[N]>
  : N extends RegionalPartName
    ? z.infer<(typeof regionalPartSchemas)[N]>
    : never;

export const GLOBAL_PART_NAMES = Object.keys(globalPartSchemas) as GlobalPartName[];
export const REGIONAL_PART_NAMES = Object.keys(regionalPartSchemas) as RegionalPartName[];

/** Key of a part inside a snapshot: "iam.credentialReport" or "ec2.instances@eu-west-1". */
export type PartKey = string;
export function partKey(name: PartName, region?: string): PartKey {
  return region ? `${name}@${region}` : name;
}
export function parsePartKey(key: PartKey): { name: PartName; region?: string } {
  const at = key.indexOf("@");
  if (at < 0) return { name: key as PartName };
  return { name: key.slice(0, at) as PartName, region: key.slice(at + 1) };
}

/**
 * The outcome of collecting one part.
 * - ok: the facts; `entryErrors` names entries AWS answered without what identifies them (no ARN,
 *   no id), which were left out: the rest of the part stands, and a check that read it never
 *   passes or calls itself not applicable (lib/checks/registry.ts);
 * - error: the call failed; `stale` carries the last good facts (shown in the UI, marked stale,
 *   never used to pass a check);
 * - skipped: not collected on purpose (region disabled or not opted in, out of scope).
 */
export type PartResult<T> =
  | { status: "ok"; data: T; entryErrors?: CollectorError[] }
  | { status: "error"; error: CollectorError; stale?: { data: T; collectedAt: string } }
  | { status: "skipped"; reason: "region_disabled" | "out_of_scope" };

export interface AccountSnapshot {
  accountId: string;
  /** When collection of this account finished; checks use it as "now" so evaluation is pure. */
  collectedAt: string;
  /** Enabled regions that were collected, sorted. */
  regions: string[];
  parts: Record<PartKey, PartResult<unknown>>;
}

export function getPart<N extends GlobalPartName>(
  snapshot: AccountSnapshot,
  name: N,
): PartResult<PartData<N>> | undefined {
  return snapshot.parts[name] as PartResult<PartData<N>> | undefined;
}

export function getRegionalParts<N extends RegionalPartName>(
  snapshot: AccountSnapshot,
  name: N,
): Array<{ region: string; result: PartResult<PartData<N>> }> {
  const prefix = `${name}@`;
  return Object.entries(snapshot.parts)
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, result]) => ({ region: key.slice(prefix.length), result: result as PartResult<PartData<N>> }))
    .sort((a, b) => a.region.localeCompare(b.region));
}
