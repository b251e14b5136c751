/**
 * Centralized root access: IAM ListOrganizationsFeatures. Per the IAM API reference, only the
 * management account and the delegated administrator for centralized root access may call it;
 * any other account of the organization gets AccountNotManagementOrDelegatedAdministrator,
 * and an account outside an organization (or one without all features or IAM trusted access)
 * gets OrganizationNotFound, OrganizationNotInAllFeaturesMode or ServiceAccessNotEnabled.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOrganizationsFeatures.html
 */
import { ListOrganizationsFeaturesCommand } from "@aws-sdk/client-iam";
import { organizationsFeaturesSchema, type OrganizationsFeatures } from "@/lib/snapshot/schema";
import type { AccountClients } from "../client-factory";
import { hasErrorCode } from "../errors";
import { awsCall, validatePart } from "./aws-call";

const MEMBER_ACCOUNT = "AccountNotManagementOrDelegatedAdministrator";
const FEATURES_UNAVAILABLE = ["OrganizationNotFound", "OrganizationNotInAllFeaturesMode", "ServiceAccessNotEnabled"] as const;

export async function collectOrganizationsFeatures(clients: AccountClients, signal?: AbortSignal): Promise<OrganizationsFeatures> {
  const answer = await awsCall("iam:ListOrganizationsFeatures", undefined, async (): Promise<OrganizationsFeatures> => {
    try {
      const output = await clients.iam().send(new ListOrganizationsFeaturesCommand({}), { abortSignal: signal });
      return {
        answer: "read_here",
        organizationId: output.OrganizationId ?? "",
        enabledFeatures: [...(output.EnabledFeatures ?? [])].sort(),
      };
    } catch (error) {
      if (hasErrorCode(error, MEMBER_ACCOUNT)) return { answer: "member_account" };
      const unavailable = FEATURES_UNAVAILABLE.find((code) => hasErrorCode(error, code));
      if (unavailable) return { answer: "not_available", code: unavailable };
      throw error;
    }
  });
  return validatePart(organizationsFeaturesSchema, answer, "iam:ListOrganizationsFeatures");
}
