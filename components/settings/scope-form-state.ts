/** What the scope forms show: the typed values, errors beside the fields, and what was saved. */

export type RegionScopeMode = "inherit" | "all" | "allow" | "deny";
export interface RegionScopeFormValues {
  mode: RegionScopeMode;
  regions: string;
}
export interface RegionScopeFormState {
  values: RegionScopeFormValues;
  error?: string;
  saved?: string;
}

export const ACCOUNT_SCOPE_FIELDS = ["includeAccountIds", "includeTags", "includeOuPaths", "excludeAccountIds", "excludeTags", "excludeOuPaths"] as const;
export type AccountScopeField = (typeof ACCOUNT_SCOPE_FIELDS)[number];
export type AccountScopeFormValues = Record<AccountScopeField, string>;
export interface AccountScopeFormState {
  values: AccountScopeFormValues;
  fieldErrors: Partial<Record<AccountScopeField, string>>;
  saved?: string;
}
