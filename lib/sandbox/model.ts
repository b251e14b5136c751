/**
 * The sandbox world's model of one AWS account: plain data, built deterministically by the
 * curated and generated account builders, changed only by mutations, and rendered into SDK
 * outputs by the handlers. Field names follow AWS concepts, not any one API's shape.
 */

/** A policy document as JSON; rendered URL-encoded (GAAD) or as a JSON string (S3) on the wire. */
export type PolicyDocument = { [key: string]: unknown };

export interface SandboxTag {
  key: string;
  value: string;
}

export interface AccessKey {
  accessKeyId: string;
  active: boolean;
  createdAt: Date;
  lastUsed?: { date: Date; region: string; service: string };
}

export interface MfaDevice {
  kind: "virtual" | "hardware";
  serialNumber: string;
  enabledAt: Date;
}

export interface InlinePolicy {
  name: string;
  document: PolicyDocument;
}

export interface SandboxRoot {
  /** Root credentials removed by centralized root access management (IAM + Organizations, 2024). */
  credentialsManagedCentrally: boolean;
  /** Absent: no root password. `lastUsed` absent: never used since tracking began. */
  password?: { lastUsed?: Date };
  mfa?: MfaDevice;
  accessKeys: AccessKey[];
}

export interface SandboxUser {
  userName: string;
  userId: string;
  path: string;
  createdAt: Date;
  /** Console password (login profile). */
  password?: { lastChanged: Date; lastUsed?: Date };
  mfa?: MfaDevice;
  accessKeys: AccessKey[];
  groups: string[];
  attachedPolicyArns: string[];
  inlinePolicies: InlinePolicy[];
  permissionsBoundaryArn?: string;
  tags: SandboxTag[];
}

export interface SandboxGroup {
  groupName: string;
  groupId: string;
  path: string;
  createdAt: Date;
  attachedPolicyArns: string[];
  inlinePolicies: InlinePolicy[];
}

export interface SandboxInstanceProfile {
  name: string;
  id: string;
  path: string;
  createdAt: Date;
}

export interface SandboxRole {
  roleName: string;
  roleId: string;
  path: string;
  createdAt: Date;
  description?: string;
  trustPolicy: PolicyDocument;
  attachedPolicyArns: string[];
  inlinePolicies: InlinePolicy[];
  maxSessionDuration: number;
  lastUsed?: { date: Date; region: string };
  instanceProfile?: SandboxInstanceProfile;
  permissionsBoundaryArn?: string;
  tags: SandboxTag[];
}

export interface PolicyVersion {
  versionId: string;
  document: PolicyDocument;
  createdAt: Date;
}

export interface SandboxManagedPolicy {
  policyName: string;
  policyId: string;
  path: string;
  createdAt: Date;
  updatedAt: Date;
  description?: string;
  versions: PolicyVersion[];
  defaultVersionId: string;
}

export interface SandboxPasswordPolicy {
  minimumPasswordLength: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercaseCharacters: boolean;
  requireLowercaseCharacters: boolean;
  allowUsersToChangePassword: boolean;
  /** Days; absent when passwords do not expire. */
  maxPasswordAge?: number;
  passwordReusePrevention?: number;
  hardExpiry: boolean;
}

// ---------------------------------------------------------------------------------------------
// Regional resources

export interface SecurityGroupRule {
  /** "-1" means all protocols and ports. */
  protocol: string;
  fromPort?: number;
  toPort?: number;
  ipv4: string[];
  ipv6: string[];
  groupIds: string[];
  prefixListIds: string[];
  description?: string;
}

export interface SandboxVpc {
  vpcId: string;
  region: string;
  cidr: string;
  isDefault: boolean;
  subnetIds: string[];
}

export interface SandboxSecurityGroup {
  groupId: string;
  groupName: string;
  description: string;
  vpcId: string;
  region: string;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
  tags: SandboxTag[];
}

export interface SandboxInstance {
  instanceId: string;
  region: string;
  availabilityZone: string;
  state: "pending" | "running" | "stopping" | "stopped" | "shutting-down" | "terminated";
  instanceType: string;
  imageId: string;
  launchTime: Date;
  /** Name of the instance profile (of a role in the same account). */
  instanceProfileName?: string;
  securityGroupIds: string[];
  publicIp?: string;
  privateIp: string;
  vpcId: string;
  subnetId: string;
  keyName?: string;
  tags: SandboxTag[];
}

export interface SandboxAutoScalingGroup {
  name: string;
  region: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  instanceIds: string[];
  loadBalancerNames: string[];
  targetGroupArns: string[];
  launchTemplateName: string;
  createdAt: Date;
}

export interface SandboxScalingPolicy {
  policyName: string;
  autoScalingGroupName: string;
  region: string;
  policyType: "TargetTrackingScaling" | "StepScaling" | "SimpleScaling" | "PredictiveScaling";
}

export interface SandboxTrail {
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  organization: boolean;
  s3BucketName: string;
  logFileValidation: boolean;
  logging: boolean;
  startedAt?: Date;
  stoppedAt?: Date;
  latestDeliveryAt?: Date;
}

