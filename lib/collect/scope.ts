/**
 * What a collection covers: which accounts (by id, tag or OU) and which of an account's enabled
 * regions (all, an allow-list or a deny-list; installation-wide, or overridden per account).
 * Pure: settings in, decisions out. Accounts left out are not collected; regions left out are
 * stored as `skipped: out_of_scope`, which checks treat like a disabled region (never a pass).
 */
import { z } from "zod";
import { normalizeOuPath, ouPatternMatches, OU_PATTERN_MESSAGE } from "@/lib/onboarding/ou-filter";

/** Region codes as AWS writes them: "us-east-1", "ap-southeast-5", "us-gov-west-1". */
export const REGION_NAME_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const regionName = z.string().trim().regex(REGION_NAME_PATTERN, 'must be a region code such as "eu-west-1"');

export const regionScopeSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("all") }),
  z.object({ mode: z.literal("allow"), regions: z.array(regionName).min(1, "name at least one region to allow") }),
  z.object({ mode: z.literal("deny"), regions: z.array(regionName).min(1, "name at least one region to deny") }),
]);
export type RegionScope = z.infer<typeof regionScopeSchema>;
export const ALL_REGIONS: RegionScope = { mode: "all" };

const accountIdSelector = z.string().trim().regex(/^\d{12}$/, "must be a 12-digit account id");
/** "env=prod" (that value) or "env" (any value). */
const tagSelector = z.string().trim().regex(/^[^=]+(=.*)?$/, 'must be "key" or "key=value"');
const ouSelector = z.string().trim().refine((value) => normalizeOuPath(value) !== undefined, OU_PATTERN_MESSAGE);

const selectorsSchema = z.object({
  accountIds: z.array(accountIdSelector).default([]),
  tags: z.array(tagSelector).default([]),
  ouPaths: z.array(ouSelector).default([]),
});
export type AccountSelectors = z.infer<typeof selectorsSchema>;

/** Included (nothing in `include` means every account) and not excluded; exclusion wins. */
export const accountScopeSchema = z.object({ include: selectorsSchema, exclude: selectorsSchema });
export type AccountScope = z.infer<typeof accountScopeSchema>;
export const ALL_ACCOUNTS: AccountScope = {
  include: { accountIds: [], tags: [], ouPaths: [] },
  exclude: { accountIds: [], tags: [], ouPaths: [] },
};

export interface ScopedAccount {
  awsAccountId: string;
  tags: Record<string, string>;
  /** "Root/Workloads/Prod" when discovered through an organization. */
  ouPath: string | null;
}

function matchesTag(selector: string, tags: Record<string, string>): boolean {
  const equals = selector.indexOf("=");
  if (equals < 0) return Object.hasOwn(tags, selector.trim());
  const key = selector.slice(0, equals).trim();
  return Object.hasOwn(tags, key) && tags[key] === selector.slice(equals + 1).trim();
}

/** Which selector matched, for saying why an account is in or out. */
function matchingSelector(selectors: AccountSelectors, account: ScopedAccount): string | undefined {
  if (selectors.accountIds.includes(account.awsAccountId)) return `account ${account.awsAccountId}`;
  const tag = selectors.tags.find((selector) => matchesTag(selector, account.tags));
  if (tag) return `tag ${tag}`;
  const ou = account.ouPath ? selectors.ouPaths.find((pattern) => ouPatternMatches(pattern, { ouPath: account.ouPath!, ouIds: [] })) : undefined;
  return ou ? `OU ${ou}` : undefined;
}

function hasSelectors(selectors: AccountSelectors): boolean {
  return selectors.accountIds.length + selectors.tags.length + selectors.ouPaths.length > 0;
}

export type AccountScopeDecision = { inScope: true; reason: string } | { inScope: false; reason: string };

export function accountScopeDecision(scope: AccountScope, account: ScopedAccount): AccountScopeDecision {
  const excludedBy = matchingSelector(scope.exclude, account);
  if (excludedBy) return { inScope: false, reason: `excluded by ${excludedBy}` };
  if (!hasSelectors(scope.include)) return { inScope: true, reason: "every account is in scope" };
  const includedBy = matchingSelector(scope.include, account);
  return includedBy
    ? { inScope: true, reason: `included by ${includedBy}` }
    : { inScope: false, reason: "matches none of the accounts, tags or OUs in scope" };
}

export function isAccountInScope(scope: AccountScope, account: ScopedAccount): boolean {
  return accountScopeDecision(scope, account).inScope;
}

/** An account's own region scope replaces the installation's; `undefined` means it has none. */
export function effectiveRegionScope(installation: RegionScope, account: RegionScope | undefined): RegionScope {
  return account ?? installation;
}

/** What collectAccount takes (`regions` option). */
export function regionFilter(scope: RegionScope): { allow?: string[]; deny?: string[] } {
  if (scope.mode === "allow") return { allow: [...scope.regions] };
  if (scope.mode === "deny") return { deny: [...scope.regions] };
  return {};
}

export function describeRegionScope(scope: RegionScope): string {
  if (scope.mode === "allow") return `only ${scope.regions.join(", ")}`;
  if (scope.mode === "deny") return `every enabled region except ${scope.regions.join(", ")}`;
  return "every enabled region";
}

export function describeAccountScope(scope: AccountScope): string {
  const list = (selectors: AccountSelectors) =>
    [
      ...selectors.accountIds.map((id) => `account ${id}`),
      ...selectors.tags.map((tag) => `tag ${tag}`),
      ...selectors.ouPaths.map((ou) => `OU ${ou}`),
    ].join(", ");
  const included = hasSelectors(scope.include) ? list(scope.include) : "every linked account";
  return hasSelectors(scope.exclude) ? `${included}, except ${list(scope.exclude)}` : included;
}

/**
 * How the settings form sends lists: one entry a line, blanks dropped. Ids and region codes may
 * also be comma-separated; tags and OU names may contain commas, so they are split by line only.
 */
export function splitList(text: string, separators: "lines" | "lines-and-commas" = "lines"): string[] {
  return text
    .split(separators === "lines" ? /\r?\n/ : /[\r\n,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}
