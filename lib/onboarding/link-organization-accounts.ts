/**
 * "Link these accounts of the organization with this role name and ExternalId": the organization
 * page's action and `iamfit accounts discover --link`. Reads the stored inventory (discover
 * first), links what can be linked in one transaction and says why the rest was skipped.
 */
import "server-only";
import { linkAccounts } from "@/lib/db/account-links";
import { readLinkingState } from "@/lib/db/organization-inventory";
import { planSelectedLinks, type SkippedAccount } from "./organization-links";

export interface OrganizationLinkOutcome {
  linked: string[];
  skipped: SkippedAccount[];
}

export async function linkOrganizationAccounts(
  selectedIds: readonly string[],
  role: { roleName: string; externalId: string },
  requestCollection?: (awsAccountIds: string[]) => Promise<void>,
): Promise<OrganizationLinkOutcome> {
  const { inventory, linkedById } = await readLinkingState();
  const plan = planSelectedLinks(inventory, selectedIds, linkedById, role);
  const result = await linkAccounts(plan.toLink, { source: "organization", onExisting: "skip" });
  const linked = [...result.linked, ...result.restored].sort();
  if (linked.length > 0 && requestCollection) {
    // Linked all the same when this fails: the schedule collects them.
    await requestCollection(linked).catch(() => undefined);
  }
  return { linked, skipped: plan.skipped };
}
