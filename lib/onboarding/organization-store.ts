/**
 * The organization inventory and sync settings as the pages, the CLI and the sync use them:
 * lib/db stores them; how an account stands in iamfit and what a stored setting means are
 * decided here (organization-links.ts, organization-settings.ts).
 */
import "server-only";
import {
  getStoredOrganizationSettings,
  listStoredOrganizationAccounts,
  storeOrganizationSettings,
  type StoredOrganizationAccount,
} from "@/lib/db/organization-inventory";
import { organizationLinkState, type OrganizationLinkState } from "./organization-links";
import { readStoredOrganizationSettings, type OrganizationSettings } from "./organization-settings";

export interface OrganizationAccountRow extends Omit<StoredOrganizationAccount, "linkedState"> {
  linkState: OrganizationLinkState;
}

/** Every organization account with how it stands in iamfit, ordered by OU path, then name. */
export async function listOrganizationAccounts(): Promise<OrganizationAccountRow[]> {
  const rows = await listStoredOrganizationAccounts();
  return rows.map(({ linkedState, ...row }) => ({ ...row, linkState: organizationLinkState(linkedState) }));
}

export async function getOrganizationSettings(): Promise<OrganizationSettings> {
  return readStoredOrganizationSettings(await getStoredOrganizationSettings());
}

export async function saveOrganizationSettings(settings: OrganizationSettings): Promise<void> {
  await storeOrganizationSettings(settings);
}
