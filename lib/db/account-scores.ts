/**
 * Every account's current evaluation with its per-exercise counts, for the scorecard API and
 * `iamfit scorecard`. "Current" is the account's last evaluated run, as on the grid.
 */
import "server-only";
import { storedScoreDetailSchema, type StoredScoreDetail } from "@/lib/scoring/stored-score";
import { bytesToHex, getBlobs } from "./blobs";
import { db } from "./client";
import { Prisma } from "@/lib/generated/prisma/client";
import { toIso, whereSql } from "./sql-params";

export interface CurrentAccountScore {
  awsAccountId: string;
  name: string;
  lastStatus: string;
  lastCollectedAt: string | null;
  /** Null when the account was never assessed; so are all scores then. */
  runId: string | null;
  evaluatedAt: string | null;
  score: number | null;
  exerciseScores: Array<number | null>;
  passed: number;
  failed: number;
  unknown: number;
  unknownChecks: number;
  /** Per-exercise counts; null when never assessed or the stored detail is of another version. */
  detail: StoredScoreDetail | null;
}

interface AccountScoreSqlRow {
  aws_account_id: string;
  name: string;
  last_status: string;
  last_collected_at: Date | null;
  run_id: string | null;
  collected_at: Date | null;
  score: number | null;
  exercise_scores: Array<number | null> | null;
  passed: number | null;
  failed: number | null;
  unknown: number | null;
  unknown_checks: number | null;
  detail_hash: Uint8Array | null;
}

export interface AccountScoresPage {
  accounts: CurrentAccountScore[];
  /** Linked accounts matching the filter, over all pages. */
  total: number;
}

/**
 * Linked accounts (or one) by name, each with its current evaluation; one page of them when
 * `page` is given. Only the page's score details are read: at 1,000 accounts all of them made a
 * 1.3 MB answer. (Offset paging suits a list of a few thousand short rows.)
 */
export async function listCurrentAccountScores(
  filter: { awsAccountId?: string; page?: { number: number; size: number } } = {},
): Promise<AccountScoresPage> {
  const conditions = [Prisma.sql`a.removed_at IS NULL`];
  if (filter.awsAccountId) conditions.push(Prisma.sql`a.aws_account_id = ${filter.awsAccountId}`);
  const limit = filter.page ? Prisma.sql`LIMIT ${filter.page.size} OFFSET ${(filter.page.number - 1) * filter.page.size}` : Prisma.empty;
  const rows = await db().$queryRaw<Array<AccountScoreSqlRow & { total: number }>>`
    SELECT a.aws_account_id, a.name, a.last_status, a.last_collected_at, s.run_id::text AS run_id, s.collected_at,
            s.score::int AS score, s.exercise_scores::int[] AS exercise_scores, s.passed, s.failed, s.unknown, s.unknown_checks, s.detail_hash,
            count(*) OVER ()::int AS total
       FROM linked_account a
       LEFT JOIN account_score s ON s.account_id = a.id AND s.run_id = a.last_evaluated_run_id
      ${whereSql(conditions)}
      ORDER BY lower(a.name), a.aws_account_id
      ${limit}`;
  const total = rows[0]?.total ?? (filter.page && filter.page.number > 1 ? await countLinkedAccounts(conditions) : 0);
  return { accounts: toCurrentAccountScores(rows, await getBlobs(rows.flatMap((row) => (row.detail_hash ? [bytesToHex(row.detail_hash)] : [])))), total };
}

/** A page past the last has no rows to carry the total. */
async function countLinkedAccounts(conditions: Prisma.Sql[]): Promise<number> {
  const rows = await db().$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM linked_account a ${whereSql(conditions)}`;
  return rows[0]?.total ?? 0;
}

export interface ExerciseCounts {
  exercise: number;
  passed: number;
  failed: number;
  unknown: number;
}

/**
 * Passed, failed and unknown summed per exercise over every linked account's current evaluation,
 * inside PostgreSQL: the organization's counts without reading each account's detail into Node.
 */
export async function sumCurrentExerciseCounts(): Promise<ExerciseCounts[]> {
  return db().$queryRaw<ExerciseCounts[]>`
    SELECT (e->>'exercise')::int AS exercise, sum((e->>'passed')::int)::int AS passed,
           sum((e->>'failed')::int)::int AS failed, sum((e->>'unknown')::int)::int AS unknown
      FROM linked_account a
      JOIN account_score s ON s.account_id = a.id AND s.run_id = a.last_evaluated_run_id
      JOIN fact_blob b ON b.hash = s.detail_hash
      CROSS JOIN LATERAL jsonb_array_elements(b.content->'exercises') AS e
     WHERE a.removed_at IS NULL AND b.content->>'version' = '1'
     GROUP BY 1
     ORDER BY 1`;
}

function toCurrentAccountScores(rows: AccountScoreSqlRow[], details: Map<string, unknown>): CurrentAccountScore[] {
  return rows.map((row) => {
    const detail = row.detail_hash ? storedScoreDetailSchema.safeParse(details.get(bytesToHex(row.detail_hash))) : undefined;
    return {
      awsAccountId: row.aws_account_id,
      name: row.name,
      lastStatus: row.last_status,
      lastCollectedAt: toIso(row.last_collected_at),
      runId: row.run_id,
      evaluatedAt: toIso(row.collected_at),
      score: row.score,
      exerciseScores: row.exercise_scores ?? Array.from({ length: 10 }, () => null),
      passed: row.passed ?? 0,
      failed: row.failed ?? 0,
      unknown: row.unknown ?? 0,
      unknownChecks: row.unknown_checks ?? 0,
      detail: detail?.success ? detail.data : null,
    };
  });
}
