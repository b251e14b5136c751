/**
 * Collection runs and the per-account collections inside them: creation, claiming, progress,
 * the atomic commit of a snapshot with its findings and scores, and finishing a run.
 */
import "server-only";
import type { Finding } from "@/lib/checks/types";
import type { FindingIntervalPlan, OpenFindingInterval } from "@/lib/collect/finding-intervals";
import { hashBlob, type HashedBlob, type SnapshotManifest } from "@/lib/collect/manifest";
import type { CollectorError } from "@/lib/snapshot/schema";
import { bytesToHex, getBlobs, hexToBytes, putBlobs } from "./blobs";
import { db } from "./client";
import type { DbTransaction } from "./transaction";

export type RunTrigger = "schedule" | "manual" | "cli" | "startup";
export type RunKind = "collect" | "evaluate";
export const ACTIVE_COLLECTION_STATUSES = ["queued", "running"] as const;

export interface QueuedCollection {
  collectionId: bigint;
  accountId: string;
  awsAccountId: string;
}

export interface CreatedRun {
  runId: bigint | null;
  queued: QueuedCollection[];
  /** Accounts skipped because a collection of theirs is already queued or running. */
  alreadyActive: string[];
}

export async function createCollectionRun(options: {
  kind?: RunKind;
  trigger: RunTrigger;
  requestedBy?: string;
  awsAccountIds?: string[];
}): Promise<CreatedRun> {
  return db().$transaction(async (tx) => {
    const accounts = await tx.linkedAccount.findMany({
      where: {
        removedAt: null,
        ...(options.awsAccountIds ? { awsAccountId: { in: options.awsAccountIds } } : {}),
      },
      select: { id: true, awsAccountId: true },
      orderBy: { awsAccountId: "asc" },
    });
    const run = await tx.collectionRun.create({
      data: { kind: options.kind ?? "collect", trigger: options.trigger, requestedBy: options.requestedBy },
    });
    if (accounts.length === 0) {
      await tx.collectionRun.delete({ where: { id: run.id } });
      return { runId: null, queued: [], alreadyActive: [] };
    }
    // The partial unique index makes a second active collection of an account impossible, even
    // when two processes create runs at the same moment.
    const inserted = await tx.$queryRawUnsafe<Array<{ id: bigint; account_id: string }>>(
      `INSERT INTO account_collection (run_id, account_id, status)
       SELECT $1, unnest($2::uuid[]), 'queued'
       ON CONFLICT (account_id) WHERE status IN ('queued', 'running') DO NOTHING
       RETURNING id, account_id`,
      run.id,
      accounts.map((account) => account.id),
    );
    const byId = new Map(accounts.map((account) => [account.id, account.awsAccountId]));
    const queued = inserted.map((row) => ({
      collectionId: row.id,
      accountId: row.account_id,
      awsAccountId: byId.get(row.account_id)!,
    }));
    const queuedIds = new Set(queued.map((item) => item.accountId));
    const alreadyActive = accounts.filter((account) => !queuedIds.has(account.id)).map((a) => a.awsAccountId);
    if (queued.length === 0) {
      await tx.collectionRun.delete({ where: { id: run.id } });
      return { runId: null, queued: [], alreadyActive };
    }
    await tx.collectionRun.update({ where: { id: run.id }, data: { accountsTotal: queued.length } });
    return { runId: run.id, queued, alreadyActive };
  });
}

export interface ClaimedCollection {
  collectionId: bigint;
  runId: bigint;
  kind: RunKind;
  account: { id: string; awsAccountId: string; roleArn: string; externalId: string; lastEvaluatedRunId: bigint | null };
}

