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
import { Prisma } from "@/lib/generated/prisma/client";
import { bytesToHex, getBlobs } from "./blobs";
import { db } from "./client";
import { cursorBatches } from "./cursor";
import { toFindingIdentity, type FindingIdentitySqlRow } from "./finding-row";
import { containsPattern, severityRankSql, toIso, whereSql } from "./sql-params";

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

const FINDING_COLUMNS = Prisma.sql`f.id::text AS id, a.aws_account_id, a.name AS account_name, f.check_id, f.exercise::int AS exercise,
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
function asOfCondition(runId: bigint | undefined): Prisma.Sql {
  if (runId === undefined) return Prisma.sql`f.closed_run_id IS NULL`;
  const run = runId.toString();
  return Prisma.sql`f.first_run_id <= ${run}::bigint AND (f.closed_run_id IS NULL OR f.closed_run_id > ${run}::bigint)`;
}

function findingFilters(query: FindingsQuery): Prisma.Sql[] {
  const conditions = [Prisma.sql`a.removed_at IS NULL`, asOfCondition(query.asOfRunId)];
  if (query.account) conditions.push(Prisma.sql`a.aws_account_id = ${query.account}`);
  if (query.exercise) conditions.push(Prisma.sql`f.exercise = ${query.exercise}::smallint`);
  if (query.check) conditions.push(Prisma.sql`f.check_id = ${query.check}`);
  if (query.statuses.length > 0) conditions.push(Prisma.sql`f.status = ANY(${query.statuses}::text[])`);
  if (query.severity) conditions.push(Prisma.sql`f.severity = ${query.severity}`);
  if (query.resourceType) conditions.push(Prisma.sql`f.resource_type = ${query.resourceType}`);
  if (query.resourceId) conditions.push(Prisma.sql`f.resource_id = ${query.resourceId}`);
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(Prisma.sql`(f.resource_name ILIKE ${pattern} OR f.resource_id ILIKE ${pattern} OR a.name ILIKE ${pattern})`);
  }
  return conditions;
}

function findingOrder(query: FindingsQuery): Prisma.Sql {
  const dir = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const severity = severityRankSql(Prisma.sql`f.severity`);
  const tail = Prisma.sql`f.check_id, lower(f.resource_name), f.id`;
  switch (query.sort) {
    case "check":
      return Prisma.sql`f.check_id ${dir}, ${severity}, lower(f.resource_name), f.id`;
    case "resource":
      return Prisma.sql`lower(f.resource_name) ${dir}, ${tail}`;
    case "account":
      return Prisma.sql`lower(a.name) ${dir}, a.aws_account_id ${dir}, ${severity}, ${tail}`;
    case "first_seen":
      return Prisma.sql`f.first_seen_at ${dir}, ${tail}`;
    default:
      return Prisma.sql`${severity} ${dir}, lower(a.name), ${tail}`;
  }
}

/**
 * How many findings the query matches. The current state filtered only by account, exercise,
 * check, status and severity is counted from the read model of open findings (a few rows per
 * account) rather than by visiting every matching finding; anything else is counted from `finding`.
 */
async function countFindings(query: FindingsQuery, from: Prisma.Sql, where: Prisma.Sql): Promise<number> {
  const countable = query.asOfRunId === undefined && !query.resourceType && !query.resourceId && !query.q;
  const rows = countable
    ? await db().$queryRaw<Array<{ total: number }>>`
        SELECT COALESCE(sum(c.findings), 0)::int AS total
          FROM open_finding_count c JOIN linked_account a ON a.id = c.account_id
         WHERE ${Prisma.join(
           [
             Prisma.sql`a.removed_at IS NULL`,
             ...(query.account ? [Prisma.sql`a.aws_account_id = ${query.account}`] : []),
             ...(query.exercise ? [Prisma.sql`c.exercise = ${query.exercise}::smallint`] : []),
             ...(query.check ? [Prisma.sql`c.check_id = ${query.check}`] : []),
             ...(query.statuses.length > 0 ? [Prisma.sql`c.status = ANY(${query.statuses}::text[])`] : []),
             ...(query.severity ? [Prisma.sql`c.severity = ${query.severity}`] : []),
           ],
           " AND ",
         )}`
    : await db().$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total ${from} ${where}`;
  return rows[0]?.total ?? 0;
}

