/**
 * Service control policies are read with the same principal as organization sync: the discovery
 * role in the management account or a delegated administrator when the settings name one, else
 * iamfit's base credentials (lib/onboarding/organization-sync.ts). One reader serves the whole
 * worker so the organization's tree and policy documents are shared between accounts; it is
 * rebuilt when the settings name another role.
 */
import { serviceControlPolicyReader, type ServiceControlPolicyReader } from "@/lib/aws/collectors/organizations-scps";
import { connectOrganizations, type OrganizationsConnection } from "@/lib/aws/organizations";
import { getOrganizationSettings } from "@/lib/onboarding/organization-store";
import { getOrCreateExternalId } from "@/lib/db/settings";
import { discoveryRoleFor } from "@/lib/onboarding/organization-sync";
import type { AwsRuntime } from "./aws-runtime";

export function organizationPolicyReader(aws: Pick<AwsRuntime, "connectionOptions">): ServiceControlPolicyReader {
  let current: { key: string; connection: OrganizationsConnection; reader: ServiceControlPolicyReader } | undefined;
  async function reader(): Promise<ServiceControlPolicyReader> {
    const via = discoveryRoleFor(await getOrganizationSettings(), await getOrCreateExternalId());
    const key = JSON.stringify(via ?? null);
    if (current?.key !== key) {
      current?.connection.destroy();
      const connection = connectOrganizations(aws.connectionOptions(), via);
      current = { key, connection, reader: serviceControlPolicyReader(connection.client) };
    }
    return current.reader;
  }
  return {
    async read(accountId, signal) {
      return (await reader()).read(accountId, signal);
    },
    async managementAccountId() {
      return (await reader()).managementAccountId?.();
    },
  };
}
