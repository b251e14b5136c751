/**
 * Read models of the organization as a whole: its score and trend, the worst problems, the
 * accounts needing attention and collection health. "Now" for an account is its last
 * evaluated run (linked_account.last_evaluated_run_id).
 */
import "server-only";
import type { ExerciseNumber, Severity } from "@/lib/checks/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";
import { openFailuresBySeveritySql } from "./open-finding-counts";
import { DEFAULT_TREND_WINDOW, trendBucketSql, trendWindowSql, validTrendWindow, type TrendWindow } from "./trend-points";
import type { AccountError } from "./scorecard";
import { parseAccountError } from "./collection-errors";
import { severityRankSql, toIso } from "./sql-params";

export interface WorstCell {
  exercise: ExerciseNumber;
  awsAccountId: string;
  name: string;
  score: number | null;
}

export interface OrgScoreView {
  runId: string;
  at: string;
  score: number | null;
  exerciseScores: Array<number | null>;
  accountsAssessed: number;
}

export interface OrgOverview {
  latest: (OrgScoreView & { worst: WorstCell[] }) | null;
  previous: OrgScoreView | null;
  accounts: { linked: number; assessed: number; notAssessed: number; failing: number };
  /** Over every account's current evaluation. */
  unknownChecks: number;
  accountsWithUnknown: number;
}

interface OrgScoreSqlRow {
  run_id: string;
  at: Date;
  score: number | null;
  exercise_scores: Array<number | null>;
  accounts_assessed: number;
  worst: unknown;
}

function toOrgScoreView(row: OrgScoreSqlRow): OrgScoreView {
  return {
    runId: row.run_id,
    at: toIso(row.at)!,
    score: row.score,
    exerciseScores: row.exercise_scores,
    accountsAssessed: row.accounts_assessed,
  };
}

async function resolveWorst(worst: unknown): Promise<WorstCell[]> {
  if (!Array.isArray(worst)) return [];
  const entries = worst.flatMap((item) => {
    const entry = item as { exercise?: unknown; accountId?: unknown; awsAccountId?: unknown; score?: unknown };
    const exercise = Number(entry.exercise);
    const id = typeof entry.awsAccountId === "string" ? entry.awsAccountId : typeof entry.accountId === "string" ? entry.accountId : undefined;
    if (!id || !Number.isInteger(exercise) || exercise < 1 || exercise > 10) return [];
    return [{ exercise: exercise as ExerciseNumber, id, score: typeof entry.score === "number" ? entry.score : null }];
  });
  if (entries.length === 0) return [];
  // The stored entry names the account by its row id or its AWS id, depending on the scorer.
  const accounts = await db().$queryRaw<Array<{ id: string; aws_account_id: string; name: string }>>`SELECT id::text AS id, aws_account_id, name FROM linked_account
      WHERE id::text = ANY(${entries.map((entry) => entry.id)}::text[]) OR aws_account_id = ANY(${entries.map((entry) => entry.id)}::text[])`;
  return entries.flatMap((entry) => {
    const account = accounts.find((row) => row.id === entry.id || row.aws_account_id === entry.id);
    return account ? [{ exercise: entry.exercise, awsAccountId: account.aws_account_id, name: account.name, score: entry.score }] : [];
  });
}

