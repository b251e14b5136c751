/**
 * The accounts table: filtering, sorting and paging in SQL, so the page costs the same with
 * five accounts or a thousand.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";
import { parseStoredError, type StoredCollectionError } from "./collection-errors";
import { parseTags } from "./sql-params";

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

const ACTIVE_COLLECTION = Prisma.sql`EXISTS (SELECT 1 FROM account_collection c
  WHERE c.account_id = a.id AND c.status IN ('queued', 'running'))`;

const STATUS_CONDITIONS: Record<AccountStatusFilter, Prisma.Sql> = {
  failed: Prisma.sql`a.last_status = 'failed'`,
  partial: Prisma.sql`a.last_status = 'partial'`,
  succeeded: Prisma.sql`a.last_status = 'succeeded'`,
  never: Prisma.sql`a.last_status = 'never'`,
  collecting: ACTIVE_COLLECTION,
};

/* The count columns are written out: their names are not spliced into SQL. */
const STATUS_COUNT_COLUMNS = Prisma.sql`count(*) FILTER (WHERE ${STATUS_CONDITIONS.failed})::int AS "failed",
  count(*) FILTER (WHERE ${STATUS_CONDITIONS.partial})::int AS "partial",
  count(*) FILTER (WHERE ${STATUS_CONDITIONS.succeeded})::int AS "succeeded",
  count(*) FILTER (WHERE ${STATUS_CONDITIONS.never})::int AS "never",
  count(*) FILTER (WHERE ${STATUS_CONDITIONS.collecting})::int AS "collecting"`;

// Worst first when ascending: the accounts that need attention lead the list.
const STATUS_RANK = Prisma.sql`CASE a.last_status WHEN 'failed' THEN 0 WHEN 'partial' THEN 1 WHEN 'never' THEN 2 ELSE 3 END`;

function orderBy(sort: AccountListSort, direction: "asc" | "desc"): Prisma.Sql {
  const dir = direction === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  switch (sort) {
    case "name":
      return Prisma.sql`lower(a.name) ${dir}, a.aws_account_id ASC`;
    case "id":
      return Prisma.sql`a.aws_account_id ${dir}`;
    case "status":
      return Prisma.sql`${STATUS_RANK} ${dir}, lower(a.name) ASC, a.aws_account_id ASC`;
    case "collected":
      return Prisma.sql`a.last_collected_at ${dir} NULLS LAST, a.aws_account_id ASC`;
    case "score":
      return Prisma.sql`s.score ${dir} NULLS LAST, lower(a.name) ASC, a.aws_account_id ASC`;
  }
}

export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The condition of the text filter: a tag (`key=value`) or text anywhere in name, id or tags. */
function textFilter(text: string | undefined): Prisma.Sql {
  const trimmed = text?.trim();
  if (!trimmed) return Prisma.sql`TRUE`;
  const tag = /^([^=]+)=(.*)$/.exec(trimmed);
  if (tag) {
    const key = tag[1]!.trim();
    const value = tag[2]!.trim();
    return Prisma.sql`lower(a.tags ->> ${key}) = lower(${value})`;
  }
  const pattern = `%${escapeLikePattern(trimmed)}%`;
  return Prisma.sql`(a.name ILIKE ${pattern} OR a.aws_account_id LIKE ${pattern}
           OR EXISTS (SELECT 1 FROM jsonb_each_text(a.tags) t WHERE t.key ILIKE ${pattern} OR t.value ILIKE ${pattern}))`;
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
  const filter = textFilter(query.text);
  const statusCondition = query.status ? STATUS_CONDITIONS[query.status] : Prisma.sql`TRUE`;

  const [counts] = await db().$queryRaw<CountsSqlRow[]>`SELECT count(*)::int AS "all", ${STATUS_COUNT_COLUMNS}
       FROM linked_account a
      WHERE a.removed_at IS NULL AND ${filter}`;
  const statusCounts: CountsSqlRow = counts ?? { all: 0, failed: 0, partial: 0, succeeded: 0, never: 0, collecting: 0 };
  const total = query.status ? statusCounts[query.status] : statusCounts.all;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, query.page), pageCount);

  const rows = await db().$queryRaw<AccountListSqlRow[]>`SELECT a.aws_account_id, a.name, a.role_arn, a.tags, a.last_status, a.last_collected_at, a.last_error,
            s.score, active.run_id AS active_run_id, active.status AS active_status
       FROM linked_account a
       LEFT JOIN account_score s ON s.account_id = a.id AND s.run_id = a.last_evaluated_run_id
       LEFT JOIN LATERAL (
         SELECT c.run_id, c.status FROM account_collection c
          WHERE c.account_id = a.id AND c.status IN ('queued', 'running')
          ORDER BY c.run_id DESC LIMIT 1
       ) active ON TRUE
      WHERE a.removed_at IS NULL AND ${filter} AND ${statusCondition}
      ORDER BY ${orderBy(query.sort, query.direction)}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;

  return {
    rows: rows.map((row) => ({
      awsAccountId: row.aws_account_id,
      name: row.name,
      roleArn: row.role_arn,
      tags: parseTags(row.tags),
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
