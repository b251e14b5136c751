/**
 * Where collection scope is stored: one installation_setting row for each installation-wide
 * choice and one per account with its own regions, kept as given. Parsing, fallbacks and the
 * scope decisions are lib/collect/scope-settings.ts's.
 */
import "server-only";
import { db } from "./client";
import { setSetting } from "./settings";
import { parseTags } from "./sql-params";

const REGIONS_KEY = "scope.regions";
const ACCOUNTS_KEY = "scope.accounts";
const ACCOUNT_REGIONS_PREFIX = "scope.regions.account:";

export interface StoredScopeSettings {
  regions: unknown;
  accounts: unknown;
  /** Accounts' own region scopes, by AWS account id. */
  accountRegions: Record<string, unknown>;
}

export async function readStoredScopeSettings(): Promise<StoredScopeSettings> {
  const rows = await db().installationSetting.findMany({
    where: { OR: [{ key: { in: [REGIONS_KEY, ACCOUNTS_KEY] } }, { key: { startsWith: ACCOUNT_REGIONS_PREFIX } }] },
  });
  const value = (key: string) => rows.find((row) => row.key === key)?.value;
  const accountRegions: Record<string, unknown> = {};
  for (const row of rows) if (row.key.startsWith(ACCOUNT_REGIONS_PREFIX)) accountRegions[row.key.slice(ACCOUNT_REGIONS_PREFIX.length)] = row.value;
  return { regions: value(REGIONS_KEY), accounts: value(ACCOUNTS_KEY), accountRegions };
}

export async function storeInstallationRegionScope(scope: object): Promise<void> {
  await setSetting(REGIONS_KEY, scope);
}

export async function storeAccountScope(scope: object): Promise<void> {
  await setSetting(ACCOUNTS_KEY, scope);
}

/** `undefined` removes the account's own scope. */
export async function storeAccountRegionScope(awsAccountId: string, scope: object | undefined): Promise<void> {
  const key = `${ACCOUNT_REGIONS_PREFIX}${awsAccountId}`;
  if (scope === undefined) await db().installationSetting.deleteMany({ where: { key } });
  else await setSetting(key, scope);
}

export interface ScopedAccountRow {
  awsAccountId: string;
  ouPath: string | null;
  tags: Record<string, string>;
}

/** Linked accounts (all, or the ones named) with what account scope selects on, by account id. */
export async function listScopedAccounts(awsAccountIds?: string[]): Promise<ScopedAccountRow[]> {
  const rows = await db().linkedAccount.findMany({
    where: { removedAt: null, ...(awsAccountIds ? { awsAccountId: { in: awsAccountIds } } : {}) },
    select: { awsAccountId: true, tags: true, ouPath: true },
    orderBy: { awsAccountId: "asc" },
  });
  return rows.map((row) => ({ ...row, tags: parseTags(row.tags) }));
}

/** Linked accounts among these ids, by name. */
export async function listLinkedAccountNames(awsAccountIds: string[]): Promise<Array<{ awsAccountId: string; name: string }>> {
  return db().linkedAccount.findMany({
    where: { awsAccountId: { in: awsAccountIds }, removedAt: null },
    select: { awsAccountId: true, name: true },
    orderBy: { name: "asc" },
  });
}
