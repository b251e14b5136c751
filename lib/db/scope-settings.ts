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
} from "@/lib/collect/scope";
import { db } from "./client";
import { setSetting } from "./settings";

/** installation_setting keys: one for each installation-wide choice, one per account with its own regions. */
const REGIONS_KEY = "scope.regions";
const ACCOUNTS_KEY = "scope.accounts";
const ACCOUNT_REGIONS_PREFIX = "scope.regions.account:";

export interface ScopeSettings {
  regions: RegionScope;
  accounts: AccountScope;
  /** Accounts with their own region scope, by AWS account id. */
  accountRegions: Record<string, RegionScope>;
}

/** A stored value that no longer parses (hand-edited, or from a future version) falls back to "everything". */
export async function getScopeSettings(): Promise<ScopeSettings> {
  const rows = await db().installationSetting.findMany({
    where: { OR: [{ key: { in: [REGIONS_KEY, ACCOUNTS_KEY] } }, { key: { startsWith: ACCOUNT_REGIONS_PREFIX } }] },
  });
  const value = (key: string) => rows.find((row) => row.key === key)?.value;
  const regions = regionScopeSchema.safeParse(value(REGIONS_KEY));
  const accounts = accountScopeSchema.safeParse(value(ACCOUNTS_KEY));
  const accountRegions: Record<string, RegionScope> = {};
  for (const row of rows) {
    if (!row.key.startsWith(ACCOUNT_REGIONS_PREFIX)) continue;
    const parsed = regionScopeSchema.safeParse(row.value);
    if (parsed.success) accountRegions[row.key.slice(ACCOUNT_REGIONS_PREFIX.length)] = parsed.data;
  }
  return { regions: regions.success ? regions.data : ALL_REGIONS, accounts: accounts.success ? accounts.data : ALL_ACCOUNTS, accountRegions };
}

export async function setInstallationRegionScope(scope: RegionScope): Promise<void> {
  await setSetting(REGIONS_KEY, regionScopeSchema.parse(scope));
}

export async function setAccountScope(scope: AccountScope): Promise<void> {
  await setSetting(ACCOUNTS_KEY, accountScopeSchema.parse(scope));
}

/** `undefined` removes the account's own scope, so it follows the installation's again. */
export async function setAccountRegionScope(awsAccountId: string, scope: RegionScope | undefined): Promise<void> {
  const key = `${ACCOUNT_REGIONS_PREFIX}${awsAccountId}`;
  if (scope === undefined) {
    await db().installationSetting.deleteMany({ where: { key } });
    return;
  }
  await setSetting(key, regionScopeSchema.parse(scope));
}

export interface AccountScopeView {
  /** The account's own region scope, if it has one. */
  ownRegions: RegionScope | undefined;
  /** What its collections use. */
  regions: RegionScope;
  account: AccountScopeDecision;
}

export async function getAccountScopeView(awsAccountId: string): Promise<AccountScopeView | undefined> {
  const account = await db().linkedAccount.findFirst({
    where: { awsAccountId, removedAt: null },
    select: { awsAccountId: true, tags: true, ouPath: true },
  });
  if (!account) return undefined;
  const settings = await getScopeSettings();
  const ownRegions = settings.accountRegions[awsAccountId];
  return {
    ownRegions,
    regions: effectiveRegionScope(settings.regions, ownRegions),
    account: accountScopeDecision(settings.accounts, { ...account, tags: (account.tags ?? {}) as Record<string, string> }),
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
  const [settings, accounts] = await Promise.all([
    getScopeSettings(),
    db().linkedAccount.findMany({
      where: { removedAt: null, ...(awsAccountIds ? { awsAccountId: { in: awsAccountIds } } : {}) },
      select: { awsAccountId: true, tags: true, ouPath: true },
      orderBy: { awsAccountId: "asc" },
    }),
  ]);
  const inScope: string[] = [];
  const outOfScope: Array<{ awsAccountId: string; reason: string }> = [];
  for (const account of accounts) {
    const decision = accountScopeDecision(settings.accounts, { ...account, tags: (account.tags ?? {}) as Record<string, string> });
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
  const accounts = await db().linkedAccount.findMany({
    where: { awsAccountId: { in: ids }, removedAt: null },
    select: { awsAccountId: true, name: true },
    orderBy: { name: "asc" },
  });
  return accounts.map((account) => ({ ...account, regions: accountRegions[account.awsAccountId]! }));
}
