/**
 * The retention job's deletes, in bounded batches (one short transaction each, so collections and
 * pages never wait long and a crash loses at most one batch of progress, never leaves a dangling
 * pointer):
 * - snapshot detail (manifest pointer, part errors) of collections older than the snapshot cutoff
 *   is cleared, except each account's newest stored snapshot and the one its scorecard was
 *   evaluated from;
 * - closed finding intervals, scores, checklist events, collections and runs older than the
 *   history cutoff are deleted, except what the current scorecard, the newest collection of each
 *   account and the checklist still need;
 * - a blob (fact_blob) freed by either is deleted in the same transaction only when nothing kept
 *   points at it: a kept manifest (or a part inside one), a finding's or checklist item's
 *   evidence, a score's detail.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";
import { BLOB_LOCK_SQL } from "./blobs";
import type { DbTransaction } from "./transaction";

export interface RetentionCutoffs {
  snapshotCutoff: Date;
  historyCutoff: Date;
  /** Rows changed per transaction. */
  batchSize?: number;
  now: Date;
}

export interface RetentionResult {
  collectionDetailsPruned: number;
  findingIntervalsDeleted: number;
  scoresDeleted: number;
  checklistEventsDeleted: number;
  collectionsDeleted: number;
  runsDeleted: number;
  blobsDeleted: number;
  blobBytesDeleted: number;
}

const DEFAULT_BATCH_SIZE = 2000;

/** True when no kept row points at the blob aliased `b` (see the indexes of the retention migration). */
const BLOB_UNREFERENCED = Prisma.sql`
      NOT EXISTS (SELECT 1 FROM account_collection ac WHERE ac.manifest_hash = b.hash)
  AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.evidence_hash = b.hash)
  AND NOT EXISTS (SELECT 1 FROM checklist_item ci WHERE ci.evidence_hash = b.hash)
  AND NOT EXISTS (SELECT 1 FROM account_score s WHERE s.detail_hash = b.hash)
  AND NOT EXISTS (
        SELECT 1 FROM fact_blob m JOIN account_collection ac ON ac.manifest_hash = m.hash
         WHERE m.content ? 'parts'
           AND (jsonb_path_query_array(m.content, '$.parts.*.blob') || jsonb_path_query_array(m.content, '$.parts.*.staleBlob'))
               @> jsonb_build_array(encode(b.hash, 'hex')))`;

interface SweepResult {
  blobs: number;
  bytes: number;
}

/**
 * Deletes the candidate blobs nothing kept points at; a deleted manifest's part blobs become
 * candidates in turn (parts point at nothing further).
 */
async function sweepBlobs(tx: DbTransaction, candidates: Uint8Array[]): Promise<SweepResult> {
  if (candidates.length === 0) return { blobs: 0, bytes: 0 };
  // A part blob is shared by every kept manifest of its account (hundreds): a hash join reads and
  // rechecks all of them per candidate, a nested loop stops at the first one still kept. Measured
  // by bench:history at 10 accounts × 100 days: 763 candidates took 32 s hashed, 4 s looped, and
  // the first pruning batch outlived its transaction timeout.
  await tx.$executeRaw`SET LOCAL enable_hashjoin = off`;
  await tx.$executeRaw`SET LOCAL enable_mergejoin = off`;
  const deleted = await tx.$queryRaw<Array<{ byte_size: number; part_hashes: string[] }>>`
    DELETE FROM fact_blob b
     WHERE b.hash = ANY(${candidates}::bytea[]) AND ${BLOB_UNREFERENCED}
    RETURNING b.byte_size,
      ARRAY(SELECT jsonb_array_elements_text(
        jsonb_path_query_array(b.content, '$.parts.*.blob') || jsonb_path_query_array(b.content, '$.parts.*.staleBlob'))) AS part_hashes`;
  const partHashes = [...new Set(deleted.flatMap((row) => row.part_hashes))].filter((hash) => /^[0-9a-f]{64}$/.test(hash));
  let result = { blobs: deleted.length, bytes: deleted.reduce((sum, row) => sum + row.byte_size, 0) };
  if (partHashes.length > 0) {
    const parts = await tx.$queryRaw<Array<{ byte_size: number }>>`
      DELETE FROM fact_blob b
       WHERE b.hash = ANY(${partHashes.map((hash) => new Uint8Array(Buffer.from(hash, "hex")))}::bytea[]) AND ${BLOB_UNREFERENCED}
      RETURNING b.byte_size`;
    result = { blobs: result.blobs + parts.length, bytes: result.bytes + parts.reduce((sum, row) => sum + row.byte_size, 0) };
  }
  return result;
}

