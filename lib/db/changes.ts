/**
 * What got worse and what got fixed between two runs (default: the latest run against the
 * latest one at least N days older), per account and organization-wide.
 *
 * Both ends are states "as of run R" of the finding intervals:
 * - worse: a (check, resource) failing at `to` through an interval that opened after `from`,
 *   and not failing at `from` (passing, unknown, not applicable or absent). Accounts that had
 *   no evaluation at `from` are not compared: everything would read as new.
 * - fixed: a fail interval open at `from` and closed by `to`, whose (check, resource) at `to`
 *   passes or is gone. Fail → unknown is not a fix: unknown is never counted as a pass.
 */
import "server-only";
import type { ExerciseNumber, FindingStatus } from "@/lib/checks/types";
import type { ChangeKind, ChangesQuery } from "@/lib/scorecard/search-params";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";
import { toFindingIdentity, type FindingIdentitySqlRow } from "./finding-row";
import type { FindingRow } from "./findings";
import { severityRankSql, toIso } from "./sql-params";

export interface RunPoint {
  runId: string;
  at: string;
}

export interface ChangeWindow {
  from: RunPoint | null;
  to: RunPoint | null;
  /** No run is as old as asked: the window starts at the first run instead. */
  clamped: boolean;
}

export interface ChangeRow extends Omit<FindingRow, "status"> {
  kind: ChangeKind;
  changedAt: string;
  before: FindingStatus | null;
  after: FindingStatus | null;
}

export interface ChangesSummary {
  worse: number;
  fixed: number;
  byExercise: Array<{ exercise: ExerciseNumber; worse: number; fixed: number }>;
  byAccount: Array<{ awsAccountId: string; name: string; worse: number; fixed: number }>;
  /** Accounts first assessed inside the window, which are not compared. */
  newlyAssessed: number;
}

async function runPoint(condition: Prisma.Sql): Promise<RunPoint | null> {
  const rows = await db().$queryRaw<Array<{ id: string; at: Date }>>`${RUN_POINT} ${condition}`;
  const row = rows[0];
  return row ? { runId: row.id, at: toIso(row.at)! } : null;
}

/** Filter and order by `r.id` (bigint); a bare `id` in ORDER BY would mean the text alias. */
const RUN_POINT = Prisma.sql`SELECT r.id::text AS id, COALESCE(r.finished_at, r.created_at) AS at FROM collection_run r`;

export async function resolveChangeWindow(query: Pick<ChangesQuery, "days" | "fromRunId" | "toRunId">, now: Date): Promise<ChangeWindow> {
  const to =
    (query.toRunId !== undefined ? await runPoint(Prisma.sql`WHERE id = ${query.toRunId.toString()}::bigint`) : null) ??
    (await runPoint(Prisma.sql`ORDER BY r.id DESC LIMIT 1`));
  if (!to) return { from: null, to: null, clamped: false };
  if (query.fromRunId !== undefined) {
    const from = await runPoint(Prisma.sql`WHERE r.id = ${query.fromRunId.toString()}::bigint AND r.id < ${to.runId}::bigint`);
    if (from) return { from, to, clamped: false };
  }
  const cutoff = new Date(now.getTime() - query.days * 86_400_000);
  const from = await runPoint(Prisma.sql`WHERE r.created_at <= ${cutoff} AND r.id < ${to.runId}::bigint ORDER BY r.id DESC LIMIT 1`);
  if (from) return { from, to, clamped: false };
  const first = await runPoint(Prisma.sql`WHERE r.id < ${to.runId}::bigint ORDER BY r.id ASC LIMIT 1`);
  return { from: first, to, clamped: first !== null };
}

/* The correlated interval (alias p or n) of the same (account, check, resource) as f. */
const SAME_KEY = {
  p: Prisma.sql`p.account_id = f.account_id AND p.check_id = f.check_id AND p.resource_id = f.resource_id`,
  n: Prisma.sql`n.account_id = f.account_id AND n.check_id = f.check_id AND n.resource_id = f.resource_id`,
};
/** Interval p or n describes the state as of run `run` (a bigint parameter). */
const AS_OF = {
  p: (run: Prisma.Sql) => Prisma.sql`p.first_run_id <= ${run} AND (p.closed_run_id IS NULL OR p.closed_run_id > ${run})`,
  n: (run: Prisma.Sql) => Prisma.sql`n.first_run_id <= ${run} AND (n.closed_run_id IS NULL OR n.closed_run_id > ${run})`,
};

