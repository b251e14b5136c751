/**
 * Which organization accounts count: OU patterns name a subtree by its path of OU names
 * ("Workloads/Prod", with or without a leading "Root/") or by an OU or root id
 * ("ou-ab12-34cd56ef", "r-ab12"). Names are compared exactly, as AWS stores them.
 */

/** Root and OU id formats (Organizations API reference: RootId, OrganizationalUnitId). */
const OU_ID_PATTERN = /^(?:r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;

export const OU_PATTERN_MESSAGE = 'must be an OU path such as "Workloads/Prod" or an OU id such as "ou-ab12-34cd56ef"';

export interface OuPlacement {
  /** "Root" or "Root/Workloads/Prod". */
  ouPath: string;
  /** Root id and OU ids from the root down to the account's parent. */
  ouIds: readonly string[];
}

export interface OuFilter {
  includeOus: readonly string[];
  excludeOus: readonly string[];
}

export function isOuPattern(pattern: string): boolean {
  const trimmed = pattern.trim();
  if (OU_ID_PATTERN.test(trimmed)) return true;
  return normalizeOuPath(trimmed) !== undefined;
}

/** "Workloads/Prod", "/Workloads/Prod/", "Root/Workloads/Prod" → "Root/Workloads/Prod"; undefined when empty segments remain. */
export function normalizeOuPath(pattern: string): string | undefined {
  const stripped = pattern.trim().replace(/^\/+|\/+$/g, "");
  if (stripped === "") return undefined;
  const segments = stripped.split("/").map((segment) => segment.trim());
  if (segments.some((segment) => segment.length === 0)) return undefined;
  return segments[0] === "Root" ? segments.join("/") : ["Root", ...segments].join("/");
}

export function ouPatternMatches(pattern: string, placement: OuPlacement): boolean {
  const trimmed = pattern.trim();
  if (OU_ID_PATTERN.test(trimmed)) return placement.ouIds.includes(trimmed);
  const path = normalizeOuPath(trimmed);
  if (path === undefined) return false;
  return placement.ouPath === path || placement.ouPath.startsWith(`${path}/`);
}

/** Included (no include patterns means everything) and not excluded; exclusion wins. */
export function passesOuFilter(filter: OuFilter, placement: OuPlacement): boolean {
  if (filter.excludeOus.some((pattern) => ouPatternMatches(pattern, placement))) return false;
  return filter.includeOus.length === 0 || filter.includeOus.some((pattern) => ouPatternMatches(pattern, placement));
}

/** Patterns that match no OU of the organization: most likely a typo, worth a warning. */
export function unmatchedOuPatterns(filter: OuFilter, units: ReadonlyArray<{ id: string; path: string }>, rootId: string): string[] {
  const placements: OuPlacement[] = [
    { ouPath: "Root", ouIds: [rootId] },
    ...units.map((unit) => ({ ouPath: unit.path, ouIds: [unit.id] })),
  ];
  return [...filter.includeOus, ...filter.excludeOus].filter((pattern) => !placements.some((placement) => ouPatternMatches(pattern, placement)));
}
