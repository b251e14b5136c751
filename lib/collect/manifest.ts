/**
 * A snapshot manifest: which content-addressed blob holds each part of one account's snapshot.
 * Unchanged parts hash to the blobs already stored, and an unchanged account produces the same
 * manifest hash as its previous run, so a run that finds nothing new stores almost nothing.
 */
import type { AccountSnapshot, PartKey, PartResult } from "@/lib/snapshot/schema";
import { hashBlob, type HashedBlob } from "@/lib/snapshot/content-hash";
import type { ManifestPart, SnapshotManifest } from "@/lib/snapshot/manifest-format";

// The stored formats live in lib/snapshot so data access can use them without importing the collector.
export { canonicalJson, hashBlob, type HashedBlob } from "@/lib/snapshot/content-hash";
export type { ManifestPart, SnapshotManifest } from "@/lib/snapshot/manifest-format";

/**
 * Builds the manifest of a new snapshot. A failed part keeps a pointer to the last good blob
 * of that part (from the previous manifest), so the UI can show stale data, marked as such.
 */
export function buildManifest(
  snapshot: AccountSnapshot,
  previous: { manifest: SnapshotManifest; collectedAt: string } | undefined,
  /** Hashes of part data objects that are never changed in place (bench:history's drift keeps them). */
  knownHashes?: WeakMap<object, HashedBlob>,
): { manifest: SnapshotManifest; blobs: HashedBlob[] } {
  const blobs = new Map<string, HashedBlob>();
  const parts: Record<PartKey, ManifestPart> = {};
  for (const key of Object.keys(snapshot.parts).sort()) {
    const result = snapshot.parts[key] as PartResult<unknown>;
    if (result.status === "ok") {
      const data = result.data;
      const known = knownHashes && typeof data === "object" && data !== null ? knownHashes.get(data) : undefined;
      const blob = known ?? hashBlob(data);
      if (knownHashes && !known && typeof data === "object" && data !== null) knownHashes.set(data, blob);
      blobs.set(blob.hash, blob);
      // Only when there are any: an unchanged complete part keeps the manifest it always had.
      parts[key] = result.entryErrors?.length ? { status: "ok", blob: blob.hash, entryErrors: result.entryErrors } : { status: "ok", blob: blob.hash };
    } else if (result.status === "skipped") {
      parts[key] = { status: "skipped", reason: result.reason };
    } else {
      const before = previous?.manifest.parts[key];
      const stale =
        before?.status === "ok"
          ? { staleBlob: before.blob, staleCollectedAt: previous!.collectedAt }
          : before?.status === "error" && before.staleBlob
            ? { staleBlob: before.staleBlob, staleCollectedAt: before.staleCollectedAt }
            : {};
      parts[key] = { status: "error", error: result.error, ...stale };
    }
  }
  const manifest: SnapshotManifest = {
    version: 1,
    accountId: snapshot.accountId,
    regions: [...snapshot.regions].sort(),
    parts,
  };
  return { manifest, blobs: [...blobs.values()] };
}

/** Rebuilds the snapshot checks evaluate from a manifest and its blobs (stale data included, marked). */
export function snapshotFromManifest(
  manifest: SnapshotManifest,
  collectedAt: string,
  blobContent: (hash: string) => unknown,
): AccountSnapshot {
  const parts: Record<PartKey, PartResult<unknown>> = {};
  for (const [key, part] of Object.entries(manifest.parts)) {
    if (part.status === "ok") {
      parts[key] = part.entryErrors?.length
        ? { status: "ok", data: blobContent(part.blob), entryErrors: part.entryErrors }
        : { status: "ok", data: blobContent(part.blob) };
    }
    else if (part.status === "skipped") parts[key] = { status: "skipped", reason: part.reason };
    else
      parts[key] = {
        status: "error",
        error: part.error,
        ...(part.staleBlob && part.staleCollectedAt
          ? { stale: { data: blobContent(part.staleBlob), collectedAt: part.staleCollectedAt } }
          : {}),
      };
  }
  return { accountId: manifest.accountId, collectedAt, regions: manifest.regions, parts };
}

export function manifestBlobHashes(manifest: SnapshotManifest): string[] {
  const hashes = new Set<string>();
  for (const part of Object.values(manifest.parts)) {
    if (part.status === "ok") hashes.add(part.blob);
    if (part.status === "error" && part.staleBlob) hashes.add(part.staleBlob);
  }
  return [...hashes];
}
