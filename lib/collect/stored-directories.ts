/**
 * The directories a collection shares across accounts, kept in the database: what the account
 * holding IAM Identity Center and the management account of each organization read last. The
 * lookups' rules are this folder's (identity-center.ts, organizations-features.ts); lib/db only
 * stores and reads the observations.
 */
import "server-only";
import { listIdentityCenterInstances, organizationsOf, recordIdentityCenterInstance } from "@/lib/db/identity-center";
import { listOrganizationFeatures, organizationOf, recordOrganizationFeatures } from "@/lib/db/organizations-features";
import { instanceForAccount, type IdentityCenterDirectory } from "./identity-center";
import { organizationForMember, type OrganizationsFeaturesDirectory } from "./organizations-features";

export const databaseIdentityCenter: IdentityCenterDirectory = {
  record: recordIdentityCenterInstance,
  async lookup(accountId) {
    const instances = await listIdentityCenterInstances();
    const organizations = await organizationsOf([accountId, ...instances.map((instance) => instance.readInAccountId)]);
    return instanceForAccount(instances, (id) => organizations.get(id), accountId);
  },
};

export const databaseOrganizationsFeatures: OrganizationsFeaturesDirectory = {
  record: recordOrganizationFeatures,
  async lookup(memberAccountId) {
    const [observations, organizationId] = await Promise.all([listOrganizationFeatures(), organizationOf(memberAccountId)]);
    return organizationForMember(observations, organizationId);
  },
};
