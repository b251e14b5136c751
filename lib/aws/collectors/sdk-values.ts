/** Conversions from SDK output values to snapshot values (AWS-NOTES.md: dates as ISO strings). */

/** An SDK timestamp as an ISO string; strings that do not parse are kept as AWS sent them. */
export function isoDate(value: Date | string | number | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return typeof value === "string" ? value : undefined;
  return date.toISOString();
}

export function toTags(tags: Array<{ Key?: string; Value?: string }> | undefined): Array<{ key: string; value: string }> {
  return (tags ?? [])
    .map((tag) => ({ key: tag.Key ?? "", value: tag.Value ?? "" }))
    .sort((a, b) => compareStrings(a.key, b.key) || compareStrings(a.value, b.value));
}

/** Code-point order, so the same facts always serialise the same way whatever the locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareStrings(key(a), key(b)));
}

export function sortedStrings(values: Array<string | undefined> | undefined): string[] {
  return (values ?? []).filter((value): value is string => typeof value === "string").sort(compareStrings);
}
