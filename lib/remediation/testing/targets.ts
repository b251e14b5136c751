/**
 * Remediation targets shaped like the findings lib/checks emits (resource ids, types and the
 * evidence fields remediation reads), for every check, with the names a test chooses.
 */
import { accessKeyResourceId, accountRootArn, bucketArn, inlinePolicyResourceId, instanceArn, passwordResourceId, securityGroupArn } from "@/lib/checks/findings";
import type { JsonValue, ResourceType } from "@/lib/checks/types";
import type { RemediationTarget } from "../content";

export const TEST_ACCOUNT = "123456789012";

export interface TargetNames {
  user: string;
  role: string;
  group: string;
  bucket: string;
  policy: string;
  region: string;
}

export const PLAIN_NAMES: TargetNames = { user: "alice", role: "deploy", group: "admins", bucket: "my-bucket", policy: "app-policy", region: "eu-west-1" };

/** Names the sandbox really has (lib/sandbox/curated/staging-web.ts) and worse. */
export const HOSTILE_NAMES: TargetNames = {
  user: "<img src=x onerror=alert(1)>",
  role: "x'$(id)\\`id`",
  group: '=HYPERLINK("http://x")',
  bucket: "bucket';rm -rf ~;'",
  policy: "`id` ${HOME}",
  region: "eu-west-1",
};

const IDENTITY_CENTER_INSTANCE = "arn:aws:sso:::instance/ssoins-1111222233334444";
const IDENTITY_CENTER_SET = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-0123456789abcdef";
const IDENTITY_CENTER_HOLDER = "999900001111";

function target(checkId: string, resourceType: ResourceType, resourceId: string, resourceName: string, evidence: JsonValue, region: string | null = null): RemediationTarget {
  return { awsAccountId: TEST_ACCOUNT, checkId, resourceId, resourceType, resourceName, region, evidence };
}