export interface SandboxAnalyzer {
  name: string;
  region: string;
  type: "ACCOUNT" | "ORGANIZATION" | "ACCOUNT_UNUSED_ACCESS" | "ORGANIZATION_UNUSED_ACCESS";
  status: "ACTIVE" | "CREATING" | "DISABLED" | "FAILED";
  createdAt: Date;
}

export interface PublicAccessBlockSettings {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

export interface AclGrant {
  granteeType: "CanonicalUser" | "Group" | "AmazonCustomerByEmail";
  id?: string;
  uri?: string;
  displayName?: string;
  permission: "FULL_CONTROL" | "WRITE" | "WRITE_ACP" | "READ" | "READ_ACP";
}

export interface SandboxBucket {
  name: string;
  region: string;
  createdAt: Date;
  policy?: PolicyDocument;
  aclGrants: AclGrant[];
  publicAccessBlock?: PublicAccessBlockSettings;
  tags: SandboxTag[];
}

// ---------------------------------------------------------------------------------------------
// The account

export type AccountEnv = "prod" | "staging" | "dev" | "sandbox";

export interface SandboxAccount {
  accountId: string;
  name: string;
  email: string;
  env: AccountEnv;
  team: string;
  /** Short description of what is right and wrong here (shown in demos and tests). */
  posture: string;
  tags: Record<string, string>;
  createdAt: Date;
  /** S3 canonical user id of the account (bucket ACL owner). */
  canonicalUserId: string;

  /** Opt-in regions this account enabled; default regions are always enabled. */
  optedInRegions: string[];
  /** Enabled regions where the account deactivated its regional STS endpoint. */
  stsDeactivatedRegions: string[];
  /** 1: global-endpoint tokens valid only in default regions; 2: valid everywhere. */
  globalEndpointTokenVersion: 1 | 2;
  /** iam:ListOrganizationsFeatures answers here (management account or delegated admin). */
  organizationsFeatures?: Array<"RootCredentialsManagement" | "RootSessions">;

  root: SandboxRoot;
  passwordPolicy?: SandboxPasswordPolicy;
  users: SandboxUser[];
  groups: SandboxGroup[];
  roles: SandboxRole[];
  /** Customer managed policies (AWS managed ones live in the shared library). */
  policies: SandboxManagedPolicy[];

  vpcs: SandboxVpc[];
  securityGroups: SandboxSecurityGroup[];
  instances: SandboxInstance[];
  autoScalingGroups: SandboxAutoScalingGroup[];
  scalingPolicies: SandboxScalingPolicy[];
  trails: SandboxTrail[];
  analyzers: SandboxAnalyzer[];
  buckets: SandboxBucket[];
  /** Account-level S3 Block Public Access; absent: NoSuchPublicAccessBlockConfiguration. */
  accountPublicAccessBlock?: PublicAccessBlockSettings;
  /** The IAM Identity Center instance this account holds (the management account's). */
  identityCenter?: SandboxIdentityCenter;
}

// ---------------------------------------------------------------------------------------------
// IAM Identity Center

export interface SandboxPermissionSet {
  /** ps-<16 hex>, unique within the instance. */
  id: string;
  name: string;
  /** ISO 8601 duration ("PT8H"); absent means AWS's default of one hour. */
  sessionDuration?: string;
  awsManagedPolicyArns: string[];
  customerManagedPolicies: Array<{ name: string; path: string }>;
  inlinePolicy?: PolicyDocument;
  boundary?: { managedPolicyArn?: string; customerManagedPolicy?: { name: string; path: string } };
}

export interface SandboxIdentityCenter {
  /** ssoins-<16 hex> */
  instanceId: string;
  /** d-<10 hex> */
  identityStoreId: string;
  /** The one region Identity Center answers in. */
  region: string;
  users: Array<{ userId: string; userName: string; displayName: string }>;
  groups: Array<{ groupId: string; displayName: string }>;
  memberships: Array<{ groupId: string; userId: string }>;
  permissionSets: SandboxPermissionSet[];
  assignments: Array<{ accountId: string; permissionSetId: string; principalType: "USER" | "GROUP"; principalId: string }>;
}

export interface SandboxAccountSummary {
  accountId: string;
  name: string;
  email: string;
  /** The audit role iamfit assumes in this account. */
  roleArn: string;
  tags: Record<string, string>;
  posture: string;
  /** Hand-written account (stable across seeds) or drawn from the PRNG. */
  kind: "curated" | "generated";
}

// ---------------------------------------------------------------------------------------------
// The organization (AWS Organizations): its OU tree and every member account's place in it

/** Organizations' account State (ListAccounts); `Status` is derived from it on the wire. */
export type OrganizationAccountState = "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED";

export interface SandboxOrganizationalUnit {
  /** ou-<root suffix>-<8 characters>, as AWS formats OU ids. */
  id: string;
  name: string;
  /** The root id or another OU's id. */
  parentId: string;
}

export interface SandboxOrganizationMember {
  accountId: string;
  name: string;
  email: string;
  state: OrganizationAccountState;
  /** The root id or the id of the OU the account sits in. */
  parentId: string;
  joinedMethod: "CREATED" | "INVITED";
  joinedAt: Date;
}
