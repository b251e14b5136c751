/**
 * Collection runs as a whole: creating one with its account collections, cancelling, finishing
 * it with the organization score, and the schedule's questions about past runs. The per-account
 * side (claim, progress, commit) is in collections.ts, which re-exports all of this.
 */
import "server-only";
import { db } from "./client";
import type { RunKind, RunTrigger } from "./collections";
import type { DbTransaction } from "./transaction";

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

export const INACTIVE_ORGANIZATION_STATES = ["SUSPENDED", "PENDING_CLOSURE", "CLOSED", "LEFT"] as const;

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
        // Suspended or closed member accounts cannot be assumed into; collecting them only fails.
        OR: [{ organizationState: null }, { organizationState: { notIn: [...INACTIVE_ORGANIZATION_STATES] } }],
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
    const inserted = await tx.$queryRaw<Array<{ id: bigint; account_id: string }>>`INSERT INTO account_collection (run_id, account_id, status)
       SELECT ${run.id}, unnest(${accounts.map((account) => account.id)}::uuid[]), 'queued'
       ON CONFLICT (account_id) WHERE status IN ('queued', 'running') DO NOTHING
       RETURNING id, account_id`;
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

/**
 * Cancels a run, or one account within it. Queued collections stop at once; running ones are
 * flagged and their worker aborts within a heartbeat, or stores nothing if it reaches its commit
 * first (commitAccountCollection). Finished parts are kept. One transaction, the run's flag
 * written first, so whoever finishes the run sees the cancel and its accounts together.
 */
export async function requestCancel(options: {
  runId: bigint;
  awsAccountId?: string;
  requestedBy?: string;
}): Promise<{ cancelledQueued: number; flaggedRunning: number }> {
  const accountFilter = options.awsAccountId ? { account: { awsAccountId: options.awsAccountId } } : {};
  const requested = { cancelRequestedAt: new Date(), cancelRequestedBy: options.requestedBy ?? null };
  return db().$transaction(async (tx) => {
    if (!options.awsAccountId) {
      await tx.collectionRun.updateMany({
        where: { id: options.runId, cancelRequestedAt: null, status: { in: ["queued", "running"] } },
        data: requested,
      });
    }
    const queued = await tx.accountCollection.updateMany({
      where: { runId: options.runId, status: "queued", ...accountFilter },
      data: { status: "cancelled", finishedAt: requested.cancelRequestedAt, error: { code: "Cancelled", message: "Cancelled before it started." }, ...requested },
    });
    const running = await tx.accountCollection.updateMany({
      where: { runId: options.runId, status: "running", cancelRequestedAt: null, ...accountFilter },
      data: requested,
    });
    return { cancelledQueued: queued.count, flaggedRunning: running.count };
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
  const rows = await tx.$queryRaw<
    Array<{ account_id: string; aws_account_id: string; name: string; score: number | null; exercise_scores: Array<number | null> }>
  >`SELECT a.id AS account_id, a.aws_account_id, a.name, s.score, s.exercise_scores
       FROM linked_account a
       JOIN account_score s ON s.account_id = a.id AND s.run_id = a.last_evaluated_run_id
      WHERE a.removed_at IS NULL`;
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
  // Every account's job ends here, so the common answer ("not yet") must not lock the run row.
  const quick = await db().$queryRaw<Array<{ nothing_to_finish: boolean }>>`SELECT EXISTS (SELECT 1 FROM account_collection WHERE run_id = ${runId} AND status IN ('queued', 'running'))
         OR NOT EXISTS (SELECT 1 FROM collection_run WHERE id = ${runId} AND status IN ('queued', 'running')) AS nothing_to_finish`;
  if (quick[0]?.nothing_to_finish) return null;
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ status: string; cancel_requested_at: Date | null }>>`SELECT status, cancel_requested_at FROM collection_run WHERE id = ${runId} FOR UPDATE`;
    const current = locked[0]?.status;
    const runCancelRequested = locked[0]?.cancel_requested_at != null;
    if (!current || !["queued", "running"].includes(current)) return null;
    const counts = await tx.accountCollection.groupBy({ by: ["status"], where: { runId }, _count: { _all: true } });
    const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
    if (count("queued") + count("running") > 0) return null;
    const total = counts.reduce((sum, c) => sum + c._count._all, 0);
    const collected = count("succeeded") + count("partial");
    // A run someone cancelled ends "cancelled" once its cancel stopped at least one account, however
    // many had finished before: "partial" would hide that it was stopped on purpose.
    const status =
      count("cancelled") > 0 && (collected === 0 || runCancelRequested)
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
    await tx.$executeRaw`INSERT INTO org_score (run_id, score, exercise_scores, accounts_assessed, worst)
       VALUES (${runId}, ${org.score}, ${org.exerciseScores}::smallint[], ${org.accountsAssessed}, ${JSON.stringify(org.worst)}::jsonb) ON CONFLICT (run_id) DO NOTHING`;
    return status;
  });
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