export function targetFor(checkId: string, names: TargetNames = PLAIN_NAMES): RemediationTarget {
  const userArn = `arn:aws:iam::${TEST_ACCOUNT}:user/${names.user}`;
  const roleArn = `arn:aws:iam::${TEST_ACCOUNT}:role/${names.role}`;
  const rootArn = accountRootArn(TEST_ACCOUNT);
  const row = (extra: { [key: string]: JsonValue }) => ({ user: names.user, arn: userArn, ...extra });
  const adminStatement = { index: 0, sid: null, statement: { Effect: "Allow", Action: "*", Resource: "*" } };
  const administratorAccess = { attachment: "managed", policyName: "AdministratorAccess", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess", kind: "administrator_access_arn", conditional: false, statement: adminStatement };
  const adminPath = (attachedTo: string) => ({ via: "direct", groupName: null, attachedTo, ...administratorAccess });
  const groupPath = { via: "group", groupName: names.group, attachedTo: `arn:aws:iam::${TEST_ACCOUNT}:group/${names.group}`, ...administratorAccess };
  const inlineAdminPath = (attachedTo: string) => ({ via: "direct", attachment: "inline", groupName: null, policyName: names.policy, policyArn: null, attachedTo, kind: "full_wildcard", conditional: false, statement: adminStatement });
  const scp = { serviceControlPolicies: "not considered", serviceControlPoliciesNote: "Service control policies were not considered: the account is not in an organization." };
  const customerPolicy = (policy: string, attachedTo: string[]) => ({ policy, policyName: names.policy, attachedTo });
  const inlinePolicy = inlinePolicyResourceId(userArn, names.policy);
  switch (checkId) {
    case "root.access-keys":
      return target(checkId, "root", rootArn, "root", {
        user: "<root_account>",
        arn: rootArn,
        access_key_1_active: true,
        access_key_1_last_rotated: "2021-03-04T10:00:00+00:00",
        access_key_2_active: false,
        access_key_2_last_rotated: "N/A",
      });
    case "root.recent-use":
      return target(checkId, "root", rootArn, "root", { user: "<root_account>", arn: rootArn, password_last_used: "2025-05-20T09:00:00+00:00", access_key_1_last_used_date: "N/A", access_key_2_last_used_date: "N/A" });
    case "root.mfa":
      return target(checkId, "root", rootArn, "root", {
        user: "<root_account>",
        arn: rootArn,
        mfa_active: false,
        password_enabled: "not_supported",
        password_last_used: "2025-05-20T09:00:00+00:00",
        access_key_1_active: false,
        access_key_2_active: false,
      });
    case "root.hardware-mfa":
      return target(checkId, "root", rootArn, "root", {
        user: "<root_account>",
        arn: rootArn,
        mfa_active: true,
        password_last_used: "2025-05-20T09:00:00+00:00",
        access_key_1_active: false,
        access_key_2_active: false,
        rootVirtualMfaDevices: [`arn:aws:iam::${TEST_ACCOUNT}:mfa/root-account-mfa-device`],
      });
    case "users.console-mfa":
      return target(checkId, "user", userArn, names.user, row({ password_enabled: true, mfa_active: false }));
    case "users.mfa-enforced":
      return target(checkId, "user", userArn, names.user, {
        arn: userArn,
        allowedWithMfa: ["s3:GetObject"],
        usableWithAccessKeyAlone: ["s3:GetObject"],
        deniedWithoutMfaBy: [],
        deniedOnlyInConsoleBy: [],
        unreadablePolicies: [],
        serviceControlPolicies: "not considered",
        serviceControlPoliciesNote: "Service control policies were not considered: iamfit may not read them.",
      });
    case "users.humans-via-roles":
      return target(checkId, "user", userArn, names.user, row({ password_enabled: true, access_key_1_active: true, access_key_2_active: true }));
    case "keys.single-active":
      return target(checkId, "user", userArn, names.user, row({ access_key_1_active: true, access_key_2_active: true }));
    case "users.workload-keys":
      return target(checkId, "user", userArn, names.user, row({ password_enabled: false, access_key_1_active: true, access_key_2_active: false, admin: false }));
    case "admins.count":
      return target(checkId, "account", rootArn, TEST_ACCOUNT, {
        limit: 2,
        adminUsers: [
          { arn: userArn, name: names.user, paths: [adminPath(userArn)] },
          { arn: `arn:aws:iam::${TEST_ACCOUNT}:user/bob`, name: "bob", paths: [groupPath] },
          { arn: `arn:aws:iam::${TEST_ACCOUNT}:user/carol`, name: "carol", paths: [inlineAdminPath(`arn:aws:iam::${TEST_ACCOUNT}:user/carol`)] },
        ],
        adminThroughRoles: [],
        undeterminedUsers: [],
        ...scp,
      });
    case "policies.no-star-star": {
      const policy = `arn:aws:iam::${TEST_ACCOUNT}:policy/${names.policy}`;
      return target(checkId, "policy", policy, names.policy, { ...customerPolicy(policy, [userArn]), statements: [{ ...adminStatement, conditional: false }] });
    }
    case "policies.service-wildcards": {
      const policy = `arn:aws:iam::${TEST_ACCOUNT}:policy/${names.policy}`;
      const statement = { index: 0, sid: null, statement: { Effect: "Allow", Action: "s3:*", Resource: "*" } };
      return target(checkId, "policy", policy, names.policy, { ...customerPolicy(policy, [userArn]), grants: [{ kind: "service_wildcard", pattern: "s3:*", resources: ["*"], statement }] });
    }
    case "policies.allow-not-action": {
      const notAction = { Sid: "EverythingButIam", Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" };
      return target(checkId, "policy", inlinePolicy, `${names.user}/${names.policy}`, {
        policy: inlinePolicy,
        policyName: names.policy,
        attachedTo: [userArn],
        negatedAllows: [{ uses: ["NotAction"], conditional: false, conditionKeys: [], broad: true, statement: { index: 0, sid: "EverythingButIam", statement: notAction } }],
      });
    }
    case "users.permissions-via-groups":
      return target(checkId, "user", userArn, names.user, { arn: userArn, attachedPolicyArns: [`arn:aws:iam::${TEST_ACCOUNT}:policy/${names.policy}`], inlinePolicyNames: [names.policy], groups: [] });
    case "ec2.instance-profile":
      return target(checkId, "instance", instanceArn(names.region, TEST_ACCOUNT, "i-0abc123"), "i-0abc123", { instanceId: "i-0abc123", state: "running", iamInstanceProfileArn: null }, names.region);
    case "ec2.in-autoscaling-group":
      return target(checkId, "instance", instanceArn(names.region, TEST_ACCOUNT, "i-0abc123"), "i-0abc123", { instanceId: "i-0abc123", servingBecause: ["public IP 203.0.113.5"], autoScalingGroup: null }, names.region);
    case "ec2.role-not-admin":
      return target(checkId, "role", roleArn, names.role, { arn: roleArn, instanceProfileArns: [], adminPaths: [adminPath(roleArn), inlineAdminPath(roleArn)], ...scp });
    case "policies.privilege-escalation": {
      const statement = { via: "direct", attachment: "inline", groupName: null, policyName: names.policy, policyArn: null, attachedTo: userArn, index: 0, sid: null, statement: { Effect: "Allow", Action: "iam:CreatePolicyVersion", Resource: "*" }, allResources: true, conditional: false };
      return target(checkId, "user", userArn, names.user, {
        arn: userArn,
        paths: [{ method: "iam-create-policy-version", unrestricted: true, grants: [{ action: "iam:CreatePolicyVersion", statements: [statement] }] }],
        unreadablePolicies: [],
        ...scp,
      });
    }
    case "principals.unused":
      return target(checkId, "role", roleArn, names.role, { arn: roleArn, createDate: "2024-01-01T00:00:00Z", lastUsedDate: null, lastUsedRegion: null });
    case "accessanalyzer.enabled":
      return target(checkId, "region", `arn:aws:access-analyzer:${names.region}:${TEST_ACCOUNT}:analyzers`, names.region, { region: names.region, analyzers: [] }, names.region);
    case "cloudtrail.multi-region":
      return target(checkId, "account", rootArn, TEST_ACCOUNT, {
        trails: [{ trailArn: `arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:trail/${names.policy}`, homeRegion: "us-east-1", isMultiRegionTrail: true, isOrganizationTrail: false, isLogging: false, statusError: null }],
      });
    case "keys.rotated":
      return target(checkId, "access_key", accessKeyResourceId(userArn, 2), `${names.user} access key 2`, { user: names.user, arn: userArn, access_key_2_active: true, access_key_2_last_rotated: "2024-01-02T03:04:05+00:00" });
    case "credentials.unused":
      return target(checkId, "user", passwordResourceId(userArn), `${names.user} password`, row({ password_enabled: true, password_last_used: "2025-01-01T00:00:00+00:00", password_last_changed: "2024-06-01T00:00:00+00:00", user_creation_time: "2024-06-01T00:00:00+00:00" }));
    case "password-policy.strong":
      return target(checkId, "password_policy", `arn:aws:iam::${TEST_ACCOUNT}:account-password-policy`, "account password policy", {
        present: true,
        minimumPasswordLength: 8,
        passwordReusePrevention: 0,
        required: { minimumPasswordLength: 14, passwordReusePrevention: 24 },
      });
    case "sts.regions-unused-disabled":
      return target(checkId, "region", `arn:aws:sts:${names.region}:${TEST_ACCOUNT}:regional-endpoint`, names.region, { region: names.region, status: "active", errorCode: null, probedAs: TEST_ACCOUNT, usedBy: [] }, names.region);
    case "sts.global-token-v2":
      return target(checkId, "account", `arn:aws:sts::${TEST_ACCOUNT}:global-endpoint`, "global STS endpoint", { GlobalEndpointTokenVersion: 1, optedInRegions: ["af-south-1"] });
    case "roles.cross-account-conditions":
      return target(checkId, "role", roleArn, names.role, {
        arn: roleArn,
        crossAccount: [
          {
            principal: "arn:aws:iam::999999999999:root",
            requiresExternalId: false,
            requiresMfa: false,
            restrictedByCondition: false,
            statement: { index: 0, statement: { Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:AssumeRole" } },
          },
        ],
      });
    case "roles.short-sessions":
      return target(checkId, "role", roleArn, names.role, { arn: roleArn, maxSessionDuration: 43200, humanPrincipals: [rootArn] });
    case "asg.can-scale":
      return target(checkId, "autoscaling_group", `arn:aws:autoscaling:${names.region}:${TEST_ACCOUNT}:autoScalingGroup:*:autoScalingGroupName/${names.group}`, names.group, { name: names.group, minSize: 2, maxSize: 2, scalingPolicies: [] }, names.region);
    case "sg.admin-ports-open":
      return target(checkId, "security_group", securityGroupArn(names.region, TEST_ACCOUNT, "sg-0abc"), `${names.group} (sg-0abc)`, {
        groupId: "sg-0abc",
        openRules: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, sources: ["0.0.0.0/0", "::/0"] }],
      }, names.region);
    case "sg.default-closed":
      return target(checkId, "security_group", securityGroupArn(names.region, TEST_ACCOUNT, "sg-0def"), "default (sg-0def)", {
        groupId: "sg-0def",
        vpcId: "vpc-1",
        ingress: [{ ipProtocol: "-1", ipv4Ranges: [], ipv6Ranges: [], userIdGroupPairs: ["sg-0def"], prefixListIds: [] }],
        egress: [{ ipProtocol: "-1", ipv4Ranges: ["0.0.0.0/0"], ipv6Ranges: [], userIdGroupPairs: [], prefixListIds: [] }],
      }, names.region);
    case "s3.account-public-access-block":
      return target(checkId, "account", rootArn, TEST_ACCOUNT, { configuration: null });
    case "s3.bucket-policy-public": {
      const publicRead = { Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${bucketArn(names.bucket)}/*` };
      return target(checkId, "bucket", bucketArn(names.bucket), names.bucket, {
        bucket: names.bucket,
        publicStatements: [{ statement: { index: 0, sid: "PublicRead", statement: publicRead }, nonRestrictingConditionKeys: [] }],
        policyIsPublic: true,
        mitigatedBy: null,
      }, names.region);
    }
    case "s3.bucket-acl-public":
      return target(checkId, "bucket", bucketArn(names.bucket), names.bucket, {
        bucket: names.bucket,
        publicGrants: [{ granteeUri: "http://acs.amazonaws.com/groups/global/AllUsers", permission: "READ" }],
        mitigatedBy: null,
      }, names.region);
    case "identity-center.admin-assignments":
      return target(checkId, "account", rootArn, TEST_ACCOUNT, {
        limit: 2,
        iamAdminCount: 1,
        identityCenterAdmins: [1, 2].map((index) => ({
          userId: `u-${index}`,
          userName: `${names.user}${index}`,
          displayName: null,
          paths: [{ groupName: names.group, principalType: "GROUP", principalId: "g-admins", permissionSetName: names.policy, permissionSetArn: IDENTITY_CENTER_SET, policyName: "AdministratorAccess", policyType: "aws_managed", kind: "administrator_access_arn", conditional: false, statement: adminStatement }],
        })),
        undeterminedPermissionSets: [],
        instanceArn: IDENTITY_CENTER_INSTANCE,
        readInAccountId: IDENTITY_CENTER_HOLDER,
      });
    case "identity-center.session-duration":
      return target(checkId, "account", rootArn, TEST_ACCOUNT, {
        thresholdSeconds: 14400,
        permissionSets: [{ name: names.policy, permissionSetArn: IDENTITY_CENTER_SET, sessionDuration: "PT12H", seconds: 43200 }],
        instanceArn: IDENTITY_CENTER_INSTANCE,
        readInAccountId: IDENTITY_CENTER_HOLDER,
      });
    case "identity-center.direct-user-assignments":
      return target(checkId, "account", rootArn, TEST_ACCOUNT, {
        assignments: [{ principalType: "USER", principalId: "u-1", principalName: names.user, permissionSetName: names.policy, permissionSetArn: IDENTITY_CENTER_SET }],
        instanceArn: IDENTITY_CENTER_INSTANCE,
        readInAccountId: IDENTITY_CENTER_HOLDER,
      });
    default:
      throw new Error(`no test target for ${checkId}: add one here`);
  }
}
