/**
 * Reading collection runs: lists, one run with its accounts, and what is running now.
 */
import "server-only";
import { db } from "./client";
import { parseStoredError, parseStoredErrors } from "./collection-errors";

export interface RunSummary {
  id: bigint;
  kind: string;
  trigger: string;
  requestedBy: string | null;
  status: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  accountsTotal: number;
  accountsDone: number;
  accountsFailed: number;
  /** Accounts stopped by a cancel, counted apart from failed ones (which need attention). */
  accountsCancelled: number;
  apiCalls: number;
  /** Set when someone asked to cancel the whole run; its running accounts stop at their next heartbeat. */
  cancelRequestedAt: Date | null;
  /** Who asked: a person's email, or "cli". */
  cancelRequestedBy: string | null;
}

export interface RunAccountRow {
  collectionId: bigint;
  awsAccountId: string;
  accountName: string;
  status: string;
  startedAt: Date | null;
  finishedAt: Date | null;
  progressDone: number;
  progressTotal: number;
  apiCalls: number;
  error: { code?: string; message?: string; api?: string } | null;
  partErrors: Array<{ api: string; code: string; message: string; region?: string }>;
  /** The retention job removed this collection's snapshot detail (its API errors among it). */
  detailPruned: boolean;
  /** A cancel was asked for while it ran; it stops at its next heartbeat. */
  cancelRequested: boolean;
  /** When a cancel of this account (or its run) was asked for, and by whom ("cli", an email). */
  cancelRequestedAt: Date | null;
  cancelRequestedBy: string | null;
}

const DONE = ["succeeded", "partial", "failed", "interrupted", "cancelled", "timed_out"];

async function countsByRun(runIds: bigint[]) {
  const counts = await db().accountCollection.groupBy({
    by: ["runId", "status"],
    where: { runId: { in: runIds } },
    _count: { _all: true },
  });
  return (runId: bigint) => {
    const rows = counts.filter((row) => row.runId === runId);
    const sum = (statuses: string[]) =>
      rows.filter((row) => statuses.includes(row.status)).reduce((total, row) => total + row._count._all, 0);
    return { done: sum(DONE), failed: sum(["failed", "interrupted", "timed_out"]), cancelled: sum(["cancelled"]) };
  };
}

export async function listRuns(options: { limit?: number; beforeId?: bigint } = {}): Promise<RunSummary[]> {
  const runs = await db().collectionRun.findMany({
    where: options.beforeId ? { id: { lt: options.beforeId } } : {},
    orderBy: { id: "desc" },
    take: Math.min(options.limit ?? 25, 200),
  });
  const counts = await countsByRun(runs.map((run) => run.id));
  return runs.map((run) => {
    return { ...run, ...withCounts(counts(run.id)) };
  });
}

/** The columns behind a RunAccountRow (the run page's paged table reads them too). */
export const RUN_ACCOUNT_SELECT = {
  id: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  progressDone: true,
  progressTotal: true,
  apiCalls: true,
  error: true,
  partErrors: true,
  detailPrunedAt: true,
  cancelRequestedAt: true,
  cancelRequestedBy: true,
  account: { select: { awsAccountId: true, name: true } },
} as const;

type RunAccountRecord = Awaited<ReturnType<typeof selectRunAccounts>>[number];

function selectRunAccounts(runId: bigint) {
  return db().accountCollection.findMany({ where: { runId }, orderBy: { id: "asc" }, select: RUN_ACCOUNT_SELECT });
}

export function toRunAccountRow(row: RunAccountRecord): RunAccountRow {
  return {
    collectionId: row.id,
    awsAccountId: row.account.awsAccountId,
    accountName: row.account.name,
    status: row.status,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    progressDone: row.progressDone,
    progressTotal: row.progressTotal,
    apiCalls: row.apiCalls,
    error: parseStoredError(row.error),
    partErrors: parseStoredErrors(row.partErrors).map((error) => ({ ...error, api: error.api ?? "unknown" })),
    cancelRequested: row.cancelRequestedAt !== null,
    cancelRequestedAt: row.cancelRequestedAt,
    cancelRequestedBy: row.cancelRequestedBy,
    detailPruned: row.detailPrunedAt !== null,
  };
}

export async function getRun(runId: bigint): Promise<{ run: RunSummary; accounts: RunAccountRow[] } | undefined> {
  const run = await db().collectionRun.findUnique({ where: { id: runId } });
  if (!run) return undefined;
  const rows = await selectRunAccounts(runId);
  return { run: { ...run, ...withCounts((await countsByRun([runId]))(runId)) }, accounts: rows.map(toRunAccountRow) };
}

/** The newest run still queued or running, for the progress banner. */
export async function getActiveRun(): Promise<RunSummary | undefined> {
  const run = await db().collectionRun.findFirst({
    where: { status: { in: ["queued", "running"] } },
    orderBy: { id: "desc" },
  });
  if (!run) return undefined;
  return { ...run, ...withCounts((await countsByRun([run.id]))(run.id)) };
}

export interface RunListPage {
  runs: RunSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** Runs newest first, one page at a time (1-based page). */
export async function listRunsPage(options: { page: number; pageSize: number }): Promise<RunListPage> {
  const pageSize = Math.max(1, Math.min(options.pageSize, 200));
  const total = await db().collectionRun.count();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, options.page), pageCount);
  const runs = await db().collectionRun.findMany({
    orderBy: { id: "desc" },
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  const counts = await countsByRun(runs.map((run) => run.id));
  return {
    runs: runs.map((run) => ({ ...run, ...withCounts(counts(run.id)) })),
    total,
    page,
    pageSize,
    pageCount,
  };
}

function withCounts(counts: { done: number; failed: number; cancelled: number }) {
  return { accountsDone: counts.done, accountsFailed: counts.failed, accountsCancelled: counts.cancelled };
}

/** One run's summary without its account rows (see lib/db/run-page.ts for those, paged). */
export async function getRunSummary(runId: bigint): Promise<RunSummary | undefined> {
  const run = await db().collectionRun.findUnique({ where: { id: runId } });
  if (!run) return undefined;
  return { ...run, ...withCounts((await countsByRun([runId]))(runId)) };
}

/** The queued or running collection of each of these accounts, with its run. */
export async function activeRunsForAccounts(awsAccountIds: string[]): Promise<Array<{ awsAccountId: string; runId: bigint }>> {
  if (awsAccountIds.length === 0) return [];
  const rows = await db().accountCollection.findMany({
    where: { status: { in: ["queued", "running"] }, account: { awsAccountId: { in: awsAccountIds } } },
    select: { runId: true, account: { select: { awsAccountId: true } } },
  });
  return rows.map((row) => ({ awsAccountId: row.account.awsAccountId, runId: row.runId }));
}

/**
 * A run id that is not stored but older than one that is: removed by the retention job (run ids
 * only grow), as opposed to an id that never existed.
 */
export async function isRemovedRunId(runId: bigint): Promise<boolean> {
  const newer = await db().collectionRun.findFirst({ where: { id: { gt: runId } }, select: { id: true } });
  return newer !== null && (await db().collectionRun.count({ where: { id: runId } })) === 0;
}