/** Moves a queued collection to running; null when it is no longer queued (cancelled, or taken). */
export async function claimCollection(collectionId: bigint): Promise<ClaimedCollection | null> {
  const now = new Date();
  const claimed = await db().accountCollection.updateMany({
    where: { id: collectionId, status: "queued" },
    data: { status: "running", startedAt: now, heartbeatAt: now },
  });
  if (claimed.count === 0) return null;
  const row = await db().accountCollection.findUniqueOrThrow({
    where: { id: collectionId },
    select: {
      runId: true,
      run: { select: { kind: true } },
      account: { select: { id: true, awsAccountId: true, roleArn: true, externalId: true, lastEvaluatedRunId: true } },
    },
  });
  await db().collectionRun.updateMany({
    where: { id: row.runId, status: "queued" },
    data: { status: "running", startedAt: now },
  });
  return { collectionId, runId: row.runId, kind: row.run.kind as RunKind, account: row.account };
}

/** Heartbeat with progress; answers whether a cancel was requested, so the worker can abort. */
export async function recordProgress(
  collectionId: bigint,
  done: number,
  total: number,
  apiCalls: number,
): Promise<{ cancelRequested: boolean }> {
  const rows = await db().$queryRawUnsafe<Array<{ cancel_requested_at: Date | null }>>(
    `UPDATE account_collection
        SET progress_done = $2, progress_total = $3, api_calls = $4, heartbeat_at = now()
      WHERE id = $1 AND status = 'running'
      RETURNING cancel_requested_at`,
    collectionId,
    done,
    total,
    apiCalls,
  );
  return { cancelRequested: rows[0]?.cancel_requested_at != null };
}

/**
 * Cancels a run, or one account within it. Queued collections stop at once; running ones are
 * flagged and their worker aborts within a heartbeat. Finished parts are kept.
 */
export async function requestCancel(options: {
  runId: bigint;
  awsAccountId?: string;
  requestedBy?: string;
}): Promise<{ cancelledQueued: number; flaggedRunning: number }> {
  const accountFilter = options.awsAccountId
    ? { account: { awsAccountId: options.awsAccountId } }
    : {};
  const message = `Cancelled${options.requestedBy ? ` by ${options.requestedBy}` : ""} before it started.`;
  const queued = await db().accountCollection.updateMany({
    where: { runId: options.runId, status: "queued", ...accountFilter },
    data: { status: "cancelled", finishedAt: new Date(), error: { code: "Cancelled", message } },
  });
  const running = await db().accountCollection.updateMany({
    where: { runId: options.runId, status: "running", cancelRequestedAt: null, ...accountFilter },
    data: { cancelRequestedAt: new Date() },
  });
  if (!options.awsAccountId) {
    await db().collectionRun.updateMany({
      where: { id: options.runId, cancelRequestedAt: null },
      data: { cancelRequestedAt: new Date() },
    });
  }
  return { cancelledQueued: queued.count, flaggedRunning: running.count };
}

export interface StoredManifest {
  manifest: SnapshotManifest;
  collectedAt: string;
  runId: bigint;
}

/** The account's newest stored snapshot manifest (the base for stale data and re-evaluation). */
export async function getLatestManifest(accountId: string, tx: DbTransaction = db()): Promise<StoredManifest | undefined> {
  const row = await tx.accountCollection.findFirst({
    where: { accountId, manifestHash: { not: null } },
    orderBy: { runId: "desc" },
    select: { manifestHash: true, collectedAt: true, runId: true },
  });
  if (!row?.manifestHash || !row.collectedAt) return undefined;
  const hash = bytesToHex(row.manifestHash);
  const manifest = (await getBlobs([hash], tx)).get(hash) as SnapshotManifest | undefined;
  if (!manifest) return undefined;
  return { manifest, collectedAt: row.collectedAt.toISOString(), runId: row.runId };
}

export async function getOpenFindingIntervals(accountId: string, tx: DbTransaction = db()): Promise<OpenFindingInterval[]> {
  const rows = await tx.finding.findMany({
    where: { accountId, closedRunId: null },
    select: { id: true, checkId: true, resourceId: true, status: true, severity: true, reason: true, evidenceHash: true },
  });
  return rows.map((row) => ({ ...row, evidenceHash: bytesToHex(row.evidenceHash) }));
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
  blobs: HashedBlob[];
  partErrors: CollectorError[];
  apiCalls: number;
  /** Computed inside the transaction from the open intervals it reads. */
  planFindings: (open: OpenFindingInterval[]) => FindingIntervalPlan;
  score: AccountScoreInput;
}