export async function getOrgOverview(): Promise<OrgOverview> {
  const scores = await db().$queryRaw<OrgScoreSqlRow[]>`SELECT o.run_id::text AS run_id, COALESCE(r.finished_at, o.created_at) AS at, o.score::int AS score,
            o.exercise_scores::int[] AS exercise_scores, o.accounts_assessed, o.worst
       FROM org_score o JOIN collection_run r ON r.id = o.run_id
      ORDER BY o.run_id DESC LIMIT 2`;
  const counts = await db().$queryRaw<
    Array<{ linked: number; assessed: number; failing: number; unknown_checks: number; accounts_with_unknown: number }>
  >`SELECT count(*)::int AS linked,
            count(*) FILTER (WHERE a.last_evaluated_run_id IS NOT NULL)::int AS assessed,
            count(*) FILTER (WHERE a.last_status = 'failed')::int AS failing,
            COALESCE(sum(s.unknown_checks), 0)::int AS unknown_checks,
            count(*) FILTER (WHERE s.unknown_checks > 0)::int AS accounts_with_unknown
       FROM linked_account a
       LEFT JOIN account_score s ON s.account_id = a.id AND s.run_id = a.last_evaluated_run_id
      WHERE a.removed_at IS NULL`;
  const count = counts[0] ?? { linked: 0, assessed: 0, failing: 0, unknown_checks: 0, accounts_with_unknown: 0 };
  const [latest, previous] = scores;
  return {
    latest: latest ? { ...toOrgScoreView(latest), worst: await resolveWorst(latest.worst) } : null,
    previous: previous ? toOrgScoreView(previous) : null,
    accounts: { linked: count.linked, assessed: count.assessed, notAssessed: count.linked - count.assessed, failing: count.failing },
    unknownChecks: count.unknown_checks,
    accountsWithUnknown: count.accounts_with_unknown,
  };
}

/** The organization score over the year up to the newest run, oldest first (trend-points.ts picks the runs). */
export async function getOrgTrend(window: TrendWindow = DEFAULT_TREND_WINDOW): Promise<OrgScoreView[]> {
  const { days, dailyDays } = validTrendWindow(window);
  const at = Prisma.sql`p.at`;
  const latest = Prisma.sql`l.at`;
  const rows = await db().$queryRaw<OrgScoreSqlRow[]>`
    WITH points AS (
      SELECT o.run_id, COALESCE(r.finished_at, o.created_at) AS at, o.score, o.exercise_scores, o.accounts_assessed
        FROM org_score o JOIN collection_run r ON r.id = o.run_id
    ), latest AS (SELECT max(at) AS at FROM points)
    SELECT run_id::text AS run_id, at, score, exercise_scores, accounts_assessed, NULL AS worst FROM (
      SELECT DISTINCT ON (bucket) * FROM (
        SELECT p.run_id, p.at, p.score::int AS score, p.exercise_scores::int[] AS exercise_scores, p.accounts_assessed,
               ${trendBucketSql(at, Prisma.sql`p.run_id`, latest, { days, dailyDays })} AS bucket
          FROM points p CROSS JOIN latest l
         WHERE ${trendWindowSql(at, latest, { days, dailyDays })}
      ) bucketed ORDER BY bucket, run_id DESC
    ) kept ORDER BY kept.run_id`;
  return rows.map(toOrgScoreView);
}

export interface TopProblem {
  checkId: string;
  exercise: ExerciseNumber;
  severity: Severity;
  accounts: number;
  resources: number;
}

/** The failing checks that hurt most right now: by severity, then by how many accounts they hit. */
export async function listTopProblems(limit = 5): Promise<TopProblem[]> {
  const capped = Math.min(Math.max(limit, 1), 50);
  // From the read model of open findings (a few rows per account), not every open finding.
  const rows = await db().$queryRaw<Array<{ check_id: string; exercise: number; severity: string; accounts: number; resources: number }>>(Prisma.sql`
    SELECT c.check_id, c.exercise::int AS exercise, c.severity,
           count(DISTINCT c.account_id)::int AS accounts, sum(c.findings)::int AS resources
      FROM open_finding_count c JOIN linked_account a ON a.id = c.account_id AND a.removed_at IS NULL
     WHERE c.status = 'fail'
     GROUP BY c.check_id, c.exercise, c.severity
     ORDER BY ${severityRankSql(Prisma.sql`c.severity`)}, accounts DESC, resources DESC, c.check_id
     LIMIT ${capped}::int`);
  return rows.map((row) => ({
    checkId: row.check_id,
    exercise: row.exercise as ExerciseNumber,
    severity: row.severity as Severity,
    accounts: row.accounts,
    resources: row.resources,
  }));
}

