/**
 * Centralized root access is an organization's setting, but only its management account and the
 * delegated administrator can read it (ListOrganizationsFeatures). A member account's snapshot
 * still needs it to judge its root user, so what a reading account saw is remembered in a
 * directory and copied into the member accounts' part. The directory is injected: the worker's
 * keeps it in the database (stored-directories.ts), tests keep it in memory.
 */
import type { OrganizationsFeatures } from "@/lib/snapshot/schema";

export interface OrganizationFeaturesObservation {
  organizationId: string;
  enabledFeatures: string[];
  /** The management or delegated administrator account that read them. */
  readInAccountId: string;
}

export interface OrganizationsFeaturesDirectory {
  record(observation: OrganizationFeaturesObservation): Promise<void>;
  /** The features of the organization this member account belongs to, when some account has read them. */
  lookup(memberAccountId: string): Promise<OrganizationFeaturesObservation | undefined>;
}

/**
 * Records what a reading account saw, or completes a member account's answer with its
 * organization's. Without a directory the account's own answer is kept as it is.
 */
export async function resolveOrganizationsFeatures(
  accountId: string,
  own: OrganizationsFeatures,
  directory: OrganizationsFeaturesDirectory | undefined,
): Promise<OrganizationsFeatures> {
  if (!directory) return own;
  if (own.answer === "read_here") {
    await directory.record({ organizationId: own.organizationId, enabledFeatures: own.enabledFeatures, readInAccountId: accountId });
    return own;
  }
  if (own.answer !== "member_account") return own;
  const organization = await directory.lookup(accountId);
  return organization ? { answer: "member_account", organization: { ...organization, enabledFeatures: [...organization.enabledFeatures].sort() } } : own;
}

/**
 * Picks the organization a member belongs to among the observations: the one its organization
 * record names, else the only one known. A member account answers ListOrganizationsFeatures with
 * AccountNotManagementOrDelegatedAdministrator only inside an organization, so with a single
 * organization known it is that one; with several and no record, it stays undecided.
 */
export function organizationForMember(
  observations: OrganizationFeaturesObservation[],
  memberOrganizationId: string | undefined,
): OrganizationFeaturesObservation | undefined {
  if (memberOrganizationId) return observations.find((observation) => observation.organizationId === memberOrganizationId);
  return observations.length === 1 ? observations[0] : undefined;
}

/** A directory in memory, for tests and one-off collections. */
export function memoryOrganizationsFeaturesDirectory(
  memberships: Record<string, string> = {},
): OrganizationsFeaturesDirectory & { observations(): OrganizationFeaturesObservation[] } {
  const byOrganization = new Map<string, OrganizationFeaturesObservation>();
  return {
    async record(observation) {
      byOrganization.set(observation.organizationId, observation);
    },
    async lookup(memberAccountId) {
      return organizationForMember([...byOrganization.values()], memberships[memberAccountId]);
    },
    observations: () => [...byOrganization.values()],
  };
}
