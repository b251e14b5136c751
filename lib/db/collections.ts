/**
 * The per-account collections inside a run: claiming, progress, the stored manifest, the atomic
 * commit of a snapshot with its findings and scores, and failing. Runs as a whole (creating,
 * cancelling, finishing) are in collection-runs.ts, re-exported here.
 */
import "server-only";
import { hashBlob, type HashedBlob } from "@/lib/snapshot/content-hash";
import { manifestBlobHashes, type SnapshotManifest } from "@/lib/snapshot/manifest-format";
import type { CollectorError } from "@/lib/snapshot/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { bytesToHex, hexToBytes, putBlobs, putManifestParts } from "./blobs";
import { db } from "./client";
import { refreshOpenFindingCounts } from "./open-finding-counts";
import type { FindingIntervalPlan, NewFindingInterval, OpenFindingInterval } from "./finding-interval-rows";
import type { DbTransaction } from "./transaction";

export type { FindingIntervalPlan, NewFindingInterval, OpenFindingInterval } from "./finding-interval-rows";

export type RunTrigger = "schedule" | "manual" | "cli" | "api" | "startup";
export type RunKind = "collect" | "evaluate";
export const ACTIVE_COLLECTION_STATUSES = ["queued", "running"] as const;

export {
  createCollectionRun,
  finishRunIfComplete,
  getLatestAccountScores,
  latestRunStartedAt,
  listUnfinishedRunIds,
  requestCancel,
  type CreatedRun,
  type LatestAccountScore,
  type OrgScoreInput,
  type QueuedCollection,
} from "./collection-runs";

export interface ClaimedCollection {
  collectionId: bigint;
  runId: bigint;
  kind: RunKind;
  account: { id: string; awsAccountId: string; roleArn: string; externalId: string; lastEvaluatedRunId: bigint | null };
}

/** Moves a queued collection to running; null when it is no longer queued (cancelled, or taken). */
export async function claimCollection(collectionId: bigint): Promise<ClaimedCollection | null> {
  const now = new Date();
  // One round trip: claim the row, start its run if it is the run's first claim, read the account.
  const rows = await db().$queryRaw<
    Array<{
      run_id: bigint;
      kind: string;
      account_id: string;
      aws_account_id: string;
      role_arn: string;
      external_id: string;
      last_evaluated_run_id: bigint | null;
    }>
  >`WITH claimed AS (
       UPDATE account_collection SET status = 'running', started_at = ${now}, heartbeat_at = ${now}
        WHERE id = ${collectionId} AND status = 'queued'
        RETURNING run_id, account_id
     ), started AS (
       UPDATE collection_run r SET status = 'running', started_at = ${now}
         FROM claimed WHERE r.id = claimed.run_id AND r.status = 'queued'
     )
     SELECT c.run_id, r.kind, a.id AS account_id, a.aws_account_id, a.role_arn, a.external_id, a.last_evaluated_run_id
       FROM claimed c
       JOIN collection_run r ON r.id = c.run_id
       JOIN linked_account a ON a.id = c.account_id`;
  const row = rows[0];
  if (!row) return null;
  return {
    collectionId,
    runId: row.run_id,
    kind: row.kind as RunKind,
    account: {
      id: row.account_id,
      awsAccountId: row.aws_account_id,
      roleArn: row.role_arn,
      externalId: row.external_id,
      lastEvaluatedRunId: row.last_evaluated_run_id,
    },
  };
}

/** Heartbeat with progress; answers whether a cancel was requested, so the worker can abort. */
export async function recordProgress(
  collectionId: bigint,
  done: number,
  total: number,
  apiCalls: number,
): Promise<{ cancelRequested: boolean }> {
  const rows = await db().$queryRaw<Array<{ cancel_requested_at: Date | null }>>`UPDATE account_collection
        SET progress_done = ${done}, progress_total = ${total}, api_calls = ${apiCalls}, heartbeat_at = now()
      WHERE id = ${collectionId} AND status = 'running'
      RETURNING cancel_requested_at`;
  return { cancelRequested: rows[0]?.cancel_requested_at != null };
}

export interface StoredManifest {
  manifest: SnapshotManifest;
  collectedAt: string;
  runId: bigint;
  /** When AWS generated the credential report (see lib/collect/manifest.ts). */
  reportGeneratedAt?: string;
}

/** The account's newest stored snapshot manifest (the base for stale data and re-evaluation). */
export async function getLatestManifest(accountId: string, tx: DbTransaction = db()): Promise<StoredManifest | undefined> {
  const rows = await tx.$queryRaw<Array<{ run_id: bigint; collected_at: Date | null; report_generated_at: Date | null; content: unknown }>>`SELECT c.run_id, c.collected_at, c.report_generated_at, b.content
       FROM (SELECT run_id, collected_at, report_generated_at, manifest_hash FROM account_collection
              WHERE account_id = ${accountId}::uuid AND manifest_hash IS NOT NULL
              ORDER BY run_id DESC LIMIT 1) c
       LEFT JOIN fact_blob b ON b.hash = c.manifest_hash`;
  const row = rows[0];
  if (!row?.collected_at || row.content == null) return undefined;
  return {
    manifest: row.content as SnapshotManifest,
    collectedAt: row.collected_at.toISOString(),
    runId: row.run_id,
    ...(row.report_generated_at ? { reportGeneratedAt: row.report_generated_at.toISOString() } : {}),
  };
}