const CHANGE_COLUMNS = Prisma.sql`f.id::text AS id, a.aws_account_id, a.name AS account_name, f.check_id, f.exercise::int AS exercise,
    f.resource_id, f.resource_type, f.resource_name, f.region, f.severity, f.reason, f.evidence_hash,
    f.first_run_id::text AS first_run_id, f.closed_run_id::text AS closed_run_id, f.first_seen_at, f.closed_at`;

/** The rows of one kind of change, as a SQL SELECT with columns shared by list, count and summary. */
function changeSelect(kind: ChangeKind, window: { from: string; to: string }, filters: { account?: string; exercise?: ExerciseNumber }): Prisma.Sql {
  const from = Prisma.sql`${window.from}::bigint`;
  const to = Prisma.sql`${window.to}::bigint`;
  const conditions = [Prisma.sql`a.removed_at IS NULL`, Prisma.sql`f.status = 'fail'`];
  if (filters.account) conditions.push(Prisma.sql`a.aws_account_id = ${filters.account}`);
  if (filters.exercise) conditions.push(Prisma.sql`f.exercise = ${filters.exercise}::smallint`);
  if (kind === "worse") {
    conditions.push(
      Prisma.sql`f.first_run_id > ${from}`,
      Prisma.sql`f.first_run_id <= ${to}`,
      Prisma.sql`(f.closed_run_id IS NULL OR f.closed_run_id > ${to})`,
      Prisma.sql`EXISTS (SELECT 1 FROM account_score s WHERE s.account_id = f.account_id AND s.run_id <= ${from})`,
      Prisma.sql`NOT EXISTS (SELECT 1 FROM finding p WHERE ${SAME_KEY.p} AND p.status = 'fail' AND ${AS_OF.p(from)})`,
    );
    return Prisma.sql`SELECT ${CHANGE_COLUMNS}, f.first_seen_at AS changed_at, 'fail' AS after_status,
        (SELECT p.status FROM finding p WHERE ${SAME_KEY.p} AND ${AS_OF.p(from)} LIMIT 1) AS before_status
      FROM finding f JOIN linked_account a ON a.id = f.account_id WHERE ${Prisma.join(conditions, " AND ")}`;
  }
  conditions.push(
    Prisma.sql`f.first_run_id <= ${from}`,
    Prisma.sql`f.closed_run_id > ${from}`,
    Prisma.sql`f.closed_run_id <= ${to}`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM finding n WHERE ${SAME_KEY.n} AND n.status <> 'pass' AND ${AS_OF.n(to)})`,
  );
  return Prisma.sql`SELECT ${CHANGE_COLUMNS}, f.closed_at AS changed_at, 'fail' AS before_status,
      (SELECT n.status FROM finding n WHERE ${SAME_KEY.n} AND ${AS_OF.n(to)} LIMIT 1) AS after_status
    FROM finding f JOIN linked_account a ON a.id = f.account_id WHERE ${Prisma.join(conditions, " AND ")}`;
}

interface ChangeSqlRow extends FindingIdentitySqlRow {
  first_run_id: string;
  closed_run_id: string | null;
  first_seen_at: Date;
  closed_at: Date | null;
  changed_at: Date;
  before_status: string | null;
  after_status: string | null;
}

function toChangeRow(kind: ChangeKind, row: ChangeSqlRow): ChangeRow {
  return {
    kind,
    ...toFindingIdentity(row),
    firstRunId: row.first_run_id,
    closedRunId: row.closed_run_id,
    firstSeenAt: toIso(row.first_seen_at)!,
    closedAt: toIso(row.closed_at),
    changedAt: toIso(row.changed_at)!,
    before: row.before_status as FindingStatus | null,
    after: row.after_status as FindingStatus | null,
  };
}

function comparable(window: ChangeWindow): { from: string; to: string } | null {
  return window.from && window.to ? { from: window.from.runId, to: window.to.runId } : null;
}

export async function listChanges(
  window: ChangeWindow,
  query: Pick<ChangesQuery, "kind" | "account" | "exercise" | "page" | "pageSize">,
): Promise<{ rows: ChangeRow[]; total: number; page: number; pageSize: number; pageCount: number }> {
  const runs = comparable(window);
  if (!runs) return { rows: [], total: 0, page: 1, pageSize: query.pageSize, pageCount: 1 };
  const select = changeSelect(query.kind, runs, query);
  const count = await db().$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM (${select}) c`;
  const total = count[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await db().$queryRaw<ChangeSqlRow[]>`SELECT * FROM (${select}) c
      ORDER BY ${severityRankSql(Prisma.sql`c.severity`)}, c.changed_at DESC, lower(c.account_name), c.check_id, c.resource_id
      LIMIT ${query.pageSize}::int OFFSET ${(page - 1) * query.pageSize}::int`;
  return { rows: rows.map((row) => toChangeRow(query.kind, row)), total, page, pageSize: query.pageSize, pageCount };
}

export async function summarizeChanges(window: ChangeWindow, filters: Pick<ChangesQuery, "account" | "exercise">): Promise<ChangesSummary> {
  const runs = comparable(window);
  if (!runs) return { worse: 0, fixed: 0, byExercise: [], byAccount: [], newlyAssessed: 0 };
  const worse = changeSelect("worse", runs, filters);
  const fixed = changeSelect("fixed", runs, filters);
  const both = Prisma.sql`SELECT 'worse' AS kind, exercise, aws_account_id, account_name FROM (${worse}) w
    UNION ALL SELECT 'fixed' AS kind, exercise, aws_account_id, account_name FROM (${fixed}) x`;
  const byExercise = await db().$queryRaw<Array<{ exercise: number; worse: number; fixed: number }>>`
    SELECT exercise, count(*) FILTER (WHERE kind = 'worse')::int AS worse, count(*) FILTER (WHERE kind = 'fixed')::int AS fixed
       FROM (${both}) b GROUP BY exercise ORDER BY exercise`;
  const byAccount = await db().$queryRaw<Array<{ aws_account_id: string; account_name: string; worse: number; fixed: number }>>`
    SELECT aws_account_id, account_name,
            count(*) FILTER (WHERE kind = 'worse')::int AS worse, count(*) FILTER (WHERE kind = 'fixed')::int AS fixed
       FROM (${both}) b GROUP BY aws_account_id, account_name
      ORDER BY worse DESC, fixed DESC, lower(account_name) LIMIT 10`;
  const accountFilter = filters.account ? Prisma.sql`AND a.aws_account_id = ${filters.account}` : Prisma.empty;
  const newly = await db().$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM linked_account a
      WHERE a.removed_at IS NULL ${accountFilter}
        AND EXISTS (SELECT 1 FROM account_score s WHERE s.account_id = a.id AND s.run_id <= ${runs.to}::bigint)
        AND NOT EXISTS (SELECT 1 FROM account_score s WHERE s.account_id = a.id AND s.run_id <= ${runs.from}::bigint)`;
  return {
    worse: byExercise.reduce((sum, row) => sum + row.worse, 0),
    fixed: byExercise.reduce((sum, row) => sum + row.fixed, 0),
    byExercise: byExercise.map((row) => ({ exercise: row.exercise as ExerciseNumber, worse: row.worse, fixed: row.fixed })),
    byAccount: byAccount.map((row) => ({ awsAccountId: row.aws_account_id, name: row.account_name, worse: row.worse, fixed: row.fixed })),
    newlyAssessed: newly[0]?.total ?? 0,
  };
}

/** Runs to pick the two ends from, newest first. */
export async function listComparableRuns(limit = 50): Promise<RunPoint[]> {
  const rows = await db().$queryRaw<Array<{ id: string; at: Date }>>`${RUN_POINT} WHERE EXISTS (SELECT 1 FROM account_score s WHERE s.run_id = r.id)
      ORDER BY r.id DESC LIMIT ${Math.min(Math.max(limit, 1), 200)}::int`;
  return rows.map((row) => ({ runId: row.id, at: toIso(row.at)! }));
}
