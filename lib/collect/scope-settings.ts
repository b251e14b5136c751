import "server-only";
import {
  accountScopeDecision,
  accountScopeSchema,
  ALL_ACCOUNTS,
  ALL_REGIONS,
  effectiveRegionScope,
  regionScopeSchema,
  type AccountScope,
  type AccountScopeDecision,
  type RegionScope,
} from "./scope";
import {
  listLinkedAccountNames,
  listScopedAccounts,
  readStoredScopeSettings,
  storeAccountRegionScope,
  storeAccountScope,
  storeInstallationRegionScope,
} from "@/lib/db/scope-settings";

export interface ScopeSettings {
  regions: RegionScope;
  accounts: AccountScope;
  /** Accounts with their own region scope, by AWS account id. */
  accountRegions: Record<string, RegionScope>;
}

/** A stored value that no longer parses (hand-edited, or from a future version) falls back to "everything". */
export async function getScopeSettings(): Promise<ScopeSettings> {
  const stored = await readStoredScopeSettings();
  const regions = regionScopeSchema.safeParse(stored.regions);
  const accounts = accountScopeSchema.safeParse(stored.accounts);
  const accountRegions: Record<string, RegionScope> = {};
  for (const [awsAccountId, value] of Object.entries(stored.accountRegions)) {
    const parsed = regionScopeSchema.safeParse(value);
    if (parsed.success) accountRegions[awsAccountId] = parsed.data;
  }
  return { regions: regions.success ? regions.data : ALL_REGIONS, accounts: accounts.success ? accounts.data : ALL_ACCOUNTS, accountRegions };
}

export async function setInstallationRegionScope(scope: RegionScope): Promise<void> {
  await storeInstallationRegionScope(regionScopeSchema.parse(scope));
}

export async function setAccountScope(scope: AccountScope): Promise<void> {
  await storeAccountScope(accountScopeSchema.parse(scope));
}

/** `undefined` removes the account's own scope, so it follows the installation's again. */
export async function setAccountRegionScope(awsAccountId: string, scope: RegionScope | undefined): Promise<void> {
  await storeAccountRegionScope(awsAccountId, scope === undefined ? undefined : regionScopeSchema.parse(scope));
}

export interface AccountScopeView {
  /** The account's own region scope, if it has one. */
  ownRegions: RegionScope | undefined;
  /** What its collections use. */
  regions: RegionScope;
  account: AccountScopeDecision;
}

export async function getAccountScopeView(awsAccountId: string): Promise<AccountScopeView | undefined> {
  const [account] = await listScopedAccounts([awsAccountId]);
  if (!account) return undefined;
  const settings = await getScopeSettings();
  const ownRegions = settings.accountRegions[awsAccountId];
  return {
    ownRegions,
    regions: effectiveRegionScope(settings.regions, ownRegions),
    account: accountScopeDecision(settings.accounts, account),
  };
}

/** The region scope a collection of this account uses. */
export async function regionScopeFor(awsAccountId: string): Promise<RegionScope> {
  const settings = await getScopeSettings();
  return effectiveRegionScope(settings.regions, settings.accountRegions[awsAccountId]);
}

/**
 * Splits linked accounts (all, or the ones named) into those in scope and those left out, with
 * why; names that are not linked are in neither list.
 */
export async function partitionAccountsByScope(
  awsAccountIds?: string[],
): Promise<{ inScope: string[]; outOfScope: Array<{ awsAccountId: string; reason: string }> }> {
  const [settings, accounts] = await Promise.all([getScopeSettings(), listScopedAccounts(awsAccountIds)]);
  const inScope: string[] = [];
  const outOfScope: Array<{ awsAccountId: string; reason: string }> = [];
  for (const account of accounts) {
    const decision = accountScopeDecision(settings.accounts, account);
    if (decision.inScope) inScope.push(account.awsAccountId);
    else outOfScope.push({ awsAccountId: account.awsAccountId, reason: decision.reason });
  }
  return { inScope, outOfScope };
}

export interface AccountRegionOverride {
  awsAccountId: string;
  name: string;
  regions: RegionScope;
}

/** Linked accounts with their own region scope, for the settings page. */
export async function listAccountRegionOverrides(settings?: ScopeSettings): Promise<AccountRegionOverride[]> {
  const { accountRegions } = settings ?? (await getScopeSettings());
  const ids = Object.keys(accountRegions);
  if (ids.length === 0) return [];
  const accounts = await listLinkedAccountNames(ids);
  return accounts.map((account) => ({ ...account, regions: accountRegions[account.awsAccountId]! }));
}
