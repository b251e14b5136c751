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
import { db } from "./client";
import { containsPattern, SqlParams, toIso, whereClause } from "./sql-params";

// Other read models (lib/db/checklist-read.ts) rank severities from here.
export { SEVERITY_RANK_SQL } from "./sql-params";

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

const WORST_SQL = "(SELECT min(x) FROM unnest(s.exercise_scores) AS x)";

/** An assessed account without open failures counts 0; a never-assessed one has no counts (null), so it sorts last. */
function sortableFailureCount(severity: Severity): string {
  return `CASE WHEN a.last_evaluated_run_id IS NULL THEN NULL ELSE COALESCE(fc.${severity}, 0) END`;
}

/**
 * "Failures" sorts by the open failures' severities, most critical first when descending:
 * critical, then high, medium and low break ties.
 */
function gridSortExpressions(sort: GridQuery["sort"]): string[] {
  if (sort === "name") return ["lower(a.name)"];
  if (sort === "worst") return [WORST_SQL];
  if (sort === "score") return ["s.score"];
  if (sort === "failures") return SEVERITIES.map(sortableFailureCount);
  // e1..e10: validated by the parser, so the index is an integer 1..10.
  return [`s.exercise_scores[${Number(sort.slice(1))}]`];
}

/** Open failures by severity of the accounts `where` keeps (the open intervals are the current evaluation). */
function openFailuresBySeveritySql(where: string): string {
  return `SELECT f.account_id,
       count(*) FILTER (WHERE f.severity = 'critical')::int AS critical,
       count(*) FILTER (WHERE f.severity = 'high')::int AS high,
       count(*) FILTER (WHERE f.severity = 'medium')::int AS medium,
       count(*) FILTER (WHERE f.severity = 'low')::int AS low
  FROM finding f
 WHERE f.closed_run_id IS NULL AND f.status = 'fail' AND ${where}
 GROUP BY f.account_id`;
}

function gridFilters(query: GridQuery, params: SqlParams): string[] {
  const conditions = ["a.removed_at IS NULL"];
  if (query.q) {
    const pattern = params.add(containsPattern(query.q));
    conditions.push(`(a.name ILIKE ${pattern} OR a.aws_account_id LIKE ${pattern})`);
  }
  if (query.tag) {
    conditions.push(
      query.tag.value === undefined
        ? `a.tags ? ${params.add(query.tag.key)}`
        : `a.tags @> jsonb_build_object(${params.add(query.tag.key, "text")}, ${params.add(query.tag.value, "text")})`,
    );
  }
  if (query.ou) {
    // The OU itself and every OU below it: "Root/Workloads" covers "Root/Workloads/Prod".
    const path = params.add(query.ou, "text");
    conditions.push(`(a.ou_path = ${path} OR starts_with(a.ou_path, ${path} || '/'))`);
  }
  if (query.status === "not_assessed") conditions.push("a.last_evaluated_run_id IS NULL");
  else if (query.status !== "all") conditions.push(`a.last_status = ${params.add(query.status)}`);
  return conditions;
}

interface GridSqlRow {
  id: string;
  aws_account_id: string;
  name: string;
  tags: Record<string, string> | null;
  last_status: string;
  last_collected_at: Date | null;
  last_error: AccountError | null;
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
    tags: row.tags ?? {},
    lastStatus: row.last_status,
    lastCollectedAt: toIso(row.last_collected_at),
    lastError: row.last_error,
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
  const params = new SqlParams();
  const where = whereClause(gridFilters(query, params));
  const from = `FROM linked_account a
    LEFT JOIN account_score s ON s.account_id = a.id AND s.run_id = a.last_evaluated_run_id`;
  // Sorting by failures counts every account's open failures before paging; otherwise only this page's are counted.
  const sortFrom = query.sort === "failures" ? `${from} LEFT JOIN (${openFailuresBySeveritySql("TRUE")}) fc ON fc.account_id = a.id` : from;
  const countRows = await db().$queryRawUnsafe<Array<{ total: number }>>(
    `SELECT count(*)::int AS total ${from} ${where}`,
    ...params.values,
  );
  const total = countRows[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const direction = query.dir === "desc" ? "DESC" : "ASC";
  const order = [...gridSortExpressions(query.sort).map((expression) => `${expression} ${direction} NULLS LAST`), "lower(a.name) ASC", "a.aws_account_id ASC"].join(", ");
  const limit = params.add(query.pageSize, "int");
  const offset = params.add((page - 1) * query.pageSize, "int");
  // The detail blob (per-exercise unknown checks) and the failure counts are joined after paging:
  // only this page's rows pay for them.
  const rows = await db().$queryRawUnsafe<GridSqlRow[]>(
    `WITH page AS (
       SELECT a.id, a.aws_account_id, a.name, a.tags, a.last_status, a.last_collected_at, a.last_error,
              a.last_evaluated_run_id::text AS run_id, s.score::int AS score, s.exercise_scores::int[] AS exercise_scores,
              s.unknown_checks, s.detail_hash, ${WORST_SQL}::int AS worst_score,
              (a.last_evaluated_run_id IS NOT NULL) AS assessed,
              row_number() OVER (ORDER BY ${order}) AS ord
         ${sortFrom} ${where}
        ORDER BY ${order}
        LIMIT ${limit} OFFSET ${offset})
     SELECT page.*,
            (SELECT array_agg(COALESCE((e->>'unknownChecks')::int, 0) ORDER BY (e->>'exercise')::int)
               FROM jsonb_array_elements(b.content->'exercises') AS e) AS exercise_unknown_checks,
            ${SEVERITIES.map((severity) => `CASE WHEN page.assessed THEN COALESCE(pc.${severity}, 0) END AS ${severity}`).join(", ")}
       FROM page LEFT JOIN fact_blob b ON b.hash = page.detail_hash
       -- Per row of the page (the open-findings-by-account index), not one aggregate over every account.
       LEFT JOIN LATERAL (${openFailuresBySeveritySql("f.account_id = page.id")}) pc ON TRUE
      ORDER BY page.ord`,
    ...params.values,
  );
  return { rows: rows.map(toGridRow), total, page, pageSize: query.pageSize, pageCount };
}
