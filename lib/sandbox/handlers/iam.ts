/**
 * IAM account-level APIs: summary, password policy, virtual MFA devices, the credential
 * report life cycle, organizations features, and the role/user listings.
 */
import type {
  GenerateCredentialReportResponse,
  GetAccountPasswordPolicyResponse,
  GetAccountSummaryResponse,
  GetCredentialReportResponse,
  GetRoleRequest,
  GetRoleResponse,
  ListAccountAliasesResponse,
  ListOrganizationsFeaturesResponse,
  ListRolesRequest,
  ListRolesResponse,
  ListUsersRequest,
  ListUsersResponse,
  ListVirtualMFADevicesRequest,
  ListVirtualMFADevicesResponse,
  VirtualMFADevice,
} from "@aws-sdk/client-iam";
import { awsError } from "@/lib/sandbox/aws-errors";
import { renderCredentialReport } from "@/lib/sandbox/credential-report";
import { arns } from "@/lib/sandbox/identifiers";
import type { SandboxAccount } from "@/lib/sandbox/model";
import { decodePageToken, pageOf, pageSizeOf } from "@/lib/sandbox/pagination";
import { renderRole, renderUser } from "@/lib/sandbox/handlers/iam-render";
import { inputOf, type Handler, type SandboxCall } from "@/lib/sandbox/handlers/types";

/** IAM list APIs: MaxItems 1–1000, default 100 (IAM API reference, "Common parameters"). */
const IAM_PAGE = { default: 100, max: 1000 };

export function iamInvalidMarker(call: SandboxCall): Error {
  return awsError({ service: "iam", code: "InvalidInput", httpStatus: 400, requestId: call.requestId, message: "Invalid Marker." });
}

/** Pages an IAM listing with MaxItems/Marker/IsTruncated. */
export function iamPage<T>(call: SandboxCall, listing: string, items: readonly T[], input: { MaxItems?: number; Marker?: string }) {
  const offset = decodePageToken(listing, input.Marker);
  if (offset === undefined) throw iamInvalidMarker(call);
  const page = pageOf(listing, items, offset, pageSizeOf(input.MaxItems, IAM_PAGE));
  return { items: page.items, IsTruncated: page.nextToken !== undefined, Marker: page.nextToken };
}

function noSuchEntity(call: SandboxCall, message: string): Error {
  return awsError({ service: "iam", code: "NoSuchEntity", httpStatus: 404, requestId: call.requestId, message });
}

function accountSummary(account: SandboxAccount): Record<string, number> {
  const attachedCounts = [...account.users, ...account.groups, ...account.roles].map((entity) => entity.attachedPolicyArns.length);
  const devicesInUse = account.users.filter((user) => user.mfa).length + (account.root.mfa ? 1 : 0);
  return {
    Users: account.users.length,
    UsersQuota: 5000,
    Groups: account.groups.length,
    GroupsQuota: 300,
    GroupsPerUserQuota: 10,
    Roles: account.roles.length,
    RolesQuota: 1000,
    InstanceProfiles: account.roles.filter((role) => role.instanceProfile).length,
    InstanceProfilesQuota: 1000,
    Policies: account.policies.length,
    PoliciesQuota: 1500,
    PolicySizeQuota: 6144,
    PolicyVersionsInUse: account.policies.reduce((sum, policy) => sum + policy.versions.length, 0) + attachedCounts.reduce((a, b) => a + b, 0),
    PolicyVersionsInUseQuota: 10000,
    VersionsPerPolicyQuota: 5,
    AttachedPoliciesPerUserQuota: 10,
    AttachedPoliciesPerGroupQuota: 10,
    AttachedPoliciesPerRoleQuota: 10,
    UserPolicySizeQuota: 2048,
    GroupPolicySizeQuota: 5120,
    RolePolicySizeQuota: 10240,
    AssumeRolePolicySizeQuota: 2048,
    AccessKeysPerUserQuota: 2,
    SigningCertificatesPerUserQuota: 2,
    ServerCertificates: 0,
    ServerCertificatesQuota: 20,
    Providers: account.roles.some((role) => role.roleName.startsWith("AWSReservedSSO_")) ? 1 : 0,
    // The sandbox has no unassigned devices, so every device is in use.
    MFADevices: devicesInUse,
    MFADevicesInUse: devicesInUse,
    AccountMFAEnabled: account.root.mfa ? 1 : 0,
    AccountAccessKeysPresent: account.root.accessKeys.length > 0 ? 1 : 0,
    AccountPasswordPresent: account.root.password ? 1 : 0,
    AccountSigningCertificatesPresent: 0,
    GlobalEndpointTokenVersion: account.globalEndpointTokenVersion,
  };
}

const getAccountSummary: Handler = ({ account }): GetAccountSummaryResponse => ({ SummaryMap: accountSummary(account) });

const getAccountPasswordPolicy: Handler = (call): GetAccountPasswordPolicyResponse => {
  const policy = call.account.passwordPolicy;
  if (!policy) throw noSuchEntity(call, `The Password Policy with domain name ${call.account.accountId} cannot be found.`);
  return {
    PasswordPolicy: {
      MinimumPasswordLength: policy.minimumPasswordLength,
      RequireSymbols: policy.requireSymbols,
      RequireNumbers: policy.requireNumbers,
      RequireUppercaseCharacters: policy.requireUppercaseCharacters,
      RequireLowercaseCharacters: policy.requireLowercaseCharacters,
      AllowUsersToChangePassword: policy.allowUsersToChangePassword,
      ExpirePasswords: policy.maxPasswordAge !== undefined,
      MaxPasswordAge: policy.maxPasswordAge,
      PasswordReusePrevention: policy.passwordReusePrevention,
      HardExpiry: policy.hardExpiry,
    },
  };
};

