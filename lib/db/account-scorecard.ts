/**
 * Read models of one account's scorecard: its current and previous evaluation (for the ten
 * exercise cards and their change since the last run), its score trend, and the snapshot its
 * key figures are computed from.
 */
import "server-only";
import type { FailureCounts } from "@/lib/scorecard/failure-counts";
import { storedScoreDetailSchema, type StoredScoreDetail } from "@/lib/scoring/stored-score";
import type { SnapshotManifest } from "@/lib/snapshot/manifest-format";
import { bytesToHex, getBlobs } from "./blobs";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";
import { openFailuresBySeveritySql } from "./open-finding-counts";
import { DEFAULT_TREND_WINDOW, trendBucketSql, trendWindowSql, validTrendWindow, type TrendWindow } from "./trend-points";
import type { AccountError } from "./scorecard";
import { parseAccountError } from "./collection-errors";
import { toIso } from "./sql-params";

export interface ScorecardAccount {
  id: string;
  awsAccountId: string;
  name: string;
  lastStatus: string;
  lastCollectedAt: string | null;
  lastError: AccountError | null;
  lastEvaluatedRunId: string | null;
}

export interface AccountScoreView {
  runId: string;
  collectedAt: string;
  score: number | null;
  exerciseScores: Array<number | null>;
  passed: number;
  failed: number;
  unknown: number;
  unknownChecks: number;
  /** Per-exercise and per-check counts; null when the stored detail is missing or of another version. */
  detail: StoredScoreDetail | null;
}

export interface AccountScorecard {
  account: ScorecardAccount;
  current: AccountScoreView | null;
  /** The evaluation before the current one, for "change since last run". */
  previous: AccountScoreView | null;
}

interface ScoreSqlRow {
  run_id: string;
  collected_at: Date;
  score: number | null;
  exercise_scores: Array<number | null>;
  passed: number;
  failed: number;
  unknown: number;
  unknown_checks: number;
  detail_hash: Uint8Array;
}

export async function getScorecardAccount(awsAccountId: string): Promise<ScorecardAccount | undefined> {
  const row = await db().linkedAccount.findFirst({
    where: { awsAccountId, removedAt: null },
    select: { id: true, awsAccountId: true, name: true, lastStatus: true, lastCollectedAt: true, lastError: true, lastEvaluatedRunId: true },
  });
  if (!row) return undefined;
  return {
    id: row.id,
    awsAccountId: row.awsAccountId,
    name: row.name,
    lastStatus: row.lastStatus,
    lastCollectedAt: toIso(row.lastCollectedAt),
    lastError: parseAccountError(row.lastError),
    lastEvaluatedRunId: row.lastEvaluatedRunId?.toString() ?? null,
  };
}

/**
 * The account's evaluation now (or as of run `asOfRunId`: the newest evaluation at or before
 * it) and the one before it.
 */
export async function getAccountScorecard(awsAccountId: string, asOfRunId?: bigint): Promise<AccountScorecard | undefined> {
  const account = await getScorecardAccount(awsAccountId);
  if (!account) return undefined;
  if (!account.lastEvaluatedRunId) return { account, current: null, previous: null };
  const upTo = asOfRunId !== undefined && asOfRunId < BigInt(account.lastEvaluatedRunId) ? asOfRunId.toString() : account.lastEvaluatedRunId;
  // Ordered by the bigint column (s.run_id), not by the text alias of the same name.
  const rows = await db().$queryRaw<ScoreSqlRow[]>`SELECT s.run_id::text AS run_id, s.collected_at, s.score::int AS score, s.exercise_scores::int[] AS exercise_scores,
            s.passed, s.failed, s.unknown, s.unknown_checks, s.detail_hash
       FROM account_score s
      WHERE s.account_id = ${account.id}::uuid AND s.run_id <= ${upTo}::bigint
      ORDER BY s.run_id DESC LIMIT 2`;
  const details = await getBlobs(rows.map((row) => bytesToHex(row.detail_hash)));
  const [current, previous] = rows.map((row): AccountScoreView => {
    const detail = storedScoreDetailSchema.safeParse(details.get(bytesToHex(row.detail_hash)));
    return {
      runId: row.run_id,
      collectedAt: toIso(row.collected_at)!,
      score: row.score,
      exerciseScores: row.exercise_scores,
      passed: row.passed,
      failed: row.failed,
      unknown: row.unknown,
      unknownChecks: row.unknown_checks,
      detail: detail.success ? detail.data : null,
    };
  });
  return { account, current: current ?? null, previous: previous ?? null };
}

