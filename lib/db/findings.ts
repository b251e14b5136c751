/**
 * Findings as the drill-down and resource pages read them. A finding row is an interval of runs
 * (prisma/schema.prisma, model Finding): the current state is the open intervals, and the state
 * as of run R is `first_run_id <= R AND (closed_run_id IS NULL OR closed_run_id > R)`.
 * Every list is filtered, sorted and paged in SQL; evidence is fetched for one page only.
 */
import "server-only";
import type { ExerciseNumber, FindingStatus, JsonValue, Severity } from "@/lib/checks/types";
import type { FindingIdentity } from "@/lib/scorecard/finding-identity";
import type { FindingsQuery } from "@/lib/scorecard/search-params";
import { getBlobs } from "./blobs";
import { db } from "./client";
import { cursorBatches } from "./cursor";
import { toFindingIdentity, type FindingIdentitySqlRow } from "./finding-row";
import { containsPattern, SEVERITY_RANK_SQL, SqlParams, toIso, whereClause } from "./sql-params";

export interface FindingRow extends FindingIdentity {
  status: FindingStatus;
  firstRunId: string;
  closedRunId: string | null;
  firstSeenAt: string;
  closedAt: string | null;
}

export interface FindingsPage {
  rows: FindingRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

interface FindingSqlRow extends FindingIdentitySqlRow {
  status: string;
  first_run_id: string;
  closed_run_id: string | null;
  first_seen_at: Date;
  closed_at: Date | null;
}

const FINDING_COLUMNS = `f.id::text AS id, a.aws_account_id, a.name AS account_name, f.check_id, f.exercise::int AS exercise,
  f.resource_id, f.resource_type, f.resource_name, f.region, f.status, f.severity, f.reason, f.evidence_hash,
  f.first_run_id::text AS first_run_id, f.closed_run_id::text AS closed_run_id, f.first_seen_at, f.closed_at`;

function toFindingRow(row: FindingSqlRow): FindingRow {
  return {
    ...toFindingIdentity(row),
    status: row.status as FindingStatus,
    firstRunId: row.first_run_id,
    closedRunId: row.closed_run_id,
    firstSeenAt: toIso(row.first_seen_at)!,
    closedAt: toIso(row.closed_at),
  };
}

/** The SQL condition "interval f describes the state as of run R" (or now, without R). */
export function asOfCondition(params: SqlParams, runId: bigint | undefined, alias = "f"): string {
  if (runId === undefined) return `${alias}.closed_run_id IS NULL`;
  const run = params.add(runId.toString(), "bigint");
  return `${alias}.first_run_id <= ${run} AND (${alias}.closed_run_id IS NULL OR ${alias}.closed_run_id > ${run})`;
}

function findingFilters(query: FindingsQuery, params: SqlParams): string[] {
  const conditions = ["a.removed_at IS NULL", asOfCondition(params, query.asOfRunId)];
  if (query.account) conditions.push(`a.aws_account_id = ${params.add(query.account)}`);
  if (query.exercise) conditions.push(`f.exercise = ${params.add(query.exercise, "smallint")}`);
  if (query.check) conditions.push(`f.check_id = ${params.add(query.check)}`);
  if (query.statuses.length > 0) conditions.push(`f.status = ANY(${params.add(query.statuses, "text[]")})`);
  if (query.severity) conditions.push(`f.severity = ${params.add(query.severity)}`);
  if (query.resourceType) conditions.push(`f.resource_type = ${params.add(query.resourceType)}`);
  if (query.resourceId) conditions.push(`f.resource_id = ${params.add(query.resourceId)}`);
  if (query.q) {
    const pattern = params.add(containsPattern(query.q));
    conditions.push(`(f.resource_name ILIKE ${pattern} OR f.resource_id ILIKE ${pattern} OR a.name ILIKE ${pattern})`);
  }
  return conditions;
}

function findingOrder(query: FindingsQuery): string {
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  const severity = SEVERITY_RANK_SQL("f.severity");
  const tail = "f.check_id, lower(f.resource_name), f.id";
  switch (query.sort) {
    case "check":
      return `f.check_id ${dir}, ${severity}, lower(f.resource_name), f.id`;
    case "resource":
      return `lower(f.resource_name) ${dir}, ${tail}`;
    case "account":
      return `lower(a.name) ${dir}, a.aws_account_id ${dir}, ${severity}, ${tail}`;
    case "first_seen":
      return `f.first_seen_at ${dir}, ${tail}`;
    default:
      return `${severity} ${dir}, lower(a.name), ${tail}`;
  }
}

export async function listFindings(query: FindingsQuery): Promise<FindingsPage> {
  const params = new SqlParams();
  const where = whereClause(findingFilters(query, params));
  const from = "FROM finding f JOIN linked_account a ON a.id = f.account_id";
  const count = await db().$queryRawUnsafe<Array<{ total: number }>>(`SELECT count(*)::int AS total ${from} ${where}`, ...params.values);
  const total = count[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const limit = params.add(query.pageSize, "int");
  const offset = params.add((page - 1) * query.pageSize, "int");
  const rows = await db().$queryRawUnsafe<FindingSqlRow[]>(
    `SELECT ${FINDING_COLUMNS} ${from} ${where} ORDER BY ${findingOrder(query)} LIMIT ${limit} OFFSET ${offset}`,
    ...params.values,
  );
  return { rows: rows.map(toFindingRow), total, page, pageSize: query.pageSize, pageCount };
}

/**
 * Every finding the query matches (its page and page size ignored), in the query's order, in
 * batches of `batchSize`: exports stream a whole view without holding it in memory. One query
 * through a cursor (./cursor.ts): PostgreSQL sorts the view once and the rows come from one
 * snapshot, so none is skipped or repeated while a collection writes. (Sorting the ids once and
 * reading them back by batch held every id, and the query's result for them, in memory.)
 */
export async function* iterateFindings(query: FindingsQuery, batchSize = 500): AsyncGenerator<FindingRow[]> {
  const params = new SqlParams();
  const where = whereClause(findingFilters(query, params));
  const sql = `SELECT ${FINDING_COLUMNS} FROM finding f JOIN linked_account a ON a.id = f.account_id ${where} ORDER BY ${findingOrder(query)}`;
  for await (const rows of cursorBatches<FindingSqlRow>(sql, params.values, batchSize)) yield rows.map(toFindingRow);
}

/** Failing findings per severity among those the query's filters select (its status filter ignored). */
export async function countFailingBySeverity(query: FindingsQuery): Promise<Record<Severity, number>> {
  const params = new SqlParams();
  const where = whereClause(findingFilters({ ...query, statuses: ["fail"], severity: undefined }, params));
  const rows = await db().$queryRawUnsafe<Array<{ severity: Severity; count: number }>>(
    `SELECT f.severity, count(*)::int AS count FROM finding f JOIN linked_account a ON a.id = f.account_id ${where} GROUP BY f.severity`,
    ...params.values,
  );
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const row of rows) if (row.severity in counts) counts[row.severity] = row.count;
  return counts;
}

/** Evidence documents by hash, for the findings on one page. */
export async function getEvidence(rows: Array<Pick<FindingRow, "evidenceHash">>): Promise<Map<string, JsonValue>> {
  return (await getBlobs(rows.map((row) => row.evidenceHash))) as Map<string, JsonValue>;
}

export interface CheckStatusCounts {
  checkId: string;
  pass: number;
  fail: number;
  unknown: number;
  notApplicable: number;
  /** Accounts with at least one failing resource for this check. */
  accountsFailing: number;
}

/** Status counts per check of one exercise, over every account (or one), in the current state. */
export async function summarizeExerciseChecks(exercise: ExerciseNumber, awsAccountId?: string): Promise<CheckStatusCounts[]> {
  const params = new SqlParams();
  const conditions = ["a.removed_at IS NULL", "f.closed_run_id IS NULL", `f.exercise = ${params.add(exercise, "smallint")}`];
  if (awsAccountId) conditions.push(`a.aws_account_id = ${params.add(awsAccountId)}`);
  const rows = await db().$queryRawUnsafe<
    Array<{ check_id: string; pass: number; fail: number; unknown: number; not_applicable: number; accounts_failing: number }>
  >(
    `SELECT f.check_id,
            count(*) FILTER (WHERE f.status = 'pass')::int AS pass,
            count(*) FILTER (WHERE f.status = 'fail')::int AS fail,
            count(*) FILTER (WHERE f.status = 'unknown')::int AS unknown,
            count(*) FILTER (WHERE f.status = 'not_applicable')::int AS not_applicable,
            count(DISTINCT f.account_id) FILTER (WHERE f.status = 'fail')::int AS accounts_failing
       FROM finding f JOIN linked_account a ON a.id = f.account_id
      ${whereClause(conditions)}
      GROUP BY f.check_id ORDER BY f.check_id`,
    ...params.values,
  );
  return rows.map((row) => ({
    checkId: row.check_id,
    pass: row.pass,
    fail: row.fail,
    unknown: row.unknown,
    notApplicable: row.not_applicable,
    accountsFailing: row.accounts_failing,
  }));
}

export interface ResourceHistory {
  /** Current intervals first, then history, newest first; the resource and its parts (`…#access_key_1`). */
  intervals: FindingRow[];
  truncated: boolean;
}

const RESOURCE_HISTORY_LIMIT = 500;

/** Everything iamfit has concluded about one resource of one account, across checks and runs. */
export async function getResourceHistory(awsAccountId: string, resourceId: string): Promise<ResourceHistory> {
  const rows = await db().$queryRawUnsafe<FindingSqlRow[]>(
    `SELECT ${FINDING_COLUMNS}
       FROM finding f JOIN linked_account a ON a.id = f.account_id
      WHERE a.aws_account_id = $1 AND a.removed_at IS NULL
        AND (f.resource_id = $2 OR f.resource_id LIKE $3)
      ORDER BY (f.closed_run_id IS NULL) DESC, f.first_run_id DESC, f.check_id, f.resource_id
      LIMIT $4::int`,
    awsAccountId,
    resourceId,
    `${resourceId.replace(/[\\%_]/g, (char) => `\\${char}`)}#%`,
    RESOURCE_HISTORY_LIMIT + 1,
  );
  return { intervals: rows.slice(0, RESOURCE_HISTORY_LIMIT).map(toFindingRow), truncated: rows.length > RESOURCE_HISTORY_LIMIT };
}