export interface AttentionAccount {
  awsAccountId: string;
  name: string;
  score: number | null;
  worstExercise: { exercise: ExerciseNumber; score: number } | null;
  criticalFailures: number;
  highFailures: number;
}

/**
 * The accounts to look at first: the most open critical failures, then the most high ones, and
 * only then the lowest score. A green score can hide a critical failure (a score averages), so
 * the score only breaks ties.
 */
export async function listAccountsNeedingAttention(limit = 5): Promise<AttentionAccount[]> {
  const capped = Math.min(Math.max(limit, 1), 50);
  const rows = await db().$queryRaw<
    Array<{ aws_account_id: string; name: string; score: number | null; exercise_scores: Array<number | null>; critical: number; high: number }>
  >(
    // Each account's open failures by severity, from the read model of open findings (a few rows per account).
    Prisma.sql`WITH c AS (${openFailuresBySeveritySql(Prisma.sql`TRUE`)})
     SELECT a.aws_account_id, a.name, s.score::int AS score, s.exercise_scores::int[] AS exercise_scores,
            COALESCE(c.critical, 0) AS critical, COALESCE(c.high, 0) AS high
       FROM linked_account a
       JOIN account_score s ON s.account_id = a.id AND s.run_id = a.last_evaluated_run_id
       LEFT JOIN c ON c.account_id = a.id
      WHERE a.removed_at IS NULL AND (c.critical > 0 OR c.high > 0 OR s.score < 80)
      ORDER BY COALESCE(c.critical, 0) DESC, COALESCE(c.high, 0) DESC, s.score ASC NULLS LAST, lower(a.name)
      LIMIT ${capped}::int`,
  );
  return rows.map((row) => ({
    awsAccountId: row.aws_account_id,
    name: row.name,
    score: row.score,
    worstExercise: worstExercise(row.exercise_scores),
    criticalFailures: row.critical,
    highFailures: row.high,
  }));
}

function worstExercise(scores: Array<number | null>): AttentionAccount["worstExercise"] {
  let worst: AttentionAccount["worstExercise"] = null;
  scores.forEach((score, index) => {
    if (score !== null && (worst === null || score < worst.score)) worst = { exercise: (index + 1) as ExerciseNumber, score };
  });
  return worst;
}

export interface CollectionHealthRow {
  awsAccountId: string;
  name: string;
  lastStatus: string;
  assessed: boolean;
  lastCollectedAt: string | null;
  lastError: AccountError | null;
}

/** Accounts not assessed, or whose last collection failed or was partial, and why. */
export async function listCollectionHealth(limit = 10): Promise<{ total: number; rows: CollectionHealthRow[] }> {
  const where = Prisma.sql`a.removed_at IS NULL AND (a.last_evaluated_run_id IS NULL OR a.last_status IN ('failed', 'partial'))`;
  const count = await db().$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM linked_account a WHERE ${where}`;
  const rows = await db().$queryRaw<
    Array<{ aws_account_id: string; name: string; last_status: string; assessed: boolean; last_collected_at: Date | null; last_error: unknown }>
  >`
    SELECT a.aws_account_id, a.name, a.last_status, a.last_evaluated_run_id IS NOT NULL AS assessed,
            a.last_collected_at, a.last_error
       FROM linked_account a WHERE ${where}
      ORDER BY (a.last_evaluated_run_id IS NOT NULL), CASE a.last_status WHEN 'failed' THEN 0 WHEN 'never' THEN 1 ELSE 2 END, lower(a.name)
      LIMIT ${Math.min(Math.max(limit, 1), 100)}::int`;
  return {
    total: count[0]?.total ?? 0,
    rows: rows.map((row) => ({
      awsAccountId: row.aws_account_id,
      name: row.name,
      lastStatus: row.last_status,
      assessed: row.assessed,
      lastCollectedAt: toIso(row.last_collected_at),
      lastError: parseAccountError(row.last_error),
    })),
  };
}
