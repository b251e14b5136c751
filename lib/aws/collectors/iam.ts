/**
 * IAM account-level facts. IAM is global: every call goes to the us-east-1 client. The credential
 * report and the authorization details live in their own modules (they are the heavy ones).
 */
import {
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  paginateListVirtualMFADevices,
  type VirtualMFADevice,
} from "@aws-sdk/client-iam";
import {
  accountSummarySchema,
  passwordPolicySchema,
  virtualMfaDevicesSchema,
  type AccountSummary,
  type PasswordPolicy,
  type VirtualMfaDevice,
} from "@/lib/snapshot/schema";
import type { AccountClients } from "../client-factory";
import { hasErrorCode } from "../errors";
import { awsCall, validatePart } from "./aws-call";
import { isoDate, sortBy } from "./sdk-values";

export { collectCredentialReport, type CredentialReportOptions } from "./iam-credential-report";
export { collectAuthorizationDetails } from "./iam-authorization-details";
export { collectOrganizationsFeatures } from "./iam-organizations-features";

export async function collectAccountSummary(clients: AccountClients, signal?: AbortSignal): Promise<AccountSummary> {
  const output = await awsCall("iam:GetAccountSummary", undefined, () =>
    clients.iam().send(new GetAccountSummaryCommand({}), { abortSignal: signal }),
  );
  return validatePart(accountSummarySchema, output.SummaryMap ?? {}, "iam:GetAccountSummary");
}

/** NoSuchEntity means the account has no password policy: a finding, not an error (AWS-NOTES.md). */
export async function collectPasswordPolicy(clients: AccountClients, signal?: AbortSignal): Promise<PasswordPolicy> {
  const output = await awsCall("iam:GetAccountPasswordPolicy", undefined, async () => {
    try {
      return await clients.iam().send(new GetAccountPasswordPolicyCommand({}), { abortSignal: signal });
    } catch (error) {
      if (hasErrorCode(error, "NoSuchEntity")) return undefined;
      throw error;
    }
  });
  const policy = output?.PasswordPolicy;
  if (!policy) return { present: false };
  const fields = {
    minimumPasswordLength: policy.MinimumPasswordLength,
    requireSymbols: policy.RequireSymbols,
    requireNumbers: policy.RequireNumbers,
    requireUppercaseCharacters: policy.RequireUppercaseCharacters,
    requireLowercaseCharacters: policy.RequireLowercaseCharacters,
    allowUsersToChangePassword: policy.AllowUsersToChangePassword,
    expirePasswords: policy.ExpirePasswords,
    maxPasswordAge: policy.MaxPasswordAge,
    passwordReusePrevention: policy.PasswordReusePrevention,
    hardExpiry: policy.HardExpiry,
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return validatePart(passwordPolicySchema, { present: true, ...defined }, "iam:GetAccountPasswordPolicy");
}

/** A device assigned to `arn:aws:iam::<account>:root` means root's MFA is virtual (CIS 1.6). */
export async function collectVirtualMfaDevices(clients: AccountClients, signal?: AbortSignal): Promise<VirtualMfaDevice[]> {
  const devices = await awsCall("iam:ListVirtualMFADevices", undefined, async () => {
    const all: VirtualMFADevice[] = [];
    for await (const page of paginateListVirtualMFADevices({ client: clients.iam(), pageSize: 1000 }, {}, { abortSignal: signal })) {
      all.push(...(page.VirtualMFADevices ?? []));
    }
    return all;
  });
  const mapped = devices.map((device) => {
    const enableDate = isoDate(device.EnableDate);
    return {
      serialNumber: device.SerialNumber,
      ...(device.User?.Arn ? { userArn: device.User.Arn } : {}),
      ...(enableDate ? { enableDate } : {}),
    };
  });
  return validatePart(virtualMfaDevicesSchema, sortBy(mapped, (device) => device.serialNumber ?? ""), "iam:ListVirtualMFADevices");
}