export async function getOpenFindingIntervals(accountId: string, tx: DbTransaction = db()): Promise<OpenFindingInterval[]> {
  const rows = await tx.$queryRaw<
    Array<{ id: bigint; check_id: string; resource_id: string; status: string; severity: string; reason: string; evidence_hash: Uint8Array }>
  >`SELECT id, check_id, resource_id, status, severity, reason, evidence_hash
       FROM finding WHERE account_id = ${accountId}::uuid AND closed_run_id IS NULL`;
  return rows.map((row) => ({
    id: row.id,
    checkId: row.check_id,
    resourceId: row.resource_id,
    status: row.status,
    severity: row.severity,
    reason: row.reason,
    evidenceHash: bytesToHex(row.evidence_hash),
  }));
}

export interface AccountScoreInput {
  score: number | null;
  /** Exercise 1..10 in order. */
  exerciseScores: Array<number | null>;
  passed: number;
  failed: number;
  unknown: number;
  unknownChecks: number;
  detail: unknown;
}

export interface CommitInput {
  collectionId: bigint;
  runId: bigint;
  accountId: string;
  status: "succeeded" | "partial";
  collectedAt: Date;
  manifest: SnapshotManifest;
  /** The credential report's generation time, kept beside the manifest. */
  reportGeneratedAt?: string;
  blobs: HashedBlob[];
  partErrors: CollectorError[];
  apiCalls: number;
  /** Computed inside the transaction from the open intervals it reads. */
  planFindings: (open: OpenFindingInterval[]) => FindingIntervalPlan;
  score: AccountScoreInput;
  /** More writes that must land atomically with the findings (the remediation checklist). */
  afterWrites?: (tx: DbTransaction) => Promise<void>;
}

/** A commit refused because a cancel was requested before it; nothing was stored. */
export class CollectionCancelledError extends Error {
  constructor() {
    super("Cancelled before its results were stored.");
    this.name = "CollectionCancelled";
  }
}

/**
 * Stores a snapshot, its findings and scores, and moves the account forward, in one
 * transaction: a worker killed half-way leaves the last good state untouched.
 * Every write after the blobs is one set-based statement (commitWritesSql): a thousand accounts
 * commit through one process, so the number of round trips and ORM calls per commit matters.
 */