export interface AccountTrendPoint {
  runId: string;
  at: string;
  score: number | null;
  exerciseScores: Array<number | null>;
}

/** The account's score over the year up to its newest evaluation, oldest first (trend-points.ts picks the runs). */
export async function getAccountTrend(accountId: string, window: TrendWindow = DEFAULT_TREND_WINDOW): Promise<AccountTrendPoint[]> {
  const valid = validTrendWindow(window);
  const at = Prisma.sql`s.collected_at`;
  const latest = Prisma.sql`l.at`;
  const rows = await db().$queryRaw<Array<{ run_id: string; collected_at: Date; score: number | null; exercise_scores: Array<number | null> }>>`
    WITH latest AS (SELECT max(collected_at) AS at FROM account_score WHERE account_id = ${accountId}::uuid)
    SELECT run_id::text AS run_id, collected_at, score, exercise_scores FROM (
      SELECT DISTINCT ON (bucket) * FROM (
        SELECT s.run_id, s.collected_at, s.score::int AS score, s.exercise_scores::int[] AS exercise_scores,
               ${trendBucketSql(at, Prisma.sql`s.run_id`, latest, valid)} AS bucket
          FROM account_score s CROSS JOIN latest l
         WHERE s.account_id = ${accountId}::uuid AND ${trendWindowSql(at, latest, valid)}
      ) bucketed ORDER BY bucket, run_id DESC
    ) kept ORDER BY kept.run_id`;
  return rows.map((row) => ({ runId: row.run_id, at: toIso(row.collected_at)!, score: row.score, exerciseScores: row.exercise_scores }));
}

/** The account's open failing findings (its current evaluation) by severity, as the grid counts them. */
export async function getOpenFailureCounts(accountId: string): Promise<FailureCounts> {
  const rows = await db().$queryRaw<FailureCounts[]>`SELECT critical, high, medium, low
       FROM (${openFailuresBySeveritySql(Prisma.sql`c.account_id = ${accountId}::uuid`)}) counts`;
  return rows[0] ?? { critical: 0, high: 0, medium: 0, low: 0 };
}

/**
 * The manifest of the account's last evaluated run (or, when none is recorded, its newest stored
 * one) as stored; lib/collect/stored-snapshot.ts rebuilds the snapshot from it.
 */
export async function getEvaluatedManifest(
  account: Pick<ScorecardAccount, "id" | "lastEvaluatedRunId">,
): Promise<{ manifest: SnapshotManifest; collectedAt: Date; reportGeneratedAt: Date | null } | undefined> {
  const row = await db().accountCollection.findFirst({
    where: {
      accountId: account.id,
      manifestHash: { not: null },
      ...(account.lastEvaluatedRunId ? { runId: { lte: BigInt(account.lastEvaluatedRunId) } } : {}),
    },
    orderBy: { runId: "desc" },
    select: { manifestHash: true, collectedAt: true, reportGeneratedAt: true },
  });
  if (!row?.manifestHash || !row.collectedAt) return undefined;
  const manifestHash = bytesToHex(row.manifestHash);
  const manifest = (await getBlobs([manifestHash])).get(manifestHash) as SnapshotManifest | undefined;
  return manifest ? { manifest, collectedAt: row.collectedAt, reportGeneratedAt: row.reportGeneratedAt } : undefined;
}