export async function listFindings(query: FindingsQuery): Promise<FindingsPage> {
  const where = whereSql(findingFilters(query));
  const from = Prisma.sql`FROM finding f JOIN linked_account a ON a.id = f.account_id`;
  const total = await countFindings(query, from, where);
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await db().$queryRaw<FindingSqlRow[]>`SELECT ${FINDING_COLUMNS} ${from} ${where} ORDER BY ${findingOrder(query)}
     LIMIT ${query.pageSize}::int OFFSET ${(page - 1) * query.pageSize}::int`;
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
  const where = whereSql(findingFilters(query));
  const sql = Prisma.sql`SELECT ${FINDING_COLUMNS} FROM finding f JOIN linked_account a ON a.id = f.account_id ${where} ORDER BY ${findingOrder(query)}`;
  for await (const rows of cursorBatches<FindingSqlRow>(sql, batchSize)) yield rows.map(toFindingRow);
}

/** Failing findings per severity among those the query's filters select (its status filter ignored). */
export async function countFailingBySeverity(query: FindingsQuery): Promise<Record<Severity, number>> {
  const where = whereSql(findingFilters({ ...query, statuses: ["fail"], severity: undefined }));
  const rows = await db().$queryRaw<Array<{ severity: Severity; count: number }>>`SELECT f.severity, count(*)::int AS count FROM finding f JOIN linked_account a ON a.id = f.account_id ${where} GROUP BY f.severity`;
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const row of rows) if (row.severity in counts) counts[row.severity] = row.count;
  return counts;
}

/** Evidence documents by hash, for the findings on one page. */
export async function getEvidence(rows: Array<Pick<FindingRow, "evidenceHash">>): Promise<Map<string, JsonValue>> {
  return (await getBlobs(rows.map((row) => row.evidenceHash))) as Map<string, JsonValue>;
}

/** One finding's check and stored evidence (undefined evidence: not stored); undefined when there is no such finding. */
export async function getFindingEvidence(findingId: bigint): Promise<{ checkId: string; evidence: JsonValue | undefined } | undefined> {
  const rows = await db().$queryRaw<Array<{ check_id: string; evidence_hash: Uint8Array }>>`
    SELECT f.check_id, f.evidence_hash FROM finding f JOIN linked_account a ON a.id = f.account_id
     WHERE f.id = ${findingId.toString()}::bigint AND a.removed_at IS NULL`;
  const row = rows[0];
  if (!row) return undefined;
  const hash = bytesToHex(row.evidence_hash);
  return { checkId: row.check_id, evidence: (await getBlobs([hash])).get(hash) as JsonValue | undefined };
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
  const account = awsAccountId === undefined ? Prisma.empty : Prisma.sql`AND a.aws_account_id = ${awsAccountId}`;
  // From the read model of open findings (a few rows per account and check), not every open finding.
  const rows = await db().$queryRaw<
    Array<{ check_id: string; pass: number; fail: number; unknown: number; not_applicable: number; accounts_failing: number }>
  >(Prisma.sql`
    SELECT c.check_id,
           COALESCE(sum(c.findings) FILTER (WHERE c.status = 'pass'), 0)::int AS pass,
           COALESCE(sum(c.findings) FILTER (WHERE c.status = 'fail'), 0)::int AS fail,
           COALESCE(sum(c.findings) FILTER (WHERE c.status = 'unknown'), 0)::int AS unknown,
           COALESCE(sum(c.findings) FILTER (WHERE c.status = 'not_applicable'), 0)::int AS not_applicable,
           count(DISTINCT c.account_id) FILTER (WHERE c.status = 'fail')::int AS accounts_failing
      FROM open_finding_count c JOIN linked_account a ON a.id = c.account_id
     WHERE a.removed_at IS NULL AND c.exercise = ${exercise}::smallint ${account}
     GROUP BY c.check_id ORDER BY c.check_id`);
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
  const partsPattern = `${resourceId.replace(/[\\%_]/g, (char) => `\\${char}`)}#%`;
  const rows = await db().$queryRaw<FindingSqlRow[]>`SELECT ${FINDING_COLUMNS}
       FROM finding f JOIN linked_account a ON a.id = f.account_id
      WHERE a.aws_account_id = ${awsAccountId} AND a.removed_at IS NULL
        AND (f.resource_id = ${resourceId} OR f.resource_id LIKE ${partsPattern})
      ORDER BY (f.closed_run_id IS NULL) DESC, f.first_run_id DESC, f.check_id, f.resource_id
      LIMIT ${RESOURCE_HISTORY_LIMIT + 1}::int`;
  return { intervals: rows.slice(0, RESOURCE_HISTORY_LIMIT).map(toFindingRow), truncated: rows.length > RESOURCE_HISTORY_LIMIT };
}
