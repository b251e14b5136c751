/** Conversions from SDK output values to snapshot values (AWS-NOTES.md: dates as ISO strings). */
import type { AwsOperation } from "../api-calls";
import { CollectorFailure } from "../errors";

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

/**
 * Sorted, with entries AWS sent without their value kept (last) rather than dropped: the snapshot
 * schema then rejects them, and validatePart leaves each out with an error naming it instead of
 * losing it silently (a rule's CIDR that vanished unseen could turn a fail into a pass).
 */
export function sortedStrings(values: Array<string | undefined> | undefined): Array<string | undefined> {
  const present = (values ?? []).filter((value): value is string => typeof value === "string").sort(compareStrings);
  return [...present, ...(values ?? []).filter((value) => typeof value !== "string")];
}

/** A collection error for a member AWS may leave out but without which a sub-result means nothing. */
export function missingMember(api: AwsOperation, region: string | undefined, what: string): CollectorFailure {
  return new CollectorFailure({
    api,
    code: "IncompleteResponse",
    message: `${api}${region ? ` in ${region}` : ""} answered without ${what}, so it cannot be judged; the next collection asks again.`,
    ...(region ? { region } : {}),
  });
}

/**
 * An IAM resource's name and path from its ARN (`arn:aws:iam::123456789012:policy/service-role/Name`
 * → `Name`, `/service-role/`), for members AWS may leave out ("Required: No") but the ARN carries.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
export function iamNameAndPathFromArn(arn: string | undefined): { name?: string; path?: string } {
  const resource = arn?.split(":").slice(5).join(":");
  const segments = resource?.split("/") ?? [];
  if (segments.length < 2) return {};
  const name = segments[segments.length - 1];
  const middle = segments.slice(1, -1);
  return { ...(name ? { name } : {}), path: middle.length > 0 ? `/${middle.join("/")}/` : "/" };
}
