/**
 * Opaque pagination tokens like AWS's (IAM Marker, EC2/S3 NextToken/ContinuationToken): they
 * encode an offset into the sorted listing plus the listing's name, so a token from one API is
 * rejected by another.
 */

export function encodePageToken(listing: string, offset: number): string {
  return Buffer.from(`${listing}:${offset}`, "utf8").toString("base64url");
}

/** The offset a token points at; 0 without a token; undefined for a token that is not ours. */
export function decodePageToken(listing: string, token: string | undefined): number | undefined {
  if (token === undefined || token === "") return 0;
  const decoded = Buffer.from(token, "base64url").toString("utf8");
  const separator = decoded.lastIndexOf(":");
  if (separator < 0 || decoded.slice(0, separator) !== listing) return undefined;
  const offset = Number(decoded.slice(separator + 1));
  return Number.isInteger(offset) && offset >= 0 ? offset : undefined;
}

export interface Page<T> {
  items: T[];
  /** Token for the next page; absent on the last page. */
  nextToken?: string;
}

export function pageOf<T>(listing: string, items: readonly T[], offset: number, pageSize: number): Page<T> {
  const end = offset + pageSize;
  return {
    items: items.slice(offset, end),
    nextToken: end < items.length ? encodePageToken(listing, end) : undefined,
  };
}

/** Clamps a requested page size to the API's documented range, using its default when absent. */
export function pageSizeOf(requested: number | undefined, defaults: { default: number; max: number }): number {
  if (requested === undefined || !Number.isFinite(requested) || requested < 1) return defaults.default;
  return Math.min(Math.floor(requested), defaults.max);
}
