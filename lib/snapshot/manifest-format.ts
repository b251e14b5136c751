/**
 * The stored shape of a snapshot manifest: which content-addressed blob holds each part of one
 * account's snapshot. Built by lib/collect/manifest.ts, stored and read back by lib/db.
 */
import type { CollectorError, PartKey } from "./schema";

export type ManifestPart =
  | { status: "ok"; blob: string; entryErrors?: CollectorError[] }
  | { status: "error"; error: CollectorError; staleBlob?: string; staleCollectedAt?: string; staleReportGeneratedAt?: string }
  | { status: "skipped"; reason: "region_disabled" | "out_of_scope" };

export interface SnapshotManifest {
  version: 1;
  accountId: string;
  regions: string[];
  parts: Record<PartKey, ManifestPart>;
  /** When each ok part's blob was first collected is not kept here on purpose: it would change every run. */
}

/** Every blob a manifest points at: its parts and the stale copies kept for failed parts. */
export function manifestBlobHashes(manifest: SnapshotManifest): string[] {
  const hashes = new Set<string>();
  for (const part of Object.values(manifest.parts)) {
    if (part.status === "ok") hashes.add(part.blob);
    if (part.status === "error" && part.staleBlob) hashes.add(part.staleBlob);
  }
  return [...hashes];
}