export async function commitAccountCollection(input: CommitInput): Promise<{ storedBlobs: number; newFindings: number }> {
  // Hashed before the transaction opens, which keeps the account's row lock short.
  const manifestBlob = hashBlob(input.manifest);
  const detailBlob = hashBlob(input.score.detail);
  return db().$transaction(
    async (tx) => {
      // Serialises commits of one account (a re-evaluation racing a collection). NO KEY UPDATE so
      // new runs' account_collection inserts (whose foreign key takes KEY SHARE) do not wait on it.
      await tx.$executeRaw`SELECT 1 FROM linked_account WHERE id = ${input.accountId}::uuid FOR NO KEY UPDATE`;
      // A cancel asked for before this commit wins: the row lock orders it against requestCancel,
      // which flags only collections still running, so an account either committed before the
      // cancel (and did succeed) or stores nothing and ends cancelled.
      const collection = await tx.$queryRaw<Array<{ cancel_requested_at: Date | null }>>`SELECT cancel_requested_at FROM account_collection WHERE id = ${input.collectionId} FOR NO KEY UPDATE`;
      if (collection[0]?.cancel_requested_at) throw new CollectionCancelledError();
      const plan = input.planFindings(await getOpenFindingIntervals(input.accountId, tx));
      const storedBlobs = await putBlobs(tx, [...input.blobs, manifestBlob, detailBlob, ...plan.evidenceBlobs]);
      await putManifestParts(tx, manifestBlob.hash, manifestBlobHashes(input.manifest));
      await tx.$executeRaw(commitWritesSql(input, plan, manifestBlob.hash, detailBlob.hash));
      // Rewording a reason changes no count: most commits of an unchanged account skip this.
      if (plan.close.length > 0 || plan.insert.length > 0) await refreshOpenFindingCounts(tx, input.accountId);
      await input.afterWrites?.(tx);
      return { storedBlobs, newFindings: plan.insert.length };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

/**
 * Closes changed finding intervals, rewords unchanged ones, opens new ones, stores the score and
 * finishes the collection and the account, as one statement. The CTEs touch disjoint rows (the
 * plan never closes and rewords the same interval).
 */
function commitWritesSql(input: CommitInput, plan: FindingIntervalPlan, manifestHash: string, detailHash: string): Prisma.Sql {
  const column = <T>(pick: (entry: NewFindingInterval) => T) => plan.insert.map(pick);
  const account = Prisma.sql`${input.accountId}::uuid`;
  const { runId, collectedAt, score } = input;
  const finishedAt = new Date();
  const partErrors = input.partErrors.length > 0 ? JSON.stringify(input.partErrors) : null;
  const lastError = input.partErrors.length > 0 ? JSON.stringify(input.partErrors[0]) : null;
  const reportGeneratedAt = input.reportGeneratedAt ? new Date(input.reportGeneratedAt) : null;
  return Prisma.sql`
WITH closed AS (
  UPDATE finding SET closed_run_id = ${runId}, closed_at = ${collectedAt}
   WHERE id = ANY(${plan.close.map(String)}::bigint[]) AND account_id = ${account}
), reworded AS (
  UPDATE finding f SET reason = u.reason
    FROM unnest(${plan.reasonUpdates.map((update) => String(update.id))}::bigint[], ${plan.reasonUpdates.map((update) => update.reason)}::text[]) AS u(id, reason)
   WHERE f.id = u.id AND f.account_id = ${account}
), opened AS (
  INSERT INTO finding (account_id, check_id, exercise, resource_id, resource_type, resource_name, region,
                       status, severity, reason, evidence_hash, first_run_id, first_seen_at)
  SELECT ${account}, u.check_id, u.exercise, u.resource_id, u.resource_type, u.resource_name, u.region,
         u.status, u.severity, u.reason, u.evidence_hash, ${runId}, ${collectedAt}
    FROM unnest(${column(({ finding }) => finding.checkId)}::text[], ${column(({ finding }) => finding.exercise)}::smallint[],
                ${column(({ finding }) => finding.resourceId)}::text[], ${column(({ finding }) => finding.resourceType)}::text[],
                ${column(({ finding }) => finding.resourceName)}::text[], ${column(({ finding }) => finding.region ?? null)}::text[],
                ${column(({ finding }) => finding.status)}::text[], ${column(({ finding }) => finding.severity)}::text[],
                ${column(({ finding }) => finding.reason)}::text[], ${column(({ evidenceHash }) => hexToBytes(evidenceHash))}::bytea[])
      AS u(check_id, exercise, resource_id, resource_type, resource_name, region, status, severity, reason, evidence_hash)
), scored AS (
  INSERT INTO account_score (account_id, run_id, score, exercise_scores, passed, failed, unknown, unknown_checks, detail_hash, collected_at)
  VALUES (${account}, ${runId}, ${score.score}, ${score.exerciseScores}::smallint[], ${score.passed}, ${score.failed}, ${score.unknown},
          ${score.unknownChecks}, ${hexToBytes(detailHash)}, ${collectedAt})
  ON CONFLICT (account_id, run_id) DO NOTHING
), finished AS (
  UPDATE account_collection
     SET status = ${input.status}, finished_at = ${finishedAt}, collected_at = ${collectedAt}, manifest_hash = ${hexToBytes(manifestHash)},
         part_errors = COALESCE(${partErrors}::jsonb, part_errors), api_calls = ${input.apiCalls}, report_generated_at = ${reportGeneratedAt}
   WHERE id = ${input.collectionId}
)
UPDATE linked_account
   SET last_evaluated_run_id = ${runId}, last_collected_at = ${collectedAt}, last_status = ${input.status}, last_error = ${lastError}::jsonb, updated_at = ${finishedAt}
 WHERE id = ${account}`;
}

/** Ends an account's collection without a new snapshot; the last good one stays current. */
export async function failCollection(
  collectionId: bigint,
  status: "failed" | "timed_out" | "interrupted" | "cancelled",
  error: CollectorError | { code: string; message: string },
  apiCalls = 0,
): Promise<void> {
  const now = new Date();
  // A cancelled account keeps its last status ("succeeded" still describes its data); the error is recorded either way.
  await db().$executeRaw`WITH ended AS (
       UPDATE account_collection SET status = ${status}, finished_at = ${now}, error = ${JSON.stringify(error)}::jsonb, api_calls = ${apiCalls}
        WHERE id = ${collectionId} RETURNING account_id
     )
     UPDATE linked_account a
        SET last_status = CASE WHEN ${status} = 'cancelled' THEN a.last_status ELSE 'failed' END, last_error = ${JSON.stringify(error)}::jsonb, updated_at = ${now}
       FROM ended WHERE a.id = ended.account_id`;
}

/**
 * Collections whose worker stopped sending heartbeats (killed, out of memory, machine lost) are
 * marked interrupted; nothing they had committed is lost and the next run collects them again.
 */
export async function interruptStaleCollections(staleAfterMs: number): Promise<bigint[]> {
  const cutoff = new Date(Date.now() - staleAfterMs);
  const stale = await db().accountCollection.findMany({
    where: { status: "running", heartbeatAt: { lt: cutoff } },
    select: { id: true, runId: true },
  });
  for (const row of stale) {
    await failCollection(row.id, "interrupted", {
      code: "WorkerLost",
      message: "The worker collecting this account stopped responding (killed or crashed). The next collection will retry it.",
    });
  }
  return [...new Set(stale.map((row) => row.runId))];
}

