/**
 * Which accounts a digest covers: every linked account, chosen accounts (by AWS account id, so a
 * relinked account stays chosen), or accounts carrying any of some tags ("env=prod", or "team"
 * for any value of the key).
 */
export interface TagFilter {
  key: string;
  /** Undefined: any value of the key. */
  value?: string;
}

export type DigestScope =
  | { kind: "all" }
  | { kind: "accounts"; awsAccountIds: string[] }
  | { kind: "tags"; tags: TagFilter[] };

export type DigestScopeKind = DigestScope["kind"];

export interface ScopedAccount {
  awsAccountId: string;
  tags: Record<string, string>;
}

/** "env=prod" → {key: "env", value: "prod"}; "team" → {key: "team"}. Values may contain "=". */
export function parseTagFilter(text: string): TagFilter | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const at = trimmed.indexOf("=");
  if (at < 0) return { key: trimmed };
  const key = trimmed.slice(0, at).trim();
  return key ? { key, value: trimmed.slice(at + 1).trim() } : null;
}

export function formatTagFilter(tag: TagFilter): string {
  return tag.value === undefined ? tag.key : `${tag.key}=${tag.value}`;
}

export function accountInScope(scope: DigestScope, account: ScopedAccount): boolean {
  switch (scope.kind) {
    case "all":
      return true;
    case "accounts":
      return scope.awsAccountIds.includes(account.awsAccountId);
    case "tags":
      return scope.tags.some((tag) =>
        Object.hasOwn(account.tags, tag.key) && (tag.value === undefined || account.tags[tag.key] === tag.value),
      );
  }
}

/** The stored columns (digest_subscription.scope, scope_accounts, scope_tags) as a scope. */
export function scopeFromColumns(columns: { scope: string; scopeAccounts: string[]; scopeTags: string[] }): DigestScope {
  if (columns.scope === "accounts") return { kind: "accounts", awsAccountIds: columns.scopeAccounts };
  if (columns.scope === "tags") return { kind: "tags", tags: columns.scopeTags.flatMap((text) => parseTagFilter(text) ?? []) };
  return { kind: "all" };
}

export function scopeToColumns(scope: DigestScope): { scope: DigestScopeKind; scopeAccounts: string[]; scopeTags: string[] } {
  return {
    scope: scope.kind,
    scopeAccounts: scope.kind === "accounts" ? scope.awsAccountIds : [],
    scopeTags: scope.kind === "tags" ? scope.tags.map(formatTagFilter) : [],
  };
}

export function describeScope(scope: DigestScope): string {
  switch (scope.kind) {
    case "all":
      return "All accounts";
    case "accounts":
      return scope.awsAccountIds.length === 1 ? "1 chosen account" : `${scope.awsAccountIds.length} chosen accounts`;
    case "tags":
      return `Accounts tagged ${scope.tags.map(formatTagFilter).join(" or ")}`;
  }
}
