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

/** Linked accounts (or one) by name, each with its current evaluation. */
export async function listCurrentAccountScores(filter: { awsAccountId?: string } = {}): Promise<CurrentAccountScore[]> {
  const conditions = [Prisma.sql`a.removed_at IS NULL`];
  if (filter.awsAccountId) conditions.push(Prisma.sql`a.aws_account_id = ${filter.awsAccountId}`);
  const rows = await db().$queryRaw<AccountScoreSqlRow[]>`
    SELECT a.aws_account_id, a.name, a.last_status, a.last_collected_at, s.run_id::text AS run_id, s.collected_at,
            s.score::int AS score, s.exercise_scores::int[] AS exercise_scores, s.passed, s.failed, s.unknown, s.unknown_checks, s.detail_hash
       FROM linked_account a
       LEFT JOIN account_score s ON s.account_id = a.id AND s.run_id = a.last_evaluated_run_id
      ${whereSql(conditions)}
      ORDER BY lower(a.name), a.aws_account_id`;
  const details = await getBlobs(rows.flatMap((row) => (row.detail_hash ? [bytesToHex(row.detail_hash)] : [])));
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
