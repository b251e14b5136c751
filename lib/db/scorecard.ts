/**
 * The accounts × exercises grid of the organization scorecard, paged, filtered and sorted in
 * SQL so it stays fast at 1,000 accounts.
 *
 * "Now" for an account is its last evaluated run (linked_account.last_evaluated_run_id): a
 * failed collection keeps the last good evaluation current.
 */
import "server-only";
import { SEVERITIES, type Severity } from "@/lib/checks/types";
import type { FailureCounts } from "@/lib/scorecard/failure-counts";
import type { GridQuery } from "@/lib/scorecard/search-params";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";
import { openFailuresBySeveritySql } from "./open-finding-counts";
import { parseAccountError } from "./collection-errors";
import { containsPattern, parseTags, toIso, whereSql } from "./sql-params";

export interface AccountError {
  api?: string;
  code?: string;
  message?: string;
}

export interface GridRow {
  accountId: string;
  awsAccountId: string;
  name: string;
  tags: Record<string, string>;
  lastStatus: string;
  lastCollectedAt: string | null;
  lastError: AccountError | null;
  /** The run the scores come from; null when the account was never assessed. */
  runId: string | null;
  score: number | null;
  /** Exercise 1..10 in order; all null when not assessed. */
  exerciseScores: Array<number | null>;
  /** Checks per exercise that could not be evaluated (1..10). */
  exerciseUnknownChecks: number[];
  unknownChecks: number;
  worstScore: number | null;
  /** Open failing findings of the current evaluation by severity; all 0 when not assessed. */
  failures: FailureCounts;
}

export interface GridPage {
  rows: GridRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

const WORST_SQL = Prisma.sql`(SELECT min(x) FROM unnest(s.exercise_scores) AS x)`;

/** Each severity's failure-count column, written out so no name is spliced into SQL. */
const FAILURE_COLUMN: Record<Severity, Prisma.Sql> = {
  critical: Prisma.sql`fc.critical`,
  high: Prisma.sql`fc.high`,
  medium: Prisma.sql`fc.medium`,
  low: Prisma.sql`fc.low`,
};

/** An assessed account without open failures counts 0; a never-assessed one has no counts (null), so it sorts last. */
function sortableFailureCount(severity: Severity): Prisma.Sql {
  return Prisma.sql`CASE WHEN a.last_evaluated_run_id IS NULL THEN NULL ELSE COALESCE(${FAILURE_COLUMN[severity]}, 0) END`;
}

/**
 * "Failures" sorts by the open failures' severities, most critical first when descending:
 * critical, then high, medium and low break ties.
 */
function gridSortExpressions(sort: GridQuery["sort"]): Prisma.Sql[] {
  if (sort === "name") return [Prisma.sql`lower(a.name)`];
  if (sort === "worst") return [WORST_SQL];
  if (sort === "score") return [Prisma.sql`s.score`];
  if (sort === "failures") return SEVERITIES.map(sortableFailureCount);
  // e1..e10: validated by the parser; the index is a parameter all the same.
  return [Prisma.sql`s.exercise_scores[${Number(sort.slice(1))}::int]`];
}

function gridFilters(query: GridQuery): Prisma.Sql[] {
  const conditions = [Prisma.sql`a.removed_at IS NULL`];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(Prisma.sql`(a.name ILIKE ${pattern} OR a.aws_account_id LIKE ${pattern})`);
  }
  if (query.tag) {
    conditions.push(
      query.tag.value === undefined
        ? Prisma.sql`a.tags ? ${query.tag.key}`
        : Prisma.sql`a.tags @> jsonb_build_object(${query.tag.key}::text, ${query.tag.value}::text)`,
    );
  }
  if (query.ou) {
    // The OU itself and every OU below it: "Root/Workloads" covers "Root/Workloads/Prod".
    conditions.push(Prisma.sql`(a.ou_path = ${query.ou}::text OR starts_with(a.ou_path, ${query.ou}::text || '/'))`);
  }
  if (query.status === "not_assessed") conditions.push(Prisma.sql`a.last_evaluated_run_id IS NULL`);
  else if (query.status !== "all") conditions.push(Prisma.sql`a.last_status = ${query.status}`);
  return conditions;
}