/**
 * Stores a snapshot, its findings and scores, and moves the account forward, in one
 * transaction: a worker killed half-way leaves the last good state untouched.
 */
export async function commitAccountCollection(input: CommitInput): Promise<{ storedBlobs: number; newFindings: number }> {
  return db().$transaction(
    async (tx) => {
      // Serialises commits of one account (a re-evaluation racing a collection).
      await tx.$queryRawUnsafe("SELECT 1 FROM linked_account WHERE id = $1::uuid FOR NO KEY UPDATE", input.accountId);
      const manifestBlob = hashBlob(input.manifest);
      const detailBlob = hashBlob(input.score.detail);
      const plan = input.planFindings(await getOpenFindingIntervals(input.accountId, tx));
      const storedBlobs = await putBlobs(tx, [...input.blobs, manifestBlob, detailBlob, ...plan.evidenceBlobs]);
      await insertFindingIntervals(tx, input, plan);
      await tx.$executeRawUnsafe(
        `INSERT INTO account_score (account_id, run_id, score, exercise_scores, passed, failed, unknown, unknown_checks, detail_hash, collected_at)
         VALUES ($1::uuid, $2, $3, $4::smallint[], $5, $6, $7, $8, $9, $10)
         ON CONFLICT (account_id, run_id) DO NOTHING`,
        input.accountId,
        input.runId,
        input.score.score,
        input.score.exerciseScores,
        input.score.passed,
        input.score.failed,
        input.score.unknown,
        input.score.unknownChecks,
        hexToBytes(detailBlob.hash),
        input.collectedAt,
      );
      await tx.accountCollection.update({
        where: { id: input.collectionId },
        data: {
          status: input.status,
          finishedAt: new Date(),
          collectedAt: input.collectedAt,
          manifestHash: hexToBytes(manifestBlob.hash),
          partErrors: input.partErrors.length > 0 ? (input.partErrors as object[]) : undefined,
          apiCalls: input.apiCalls,
        },
      });
      await tx.linkedAccount.update({
        where: { id: input.accountId },
        data: {
          lastEvaluatedRunId: input.runId,
          lastCollectedAt: input.collectedAt,
          lastStatus: input.status,
          lastError: input.partErrors.length > 0 ? (input.partErrors[0] as object) : undefined,
          ...(input.partErrors.length === 0 ? { lastError: null as never } : {}),
        },
      });
      return { storedBlobs, newFindings: plan.insert.length };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

async function insertFindingIntervals(tx: DbTransaction, input: CommitInput, plan: FindingIntervalPlan) {
  if (plan.close.length > 0) {
    await tx.finding.updateMany({
      where: { id: { in: plan.close } },
      data: { closedRunId: input.runId, closedAt: input.collectedAt },
    });
  }
  for (const update of plan.reasonUpdates) {
    await tx.finding.update({ where: { id: update.id }, data: { reason: update.reason } });
  }
  if (plan.insert.length > 0) {
    await tx.finding.createMany({
      data: plan.insert.map(({ finding, evidenceHash }: { finding: Finding; evidenceHash: string }) => ({
        accountId: input.accountId,
        checkId: finding.checkId,
        exercise: finding.exercise,
        resourceId: finding.resourceId,
        resourceType: finding.resourceType,
        resourceName: finding.resourceName,
        region: finding.region ?? null,
        status: finding.status,
        severity: finding.severity,
        reason: finding.reason,
        evidenceHash: hexToBytes(evidenceHash),
        firstRunId: input.runId,
        firstSeenAt: input.collectedAt,
      })),
    });
  }
}

/** Ends an account's collection without a new snapshot; the last good one stays current. */
export async function failCollection(
  collectionId: bigint,
  status: "failed" | "timed_out" | "interrupted" | "cancelled",
  error: CollectorError | { code: string; message: string },
  apiCalls = 0,
): Promise<void> {
  const row = await db().accountCollection.update({
    where: { id: collectionId },
    data: { status, finishedAt: new Date(), error: error as object, apiCalls },
    select: { accountId: true },
  });
  await db().linkedAccount.update({
    where: { id: row.accountId },
    data: { lastStatus: status === "cancelled" ? undefined : "failed", lastError: error as object },
  });
}

export interface LatestAccountScore {
  accountId: string;
  awsAccountId: string;
  name: string;
  score: number | null;
  exerciseScores: Array<number | null>;
}

export async function getLatestAccountScores(tx: DbTransaction = db()): Promise<LatestAccountScore[]> {
  const rows = await tx.$queryRawUnsafe<
    Array<{ account_id: string; aws_account_id: string; name: string; score: number | null; exercise_scores: Array<number | null> }>
  >(
    `SELECT a.id AS account_id, a.aws_account_id, a.name, s.score, s.exercise_scores
       FROM linked_account a
       JOIN account_score s ON s.account_id = a.id AND s.run_id = a.last_evaluated_run_id
      WHERE a.removed_at IS NULL`,
  );
  return rows.map((row) => ({
    accountId: row.account_id,
    awsAccountId: row.aws_account_id,
    name: row.name,
    score: row.score,
    exerciseScores: row.exercise_scores,
  }));
}

export interface OrgScoreInput {
  score: number | null;
  exerciseScores: Array<number | null>;
  accountsAssessed: number;
  worst: unknown;
}

/**
 * Closes a run once none of its accounts is queued or running, and stores the organization
 * score over every account's latest evaluation. Safe to call from every worker: the row lock
 * makes exactly one of them finish the run.
 */
export async function finishRunIfComplete(
  runId: bigint,
  scoreOrganization: (scores: LatestAccountScore[]) => OrgScoreInput,
): Promise<string | null> {
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRawUnsafe<Array<{ status: string }>>(
      "SELECT status FROM collection_run WHERE id = $1 FOR UPDATE",
      runId,
    );
    const current = locked[0]?.status;
    if (!current || !["queued", "running"].includes(current)) return null;
    const counts = await tx.accountCollection.groupBy({ by: ["status"], where: { runId }, _count: { _all: true } });
    const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
    if (count("queued") + count("running") > 0) return null;
    const total = counts.reduce((sum, c) => sum + c._count._all, 0);
    const collected = count("succeeded") + count("partial");
    const status =
      count("cancelled") > 0 && collected === 0
        ? "cancelled"
        : count("succeeded") === total
          ? "succeeded"
          : collected === 0
            ? count("interrupted") > 0
              ? "interrupted"
              : "failed"
            : "partial";
    const apiCalls = await tx.accountCollection.aggregate({ where: { runId }, _sum: { apiCalls: true } });
    await tx.collectionRun.update({
      where: { id: runId },
      data: { status, finishedAt: new Date(), apiCalls: apiCalls._sum.apiCalls ?? 0 },
    });
    const org = scoreOrganization(await getLatestAccountScores(tx));
    await tx.$executeRawUnsafe(
      `INSERT INTO org_score (run_id, score, exercise_scores, accounts_assessed, worst)
       VALUES ($1, $2, $3::smallint[], $4, $5::jsonb) ON CONFLICT (run_id) DO NOTHING`,
      runId,
      org.score,
      org.exerciseScores,
      org.accountsAssessed,
      JSON.stringify(org.worst),
    );
    return status;
  });
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

/** Runs whose accounts were queued but no worker exists to take them any more (all finished otherwise). */
export async function listUnfinishedRunIds(): Promise<bigint[]> {
  const rows = await db().collectionRun.findMany({
    where: { status: { in: ["queued", "running"] } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** When the newest run with one of these triggers was created (for the schedule). */
export async function latestRunStartedAt(triggers: RunTrigger[]): Promise<Date | undefined> {
  const row = await db().collectionRun.findFirst({
    where: { trigger: { in: triggers } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return row?.createdAt;
}