function virtualMfaDevices(account: SandboxAccount): VirtualMFADevice[] {
  const devices: VirtualMFADevice[] = [];
  if (account.root.mfa?.kind === "virtual") {
    devices.push({
      SerialNumber: account.root.mfa.serialNumber,
      // Root has no user name; the ARN ending in ":root" is how CIS 1.6 tells a virtual root MFA.
      User: { Path: "/", UserName: undefined, UserId: account.accountId, Arn: arns.root(account.accountId), CreateDate: new Date(account.createdAt) },
      EnableDate: new Date(account.root.mfa.enabledAt),
    });
  }
  for (const user of account.users) {
    if (user.mfa?.kind !== "virtual") continue;
    devices.push({ SerialNumber: user.mfa.serialNumber, User: renderUser(account, user), EnableDate: new Date(user.mfa.enabledAt) });
  }
  return devices.sort((a, b) => (a.SerialNumber ?? "").localeCompare(b.SerialNumber ?? ""));
}

const listVirtualMfaDevices: Handler = (call): ListVirtualMFADevicesResponse => {
  const input = inputOf<ListVirtualMFADevicesRequest>(call);
  // The sandbox has no unassigned devices, so "Unassigned" lists nothing.
  const devices = input.AssignmentStatus === "Unassigned" ? [] : virtualMfaDevices(call.account);
  const page = iamPage(call, "ListVirtualMFADevices", devices, input);
  return { VirtualMFADevices: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
};

/**
 * The report life cycle: the first GenerateCredentialReport answers STARTED; the report is
 * ready on the next Generate call, or after one GetCredentialReport poll answered
 * ReportInProgress. The content always reflects the current model (AWS would keep a report for
 * up to 4 hours; the sandbox shows fixes at once).
 */
const generateCredentialReport: Handler = (call): GenerateCredentialReportResponse => {
  const reports = call.internals.credentialReports;
  if (!reports.has(call.account.accountId)) {
    reports.set(call.account.accountId, { state: "in_progress", polls: 0 });
    return { State: "STARTED", Description: "No report exists. Starting a new report generation task" };
  }
  reports.set(call.account.accountId, { state: "complete" });
  return { State: "COMPLETE" };
};

const getCredentialReport: Handler = (call): GetCredentialReportResponse => {
  const reports = call.internals.credentialReports;
  const report = reports.get(call.account.accountId);
  const error = (code: string, httpStatus: number, message: string) =>
    awsError({ service: "iam", code, httpStatus, requestId: call.requestId, message });
  if (!report) throw error("ReportNotPresent", 410, "Credential report not present. Use GenerateCredentialReport to generate a report.");
  if (report.state === "in_progress") {
    if (report.polls === 0) {
      reports.set(call.account.accountId, { state: "in_progress", polls: 1 });
      throw error("ReportInProgress", 404, "Report generation in progress.");
    }
    reports.set(call.account.accountId, { state: "complete" });
  }
  return {
    Content: new TextEncoder().encode(renderCredentialReport(call.account)),
    ReportFormat: "text/csv",
    GeneratedTime: new Date(call.internals.facts.today),
  };
};

const listOrganizationsFeatures: Handler = (call): ListOrganizationsFeaturesResponse => {
  const features = call.account.organizationsFeatures;
  if (!features) {
    throw awsError({
      service: "iam",
      code: "AccountNotManagementOrDelegatedAdministratorException",
      httpStatus: 400,
      requestId: call.requestId,
      message: "The request was rejected because the account making the request is not the management account or delegated administrator account for centralized root access.",
    });
  }
  return { OrganizationId: call.internals.facts.organizationId, EnabledFeatures: [...features] };
};

const listRoles: Handler = (call): ListRolesResponse => {
  const input = inputOf<ListRolesRequest>(call);
  const roles = call.account.roles.filter((role) => role.path.startsWith(input.PathPrefix ?? "/"));
  const page = iamPage(call, "ListRoles", roles, input);
  return { Roles: page.items.map((role) => renderRole(call.account, role, false)), IsTruncated: page.IsTruncated, Marker: page.Marker };
};

const getRole: Handler = (call): GetRoleResponse => {
  const input = inputOf<GetRoleRequest>(call);
  const role = call.account.roles.find((candidate) => candidate.roleName === input.RoleName);
  if (!role) throw noSuchEntity(call, `The role with name ${input.RoleName} cannot be found.`);
  return { Role: renderRole(call.account, role, true) };
};

const listUsers: Handler = (call): ListUsersResponse => {
  const input = inputOf<ListUsersRequest>(call);
  const users = call.account.users.filter((user) => user.path.startsWith(input.PathPrefix ?? "/"));
  const page = iamPage(call, "ListUsers", users, input);
  return { Users: page.items.map((user) => renderUser(call.account, user)), IsTruncated: page.IsTruncated, Marker: page.Marker };
};

const listAccountAliases: Handler = ({ account }): ListAccountAliasesResponse => ({ AccountAliases: [account.name], IsTruncated: false });

export const iamHandlers: Record<string, Handler> = {
  GetAccountSummary: getAccountSummary,
  GetAccountPasswordPolicy: getAccountPasswordPolicy,
  ListVirtualMFADevices: listVirtualMfaDevices,
  GenerateCredentialReport: generateCredentialReport,
  GetCredentialReport: getCredentialReport,
  ListOrganizationsFeatures: listOrganizationsFeatures,
  ListRoles: listRoles,
  GetRole: getRole,
  ListUsers: listUsers,
  ListAccountAliases: listAccountAliases,
};