interface GridSqlRow {
  id: string;
  aws_account_id: string;
  name: string;
  tags: unknown;
  last_status: string;
  last_collected_at: Date | null;
  last_error: unknown;
  run_id: string | null;
  score: number | null;
  exercise_scores: Array<number | null> | null;
  exercise_unknown_checks: number[] | null;
  unknown_checks: number | null;
  worst_score: number | null;
  critical: number | null;
  high: number | null;
  medium: number | null;
  low: number | null;
}

function emptyExercises<T>(value: T): T[] {
  return Array.from({ length: 10 }, () => value);
}

function toGridRow(row: GridSqlRow): GridRow {
  return {
    accountId: row.id,
    awsAccountId: row.aws_account_id,
    name: row.name,
    tags: parseTags(row.tags),
    lastStatus: row.last_status,
    lastCollectedAt: toIso(row.last_collected_at),
    lastError: parseAccountError(row.last_error),
    runId: row.run_id,
    score: row.score,
    exerciseScores: row.exercise_scores ?? emptyExercises(null),
    exerciseUnknownChecks: row.exercise_unknown_checks ?? emptyExercises(0),
    unknownChecks: row.unknown_checks ?? 0,
    worstScore: row.worst_score,
    failures: { critical: row.critical ?? 0, high: row.high ?? 0, medium: row.medium ?? 0, low: row.low ?? 0 },
  };
}

/** One page of the accounts × exercises grid. Accounts never assessed sort last either way. */
export async function listScorecardGrid(query: GridQuery): Promise<GridPage> {
  const where = whereSql(gridFilters(query));
  const from = Prisma.sql`FROM linked_account a
    LEFT JOIN account_score s ON s.account_id = a.id AND s.run_id = a.last_evaluated_run_id`;
  // Sorting by failures counts every account's open failures before paging (from the read model,
  // a few rows per account); otherwise only this page's are counted.
  const sortFrom =
    query.sort === "failures" ? Prisma.sql`${from} LEFT JOIN (${openFailuresBySeveritySql(Prisma.sql`TRUE`)}) fc ON fc.account_id = a.id` : from;
  const countRows = await db().$queryRaw<Array<{ total: number }>>(Prisma.sql`SELECT count(*)::int AS total ${from} ${where}`);
  const total = countRows[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const direction = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const order = Prisma.join(
    [...gridSortExpressions(query.sort).map((expression) => Prisma.sql`${expression} ${direction} NULLS LAST`), Prisma.sql`lower(a.name) ASC`, Prisma.sql`a.aws_account_id ASC`],
    ", ",
  );
  const offset = (page - 1) * query.pageSize;
  // The detail blob (per-exercise unknown checks) and the failure counts are joined after paging:
  // only this page's rows pay for them.
  const rows = await db().$queryRaw<GridSqlRow[]>(Prisma.sql`
    WITH page AS (
       SELECT a.id, a.aws_account_id, a.name, a.tags, a.last_status, a.last_collected_at, a.last_error,
              a.last_evaluated_run_id::text AS run_id, s.score::int AS score, s.exercise_scores::int[] AS exercise_scores,
              s.unknown_checks, s.detail_hash, ${WORST_SQL}::int AS worst_score,
              (a.last_evaluated_run_id IS NOT NULL) AS assessed,
              row_number() OVER (ORDER BY ${order}) AS ord
         ${sortFrom} ${where}
        ORDER BY ${order}
        LIMIT ${query.pageSize}::int OFFSET ${offset}::int)
     SELECT page.*,
            (SELECT array_agg(COALESCE((e->>'unknownChecks')::int, 0) ORDER BY (e->>'exercise')::int)
               FROM jsonb_array_elements(b.content->'exercises') AS e) AS exercise_unknown_checks,
            CASE WHEN page.assessed THEN COALESCE(pc.critical, 0) END AS critical,
            CASE WHEN page.assessed THEN COALESCE(pc.high, 0) END AS high,
            CASE WHEN page.assessed THEN COALESCE(pc.medium, 0) END AS medium,
            CASE WHEN page.assessed THEN COALESCE(pc.low, 0) END AS low
       FROM page LEFT JOIN fact_blob b ON b.hash = page.detail_hash
       LEFT JOIN LATERAL (${openFailuresBySeveritySql(Prisma.sql`c.account_id = page.id`)}) pc ON TRUE
      ORDER BY page.ord`);
  return { rows: rows.map(toGridRow), total, page, pageSize: query.pageSize, pageCount };
}
