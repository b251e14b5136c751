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
export { manifestBlobHashes, type ManifestPart, type SnapshotManifest } from "@/lib/snapshot/manifest-format";

/**
 * AWS generates a new credential report once the last is four hours old, so every collection
 * reads one with a new generation time even when no row changed. The time is kept beside the
 * manifest (the collection's row) instead of in the part's blob, so an unchanged report keeps its
 * blob and an unchanged account its manifest; the snapshot gets it back when rebuilt. Checks
 * judge ages against the collection time, not this one.
 */
export const CREDENTIAL_REPORT_PART = "iam.credentialReport";

function isGeneratedReport(value: unknown): value is { generatedAt: string } {
  return typeof value === "object" && value !== null && typeof (value as { generatedAt?: unknown }).generatedAt === "string";
}

/** The report as stored: without its generation time (blobs stored before keep theirs). */
function storedPartData(key: string, data: unknown): unknown {
  if (key !== CREDENTIAL_REPORT_PART || !isGeneratedReport(data)) return data;
  const { generatedAt: _generatedAt, ...rest } = data;
  return rest;
}

/** The report with its generation time back, unless its blob still holds one. */
function restoredPartData(key: string, data: unknown, generatedAt: string): unknown {
  if (key !== CREDENTIAL_REPORT_PART || typeof data !== "object" || data === null || isGeneratedReport(data)) return data;
  return { ...data, generatedAt };
}

/**
 * Builds the manifest of a new snapshot. A failed part keeps a pointer to the last good blob
 * of that part (from the previous manifest), so the UI can show stale data, marked as such.
 */
export function buildManifest(
  snapshot: AccountSnapshot,
  previous: { manifest: SnapshotManifest; collectedAt: string; reportGeneratedAt?: string } | undefined,
  /** Hashes of part data objects that are never changed in place (bench:history's drift keeps them). */
  knownHashes?: WeakMap<object, HashedBlob>,
): { manifest: SnapshotManifest; blobs: HashedBlob[]; reportGeneratedAt?: string } {
  const blobs = new Map<string, HashedBlob>();
  const parts: Record<PartKey, ManifestPart> = {};
  let reportGeneratedAt: string | undefined;
  for (const key of Object.keys(snapshot.parts).sort()) {
    const result = snapshot.parts[key] as PartResult<unknown>;
    if (result.status === "ok") {
      const data = result.data;
      if (key === CREDENTIAL_REPORT_PART && isGeneratedReport(data)) reportGeneratedAt = data.generatedAt;
      const known = knownHashes && typeof data === "object" && data !== null ? knownHashes.get(data) : undefined;
      const blob = known ?? hashBlob(storedPartData(key, data));
      if (knownHashes && !known && typeof data === "object" && data !== null) knownHashes.set(data, blob);
      blobs.set(blob.hash, blob);
      // Only when there are any: an unchanged complete part keeps the manifest it always had.
      parts[key] = result.entryErrors?.length ? { status: "ok", blob: blob.hash, entryErrors: result.entryErrors } : { status: "ok", blob: blob.hash };
    } else if (result.status === "skipped") {
      parts[key] = { status: "skipped", reason: result.reason };
    } else {
      const before = previous?.manifest.parts[key];
      const generatedAt = before?.status === "ok" ? previous!.reportGeneratedAt : before?.status === "error" ? before.staleReportGeneratedAt : undefined;
      const stale =
        before?.status === "ok"
          ? { staleBlob: before.blob, staleCollectedAt: previous!.collectedAt }
          : before?.status === "error" && before.staleBlob
            ? { staleBlob: before.staleBlob, staleCollectedAt: before.staleCollectedAt }
            : {};
      if ("staleBlob" in stale && key === CREDENTIAL_REPORT_PART && generatedAt) Object.assign(stale, { staleReportGeneratedAt: generatedAt });
      parts[key] = { status: "error", error: result.error, ...stale };
    }
  }
  const manifest: SnapshotManifest = {
    version: 1,
    accountId: snapshot.accountId,
    regions: [...snapshot.regions].sort(),
    parts,
  };
  return { manifest, blobs: [...blobs.values()], ...(reportGeneratedAt ? { reportGeneratedAt } : {}) };
}

/** Rebuilds the snapshot checks evaluate from a manifest and its blobs (stale data included, marked). */
export function snapshotFromManifest(
  manifest: SnapshotManifest,
  collectedAt: string,
  blobContent: (hash: string) => unknown,
  /** The credential report's generation time, kept with the collection (else the collection time). */
  reportGeneratedAt?: string,
): AccountSnapshot {
  const parts: Record<PartKey, PartResult<unknown>> = {};
  for (const [key, part] of Object.entries(manifest.parts)) {
    if (part.status === "ok") {
      const data = restoredPartData(key, blobContent(part.blob), reportGeneratedAt ?? collectedAt);
      parts[key] = part.entryErrors?.length ? { status: "ok", data, entryErrors: part.entryErrors } : { status: "ok", data };
    }
    else if (part.status === "skipped") parts[key] = { status: "skipped", reason: part.reason };
    else
      parts[key] = {
        status: "error",
        error: part.error,
        ...(part.staleBlob && part.staleCollectedAt
          ? {
              stale: {
                data: restoredPartData(key, blobContent(part.staleBlob), part.staleReportGeneratedAt ?? part.staleCollectedAt),
                collectedAt: part.staleCollectedAt,
              },
            }
          : {}),
      };
  }
  return { accountId: manifest.accountId, collectedAt, regions: manifest.regions, parts };
}
