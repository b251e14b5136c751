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
 *   points at it: a kept collection (its manifest), a stored manifest (a part it lists, from
 *   manifest_part), a finding's or checklist item's evidence, a score's detail. A deleted
 *   manifest takes its manifest_part rows with it, which is how its parts become candidates.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";
import { BLOB_LOCK_SQL, hexToBytes } from "./blobs";
import type { DbTransaction } from "./transaction";

export interface RetentionCutoffs {
  snapshotCutoff: Date;
  historyCutoff: Date;
  /** Rows changed per transaction. */
  batchSize?: number;
  /** Told of each transaction that changed rows (the bench and tests watch the batches). */
  onBatch?: (batch: RetentionBatch) => void;
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

/**
 * True when nothing stored points at the blob aliased `b`: a collection (as its manifest), a
 * stored manifest (as a part, see manifest_part), a finding's or checklist item's evidence, a
 * score's detail. Each is one index probe (see the retention and manifest_part migrations).
 */
const BLOB_UNREFERENCED = Prisma.sql`
      NOT EXISTS (SELECT 1 FROM account_collection ac WHERE ac.manifest_hash = b.hash)
  AND NOT EXISTS (SELECT 1 FROM manifest_part mp WHERE mp.part_hash = b.hash)
  AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.evidence_hash = b.hash)
  AND NOT EXISTS (SELECT 1 FROM checklist_item ci WHERE ci.evidence_hash = b.hash)
  AND NOT EXISTS (SELECT 1 FROM account_score s WHERE s.detail_hash = b.hash)`;

interface SweepResult {
  blobs: number;
  bytes: number;
  /** manifest_part rows deleted with their manifests. */
  partReferences: number;
}

/** One transaction of the job, as reported to `onBatch`. */
export interface RetentionBatch {
  step: "snapshot details" | "finding intervals" | "scores" | "checklist events" | "collections" | "runs";
  rows: number;
  blobs: number;
  partReferences: number;
  milliseconds: number;
}

/**
 * Deletes the candidate blobs nothing points at; a deleted manifest's reference rows go with it,
 * and the parts they named become candidates in turn (parts point at nothing further).
 */
async function sweepBlobs(tx: DbTransaction, candidates: Uint8Array[]): Promise<SweepResult> {
  if (candidates.length === 0) return { blobs: 0, bytes: 0, partReferences: 0 };
  // Every probe is by index and the work grows with the batch, not with the tables: a hash or
  // merge join would read all of finding or manifest_part once per batch instead.
  await tx.$executeRaw`SET LOCAL enable_hashjoin = off`;
  await tx.$executeRaw`SET LOCAL enable_mergejoin = off`;
  const [freed] = await tx.$queryRaw<Array<{ blobs: number; bytes: bigint; part_references: number; part_hashes: string[] }>>`
    WITH gone AS (
      DELETE FROM fact_blob b WHERE b.hash = ANY(${candidates}::bytea[]) AND ${BLOB_UNREFERENCED}
      RETURNING b.hash, b.byte_size),
    released AS (
      DELETE FROM manifest_part mp USING gone WHERE mp.manifest_hash = gone.hash RETURNING mp.part_hash)
    SELECT (SELECT count(*) FROM gone)::int AS blobs, (SELECT COALESCE(sum(byte_size), 0) FROM gone)::bigint AS bytes,
           (SELECT count(*) FROM released)::int AS part_references,
           ARRAY(SELECT DISTINCT encode(part_hash, 'hex') FROM released) AS part_hashes`;
  let result = { blobs: freed!.blobs, bytes: Number(freed!.bytes), partReferences: freed!.part_references };
  if (freed!.part_hashes.length > 0) {
    // A new statement: it sees the reference rows deleted above as gone.
    const parts = await tx.$queryRaw<Array<{ byte_size: number }>>`
      DELETE FROM fact_blob b WHERE b.hash = ANY(${freed!.part_hashes.map(hexToBytes)}::bytea[]) AND ${BLOB_UNREFERENCED}
      RETURNING b.byte_size`;
    result = { ...result, blobs: result.blobs + parts.length, bytes: result.bytes + parts.reduce((sum, row) => sum + row.byte_size, 0) };
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

type Totals = { blobs: number; bytes: number; onBatch?: (batch: RetentionBatch) => void };

async function untilDone(step: RetentionBatch["step"], batch: () => Promise<{ rows: number } & Partial<SweepResult>>, totals: Totals): Promise<number> {
  let changed = 0;
  for (;;) {
    const started = performance.now();
    const result = await batch();
    changed += result.rows;
    totals.blobs += result.blobs ?? 0;
    totals.bytes += result.bytes ?? 0;
    if (result.rows === 0) return changed;
    const milliseconds = performance.now() - started;
    totals.onBatch?.({ step, rows: result.rows, blobs: result.blobs ?? 0, partReferences: result.partReferences ?? 0, milliseconds });
  }
}

/** The newest run created before the cutoff (run ids grow with creation time), or 0. */
async function lastRunBefore(cutoff: Date): Promise<bigint> {
  const rows = await db().$queryRaw<Array<{ id: bigint | null }>>`SELECT max(id) AS id FROM collection_run WHERE created_at < ${cutoff}`;
  return rows[0]?.id ?? 0n;
}

export async function pruneExpiredData(cutoffs: RetentionCutoffs): Promise<RetentionResult> {
  const limit = cutoffs.batchSize ?? DEFAULT_BATCH_SIZE;
  const totals: Totals = { blobs: 0, bytes: 0, onBatch: cutoffs.onBatch };
  const snapshotRun = await lastRunBefore(cutoffs.snapshotCutoff);
  const historyRun = await lastRunBefore(cutoffs.historyCutoff);

  // Prunable only when a newer stored snapshot of the account exists that is not newer than the
  // run its scorecard was evaluated from: so the newest snapshot (the base of the next collection)
  // and the evaluated one (the resources page) stay.
  const collectionDetailsPruned = await untilDone(
    "snapshot details",
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
    "finding intervals",
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
    "scores",
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
    "checklist events",
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
    "collections",
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
    "runs",
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