/** Runs one batch in a transaction holding the blob lock; returns the rows it changed and the blobs it freed. */
async function blobBatch(
  statement: (tx: DbTransaction) => Promise<Array<{ hash: Uint8Array | null }>>,
): Promise<{ rows: number } & SweepResult> {
  return db().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${BLOB_LOCK_SQL})::text`;
      const rows = await statement(tx);
      const hashes = [...new Map(rows.flatMap((row) => (row.hash ? [[Buffer.from(row.hash).toString("hex"), row.hash] as const] : []))).values()];
      return { rows: rows.length, ...(await sweepBlobs(tx, hashes)) };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

async function untilDone(batch: () => Promise<{ rows: number } & Partial<SweepResult>>, totals: { blobs: number; bytes: number }): Promise<number> {
  let changed = 0;
  for (;;) {
    const result = await batch();
    changed += result.rows;
    totals.blobs += result.blobs ?? 0;
    totals.bytes += result.bytes ?? 0;
    if (result.rows === 0) return changed;
  }
}

/** The newest run created before the cutoff (run ids grow with creation time), or 0. */
async function lastRunBefore(cutoff: Date): Promise<bigint> {
  const rows = await db().$queryRaw<Array<{ id: bigint | null }>>`SELECT max(id) AS id FROM collection_run WHERE created_at < ${cutoff}`;
  return rows[0]?.id ?? 0n;
}

export async function pruneExpiredData(cutoffs: RetentionCutoffs): Promise<RetentionResult> {
  const limit = cutoffs.batchSize ?? DEFAULT_BATCH_SIZE;
  const totals = { blobs: 0, bytes: 0 };
  const snapshotRun = await lastRunBefore(cutoffs.snapshotCutoff);
  const historyRun = await lastRunBefore(cutoffs.historyCutoff);

  // Prunable only when a newer stored snapshot of the account exists that is not newer than the
  // run its scorecard was evaluated from: so the newest snapshot (the base of the next collection)
  // and the evaluated one (the resources page) stay.
  const collectionDetailsPruned = await untilDone(
    () =>
      blobBatch((tx) => tx.$queryRaw`
        WITH batch AS (
          SELECT ac.id, ac.manifest_hash FROM account_collection ac JOIN linked_account la ON la.id = ac.account_id
           WHERE ac.run_id <= ${snapshotRun} AND ac.status NOT IN ('queued', 'running')
             AND (ac.manifest_hash IS NOT NULL OR ac.part_errors IS NOT NULL)
             AND EXISTS (SELECT 1 FROM account_collection newer
                          WHERE newer.account_id = ac.account_id AND newer.manifest_hash IS NOT NULL
                            AND newer.run_id > ac.run_id AND newer.run_id <= COALESCE(la.last_evaluated_run_id, newer.run_id))
           LIMIT ${limit} FOR UPDATE OF ac SKIP LOCKED),
        cleared AS (
          UPDATE account_collection t SET manifest_hash = NULL, part_errors = NULL, detail_pruned_at = ${cutoffs.now}
            FROM batch WHERE t.id = batch.id RETURNING batch.manifest_hash AS hash)
        SELECT hash FROM cleared`),
    totals,
  );

  const findingIntervalsDeleted = await untilDone(
    () =>
      blobBatch((tx) => tx.$queryRaw`
        WITH batch AS (
          SELECT id FROM finding WHERE closed_run_id IS NOT NULL AND closed_run_id <= ${historyRun}
           LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        DELETE FROM finding f USING batch WHERE f.id = batch.id RETURNING f.evidence_hash AS hash`),
    totals,
  );

  // The current scorecard reads the score of the account's last evaluated run; trends read the rest.
  const scoresDeleted = await untilDone(
    () =>
      blobBatch((tx) => tx.$queryRaw`
        WITH batch AS (
          SELECT s.account_id, s.run_id FROM account_score s JOIN linked_account la ON la.id = s.account_id
           WHERE s.run_id <= ${historyRun} AND s.run_id IS DISTINCT FROM la.last_evaluated_run_id
             AND EXISTS (SELECT 1 FROM account_score newer WHERE newer.account_id = s.account_id AND newer.run_id > s.run_id)
           LIMIT ${limit} FOR UPDATE OF s SKIP LOCKED)
        DELETE FROM account_score s USING batch
         WHERE s.account_id = batch.account_id AND s.run_id = batch.run_id RETURNING s.detail_hash AS hash`),
    totals,
  );

  // An item still being worked on keeps its whole history; any other item keeps its latest event,
  // which says how it came to its state.
  const checklistEventsDeleted = await untilDone(
    () =>
      db().$transaction(async (tx) => {
        const deleted = await tx.$executeRaw`
          DELETE FROM checklist_event e WHERE e.id IN (
            SELECT e.id FROM checklist_event e JOIN checklist_item i ON i.id = e.item_id
             WHERE e.at < ${cutoffs.historyCutoff} AND i.state NOT IN ('open', 'in_progress')
               AND EXISTS (SELECT 1 FROM checklist_event later WHERE later.item_id = e.item_id AND (later.at, later.id) > (e.at, e.id))
             LIMIT ${limit})`;
        return { rows: deleted };
      }),
    totals,
  );

  // Snapshot pruning ran first, so an old collection that still has a manifest is one kept on
  // purpose; the newest collection of each account stays for its page.
  const collectionsDeleted = await untilDone(
    async () => ({
      rows: await db().$executeRaw`
        DELETE FROM account_collection WHERE id IN (
          SELECT ac.id FROM account_collection ac
           WHERE ac.run_id <= ${historyRun} AND ac.manifest_hash IS NULL AND ac.status NOT IN ('queued', 'running')
             AND EXISTS (SELECT 1 FROM account_collection newer WHERE newer.account_id = ac.account_id AND newer.run_id > ac.run_id)
           LIMIT ${limit})`,
    }),
    totals,
  );

  // Org scores go with their run (ON DELETE CASCADE); the newest one is the current org scorecard.
  const runsDeleted = await untilDone(
    async () => ({
      rows: await db().$executeRaw`
        DELETE FROM collection_run WHERE id IN (
          SELECT r.id FROM collection_run r
           WHERE r.id <= ${historyRun} AND r.status NOT IN ('queued', 'running')
             AND r.id <> (SELECT max(id) FROM collection_run)
             AND r.id IS DISTINCT FROM (SELECT max(run_id) FROM org_score)
             AND NOT EXISTS (SELECT 1 FROM account_collection ac WHERE ac.run_id = r.id)
             AND NOT EXISTS (SELECT 1 FROM account_score s WHERE s.run_id = r.id)
             AND NOT EXISTS (SELECT 1 FROM linked_account la WHERE la.last_evaluated_run_id = r.id)
           LIMIT ${limit})`,
    }),
    totals,
  );

  return {
    collectionDetailsPruned,
    findingIntervalsDeleted,
    scoresDeleted,
    checklistEventsDeleted,
    collectionsDeleted,
    runsDeleted,
    blobsDeleted: totals.blobs,
    blobBytesDeleted: totals.bytes,
  };
}
