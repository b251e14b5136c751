/** The organizational units a scorecard filter offers, built from the linked accounts' OU paths. */

/** Every OU path and its ancestors, in tree order, with the accounts at or below each. */
export function ouWithAncestors(ouPaths: Array<{ ouPath: string; accounts: number }>): Array<{ ouPath: string; depth: number; accounts: number }> {
  const counts = new Map<string, number>();
  for (const { ouPath, accounts } of ouPaths) {
    const parts = ouPath.split("/");
    for (let end = 1; end <= parts.length; end++) {
      const path = parts.slice(0, end).join("/");
      counts.set(path, (counts.get(path) ?? 0) + accounts);
    }
  }
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ouPath, accounts]) => ({ ouPath, depth: ouPath.split("/").length - 1, accounts }));
}
