/**
 * Content-addressed JSON storage (fact_blob): snapshot parts, manifests, finding evidence and
 * score details are written once per distinct content.
 */
import "server-only";
import type { HashedBlob } from "@/lib/snapshot/content-hash";
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
  const existing = await tx.$queryRaw<Array<{ hash: Uint8Array }>>`SELECT hash FROM fact_blob WHERE hash = ANY(${unique.map((blob) => hexToBytes(blob.hash))}::bytea[])`;
  const stored = new Set(existing.map((row) => bytesToHex(row.hash)));
  const missing = unique.filter((blob) => !stored.has(blob.hash));
  if (missing.length === 0) return 0;
  await tx.$executeRaw`INSERT INTO fact_blob (hash, content, byte_size)
     SELECT * FROM unnest(${missing.map((blob) => hexToBytes(blob.hash))}::bytea[], ${missing.map((blob) => blob.json)}::jsonb[], ${missing.map((blob) => Buffer.byteLength(blob.json))}::int[]) ON CONFLICT (hash) DO NOTHING`;
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
  const manifest = hexToBytes(manifestHash);
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO manifest_part (manifest_hash, part_hash)
    SELECT ${manifest}::bytea, part FROM unnest(${[...new Set(partHashes)].map(hexToBytes)}::bytea[]) AS part
     WHERE NOT EXISTS (SELECT 1 FROM manifest_part WHERE manifest_hash = ${manifest}::bytea)
    ON CONFLICT DO NOTHING`);
}

export async function getBlobs(hashes: string[], tx: DbTransaction = db()): Promise<Map<string, unknown>> {
  if (hashes.length === 0) return new Map();
  const rows = await tx.$queryRaw<Array<{ hash: Uint8Array; content: unknown }>>`SELECT hash, content FROM fact_blob WHERE hash = ANY(${[...new Set(hashes)].map(hexToBytes)}::bytea[])`;
  return new Map(rows.map((row) => [bytesToHex(row.hash), row.content]));
}
