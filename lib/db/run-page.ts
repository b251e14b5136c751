/**
 * The accounts of one run, filtered by outcome and paged in SQL: a run over a thousand
 * accounts is watched live (refreshed every few seconds), so the page reads one page of rows.
 */
import "server-only";
import { db } from "./client";
import { RUN_ACCOUNT_SELECT, toRunAccountRow, type RunAccountRow } from "./runs";

export const RUN_ACCOUNT_FILTERS = ["active", "failed", "partial", "succeeded", "other"] as const;
export type RunAccountFilter = (typeof RUN_ACCOUNT_FILTERS)[number];

const FILTER_STATUSES: Record<RunAccountFilter, string[]> = {
  active: ["queued", "running"],
  failed: ["failed", "interrupted", "timed_out"],
  partial: ["partial"],
  succeeded: ["succeeded"],
  other: ["cancelled", "skipped"],
};

export interface RunAccountsPage {
  rows: RunAccountRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  counts: Record<RunAccountFilter | "all", number>;
}

export async function getRunAccountsPage(
  runId: bigint,
  query: { filter?: RunAccountFilter; page: number; pageSize: number },
): Promise<RunAccountsPage> {
  const pageSize = Math.max(1, Math.min(query.pageSize, 500));
  const grouped = await db().accountCollection.groupBy({
    by: ["status"],
    where: { runId },
    _count: { _all: true },
  });
  const countOf = (statuses: string[]) =>
    grouped.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row._count._all, 0);
  const counts = {
    all: grouped.reduce((sum, row) => sum + row._count._all, 0),
    ...(Object.fromEntries(
      Object.entries(FILTER_STATUSES).map(([filter, statuses]) => [filter, countOf(statuses)]),
    ) as Record<RunAccountFilter, number>),
  };
  const total = query.filter ? counts[query.filter] : counts.all;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const rows = await db().accountCollection.findMany({
    where: { runId, ...(query.filter ? { status: { in: FILTER_STATUSES[query.filter] } } : {}) },
    // Stable while the run progresses, so rows do not jump between refreshes.
    orderBy: [{ account: { name: "asc" } }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: RUN_ACCOUNT_SELECT,
  });
  return {
    rows: rows.map(toRunAccountRow),
    total,
    page,
    pageSize,
    pageCount,
    counts,
  };
}
