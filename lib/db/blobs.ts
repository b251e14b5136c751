/**
 * Content-addressed JSON storage (fact_blob): snapshot parts, manifests, finding evidence and
 * score details are written once per distinct content.
 */
import "server-only";
import type { HashedBlob } from "@/lib/collect/manifest";
import type { DbTransaction } from "./transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";

/**
 * Blob writers (putBlobs) hold this lock shared for their transaction and a pruning batch holds it
 * exclusively, so a blob a collection has just found "already stored" cannot be deleted before the
 * collection's manifest or finding that points at it commits.
 */
export const BLOB_LOCK_SQL = Prisma.sql`hashtext('iamfit.fact_blob')`;

export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(hex, "hex"));
}
export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

/**
 * Inserts the blobs not stored yet; content already stored is not even sent to the server.
 * Call it inside the transaction that writes what points at the blobs: it holds the blob lock
 * shared until then, so the retention job cannot delete a blob found "already stored" meanwhile.
 */
export async function putBlobs(tx: DbTransaction, blobs: HashedBlob[]): Promise<number> {
  if (blobs.length === 0) return 0;
  await tx.$queryRaw`SELECT pg_advisory_xact_lock_shared(${BLOB_LOCK_SQL})::text`;
  const unique = [...new Map(blobs.map((blob) => [blob.hash, blob])).values()];
  const existing = await tx.$queryRawUnsafe<Array<{ hash: Uint8Array }>>(
    "SELECT hash FROM fact_blob WHERE hash = ANY($1::bytea[])",
    unique.map((blob) => hexToBytes(blob.hash)),
  );
  const stored = new Set(existing.map((row) => bytesToHex(row.hash)));
  const missing = unique.filter((blob) => !stored.has(blob.hash));
  if (missing.length === 0) return 0;
  await tx.$executeRawUnsafe(
    `INSERT INTO fact_blob (hash, content, byte_size)
     SELECT * FROM unnest($1::bytea[], $2::jsonb[], $3::int[]) ON CONFLICT (hash) DO NOTHING`,
    missing.map((blob) => hexToBytes(blob.hash)),
    missing.map((blob) => blob.json),
    missing.map((blob) => Buffer.byteLength(blob.json)),
  );
  return missing.length;
}

/**
 * Records which part blobs a stored manifest points at (manifest_part), once per distinct
 * manifest: the retention job's lookups. Call it in the transaction that stored the manifest with
 * putBlobs (the blob lock it holds keeps a pruning batch out in between). A manifest stored
 * before, with its rows, costs one index probe.
 */
export async function putManifestParts(tx: DbTransaction, manifestHash: string, partHashes: string[]): Promise<void> {
  if (partHashes.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO manifest_part (manifest_hash, part_hash)
     SELECT $1::bytea, part FROM unnest($2::bytea[]) AS part
      WHERE NOT EXISTS (SELECT 1 FROM manifest_part WHERE manifest_hash = $1::bytea)
     ON CONFLICT DO NOTHING`,
    hexToBytes(manifestHash),
    [...new Set(partHashes)].map(hexToBytes),
  );
}

export async function getBlobs(hashes: string[], tx: DbTransaction = db()): Promise<Map<string, unknown>> {
  if (hashes.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<Array<{ hash: Uint8Array; content: unknown }>>(
    "SELECT hash, content FROM fact_blob WHERE hash = ANY($1::bytea[])",
    [...new Set(hashes)].map(hexToBytes),
  );
  return new Map(rows.map((row) => [bytesToHex(row.hash), row.content]));
}
