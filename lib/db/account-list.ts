/**
 * The accounts table: filtering, sorting and paging in SQL, so the page costs the same with
 * five accounts or a thousand.
 */
import "server-only";
import { db } from "./client";
import { parseStoredError, type StoredCollectionError } from "./collection-errors";

export const ACCOUNT_LIST_SORTS = ["name", "id", "status", "collected", "score"] as const;
export type AccountListSort = (typeof ACCOUNT_LIST_SORTS)[number];

/** `collecting` is not a stored status: it means a collection of the account is queued or running. */
export const ACCOUNT_STATUS_FILTERS = ["failed", "partial", "succeeded", "never", "collecting"] as const;
export type AccountStatusFilter = (typeof ACCOUNT_STATUS_FILTERS)[number];

export interface AccountListQuery {
  /** Free text (name, account id, tag key or value), or `key=value` for one tag. */
  text?: string;
  status?: AccountStatusFilter;
  sort: AccountListSort;
  direction: "asc" | "desc";
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface AccountListRow {
  awsAccountId: string;
  name: string;
  roleArn: string;
  tags: Record<string, string>;
  lastStatus: string;
  lastCollectedAt: Date | null;
  lastError: StoredCollectionError | null;
  score: number | null;
  activeCollection: { runId: bigint; status: string } | null;
}

export interface AccountListPage {
  rows: AccountListRow[];
  /** Accounts matching the whole query (text and status). */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Accounts matching the text filter, per status filter, plus `all`. */
  statusCounts: Record<AccountStatusFilter | "all", number>;
}

const ACTIVE_COLLECTION = `EXISTS (SELECT 1 FROM account_collection c
  WHERE c.account_id = a.id AND c.status IN ('queued', 'running'))`;

const STATUS_CONDITIONS: Record<AccountStatusFilter, string> = {
  failed: "a.last_status = 'failed'",
  partial: "a.last_status = 'partial'",
  succeeded: "a.last_status = 'succeeded'",
  never: "a.last_status = 'never'",
  collecting: ACTIVE_COLLECTION,
};

// Worst first when ascending: the accounts that need attention lead the list.
const STATUS_RANK = `CASE a.last_status WHEN 'failed' THEN 0 WHEN 'partial' THEN 1 WHEN 'never' THEN 2 ELSE 3 END`;

function orderBy(sort: AccountListSort, direction: "asc" | "desc"): string {
  const dir = direction === "desc" ? "DESC" : "ASC";
  switch (sort) {
    case "name":
      return `lower(a.name) ${dir}, a.aws_account_id ASC`;
    case "id":
      return `a.aws_account_id ${dir}`;
    case "status":
      return `${STATUS_RANK} ${dir}, lower(a.name) ASC, a.aws_account_id ASC`;
    case "collected":
      return `a.last_collected_at ${dir} NULLS LAST, a.aws_account_id ASC`;
    case "score":
      return `s.score ${dir} NULLS LAST, lower(a.name) ASC, a.aws_account_id ASC`;
  }
}

export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The WHERE clause for the text filter, with its parameters numbered from `firstParam`. */
export function textFilter(text: string | undefined, firstParam: number): { sql: string; params: string[] } {
  const trimmed = text?.trim();
  if (!trimmed) return { sql: "TRUE", params: [] };
  const tag = /^([^=]+)=(.*)$/.exec(trimmed);
  if (tag) {
    const key = tag[1]!.trim();
    const value = tag[2]!.trim();
    return {
      sql: `lower(a.tags ->> $${firstParam}) = lower($${firstParam + 1})`,
      params: [key, value],
    };
  }
  const pattern = `%${escapeLikePattern(trimmed)}%`;
  const p = `$${firstParam}`;
  return {
    sql: `(a.name ILIKE ${p} OR a.aws_account_id LIKE ${p}
           OR EXISTS (SELECT 1 FROM jsonb_each_text(a.tags) t WHERE t.key ILIKE ${p} OR t.value ILIKE ${p}))`,
    params: [pattern],
  };
}

interface AccountListSqlRow {
  aws_account_id: string;
  name: string;
  role_arn: string;
  tags: unknown;
  last_status: string;
  last_collected_at: Date | null;
  last_error: unknown;
  score: number | null;
  active_run_id: bigint | null;
  active_status: string | null;
}

type CountsSqlRow = Record<AccountStatusFilter | "all", number>;

export async function listAccountsPage(query: AccountListQuery): Promise<AccountListPage> {
  const pageSize = Math.max(1, Math.min(query.pageSize, 200));
  const filter = textFilter(query.text, 1);
  const statusCondition = query.status ? STATUS_CONDITIONS[query.status] : "TRUE";

  const countColumns = ACCOUNT_STATUS_FILTERS.map(
    (status) => `count(*) FILTER (WHERE ${STATUS_CONDITIONS[status]})::int AS "${status}"`,
  ).join(", ");
  const [counts] = await db().$queryRawUnsafe<CountsSqlRow[]>(
    `SELECT count(*)::int AS "all", ${countColumns}
       FROM linked_account a
      WHERE a.removed_at IS NULL AND ${filter.sql}`,
    ...filter.params,
  );
  const statusCounts: CountsSqlRow = counts ?? { all: 0, failed: 0, partial: 0, succeeded: 0, never: 0, collecting: 0 };
  const total = query.status ? statusCounts[query.status] : statusCounts.all;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, query.page), pageCount);

  const limitParam = filter.params.length + 1;
  const rows = await db().$queryRawUnsafe<AccountListSqlRow[]>(
    `SELECT a.aws_account_id, a.name, a.role_arn, a.tags, a.last_status, a.last_collected_at, a.last_error,
            s.score, active.run_id AS active_run_id, active.status AS active_status
       FROM linked_account a
       LEFT JOIN account_score s ON s.account_id = a.id AND s.run_id = a.last_evaluated_run_id
       LEFT JOIN LATERAL (
         SELECT c.run_id, c.status FROM account_collection c
          WHERE c.account_id = a.id AND c.status IN ('queued', 'running')
          ORDER BY c.run_id DESC LIMIT 1
       ) active ON TRUE
      WHERE a.removed_at IS NULL AND ${filter.sql} AND ${statusCondition}
      ORDER BY ${orderBy(query.sort, query.direction)}
      LIMIT $${limitParam} OFFSET $${limitParam + 1}`,
    ...filter.params,
    pageSize,
    (page - 1) * pageSize,
  );

  return {
    rows: rows.map((row) => ({
      awsAccountId: row.aws_account_id,
      name: row.name,
      roleArn: row.role_arn,
      tags: (row.tags ?? {}) as Record<string, string>,
      lastStatus: row.last_status,
      lastCollectedAt: row.last_collected_at,
      lastError: parseStoredError(row.last_error),
      score: row.score,
      activeCollection:
        row.active_run_id !== null && row.active_status !== null
          ? { runId: BigInt(row.active_run_id), status: row.active_status }
          : null,
    })),
    total,
    page,
    pageSize,
    pageCount,
    statusCounts,
  };
}
