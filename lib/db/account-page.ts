/**
 * Everything the account page shows in one call: the account, its current score, the latest
 * collection (and the one running now), recent collections, and the error parts of the newest
 * stored snapshot (which say whether older data is shown in their place).
 */
import "server-only";
import { getLinkedAccount, type LinkedAccountView } from "./accounts";
import { db } from "./client";
import { parseStoredError, parseStoredErrors, type StoredCollectionError } from "./collection-errors";
import { getLatestManifest } from "./collections";

export interface AccountCollectionRow {
  collectionId: bigint;
  runId: bigint;
  runTrigger: string;
  /** collect | evaluate (a re-evaluation of stored facts). */
  runKind: string;
  status: string;
  startedAt: Date | null;
  finishedAt: Date | null;
  collectedAt: Date | null;
  progressDone: number;
  progressTotal: number;
  apiCalls: number;
  /** Account-level failure: nothing was collected (e.g. AssumeRole denied). */
  error: StoredCollectionError | null;
  /** Per-API failures summarised on the collection; the rest of the snapshot was stored. */
  partErrors: StoredCollectionError[];
  /** The retention job removed this collection's snapshot detail (its API errors among it). */
  detailPruned: boolean;
}

export interface SnapshotErrorPart {
  /** "iam.credentialReport" or "ec2.instances@eu-west-1". */
  partKey: string;
  error: StoredCollectionError;
  /** When the older data shown in place of this part was collected; null when none exists. */
  staleCollectedAt: string | null;
}

export interface AccountPageData {
  account: LinkedAccountView;
  score: {
    runId: bigint;
    score: number | null;
    exerciseScores: Array<number | null>;
    passed: number;
    failed: number;
    unknown: number;
    collectedAt: Date;
  } | null;
  activeCollection: AccountCollectionRow | null;
  /** The newest finished collection that reached AWS (cancelled and skipped ones say nothing of the account). */
  latestFinishedCollection: AccountCollectionRow | null;
  /** The newest collection that stored a snapshot: the data the scorecard shows. */
  lastGoodCollection: AccountCollectionRow | null;
  recentCollections: AccountCollectionRow[];
  snapshot: {
    runId: bigint;
    collectedAt: string;
    partCount: number;
    skippedParts: number;
    errorParts: SnapshotErrorPart[];
  } | null;
}

const ACTIVE = ["queued", "running"];
/** Collections that ended without a verdict on the account: they neither clear nor repeat a failure. */
const NO_VERDICT = ["cancelled", "skipped"];

const collectionSelect = {
  id: true,
  runId: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  collectedAt: true,
  progressDone: true,
  progressTotal: true,
  apiCalls: true,
  error: true,
  partErrors: true,
  detailPrunedAt: true,
  run: { select: { trigger: true, kind: true } },
} as const;

type CollectionSqlRow = {
  id: bigint;
  runId: bigint;
  status: string;
  startedAt: Date | null;
  finishedAt: Date | null;
  collectedAt: Date | null;
  progressDone: number;
  progressTotal: number;
  apiCalls: number;
  error: unknown;
  partErrors: unknown;
  detailPrunedAt: Date | null;
  run: { trigger: string; kind: string };
};

function toCollectionRow(row: CollectionSqlRow): AccountCollectionRow {
  return {
    collectionId: row.id,
    runId: row.runId,
    runTrigger: row.run.trigger,
    runKind: row.run.kind,
    status: row.status,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    collectedAt: row.collectedAt,
    progressDone: row.progressDone,
    progressTotal: row.progressTotal,
    apiCalls: row.apiCalls,
    error: parseStoredError(row.error),
    partErrors: parseStoredErrors(row.partErrors),
    detailPruned: row.detailPrunedAt !== null,
  };
}

export async function getAccountPage(
  awsAccountId: string,
  options: { recentLimit?: number } = {},
): Promise<AccountPageData | undefined> {
  const account = await getLinkedAccount(awsAccountId);
  if (!account) return undefined;
  const [active, recent, latestFinished, lastGood, score, stored] = await Promise.all([
    db().accountCollection.findFirst({
      where: { accountId: account.id, status: { in: ACTIVE } },
      orderBy: { runId: "desc" },
      select: collectionSelect,
    }),
    db().accountCollection.findMany({
      where: { accountId: account.id },
      orderBy: { runId: "desc" },
      take: Math.min(options.recentLimit ?? 10, 100),
      select: collectionSelect,
    }),
    db().accountCollection.findFirst({
      where: { accountId: account.id, status: { notIn: [...ACTIVE, ...NO_VERDICT] } },
      orderBy: { runId: "desc" },
      select: collectionSelect,
    }),
    db().accountCollection.findFirst({
      where: { accountId: account.id, manifestHash: { not: null } },
      orderBy: { runId: "desc" },
      select: collectionSelect,
    }),
    account.lastEvaluatedRunId === null
      ? null
      : readAccountScoreRow(account.id, account.lastEvaluatedRunId),
    getLatestManifest(account.id),
  ]);

  let snapshot: AccountPageData["snapshot"] = null;
  if (stored) {
    const parts = Object.entries(stored.manifest.parts);
    snapshot = {
      runId: stored.runId,
      collectedAt: stored.collectedAt,
      partCount: parts.length,
      skippedParts: parts.filter(([, part]) => part.status === "skipped").length,
      errorParts: parts.flatMap(([partKey, part]) => {
        // Entries AWS answered without what identifies them were left out of an ok part: shown like errors.
        if (part.status === "ok") {
          return (part.entryErrors ?? []).flatMap((stored) => {
            const error = parseStoredError(stored);
            return error ? [{ partKey, error, staleCollectedAt: null }] : [];
          });
        }
        if (part.status !== "error") return [];
        const error = parseStoredError(part.error);
        if (!error) return [];
        return [{ partKey, error, staleCollectedAt: part.staleBlob ? (part.staleCollectedAt ?? null) : null }];
      }),
    };
  }

  return {
    account,
    score,
    activeCollection: active ? toCollectionRow(active) : null,
    latestFinishedCollection: latestFinished ? toCollectionRow(latestFinished) : null,
    lastGoodCollection: lastGood ? toCollectionRow(lastGood) : null,
    recentCollections: recent.map(toCollectionRow),
    snapshot,
  };
}

/**
 * One stored account score. Read with SQL: exercise_scores holds NULL for exercises that could
 * not be judged, which Prisma's Int[] mapping cannot represent.
 */
async function readAccountScoreRow(accountId: string, runId: bigint) {
  const rows = await db().$queryRaw<
    Array<{ runId: bigint; score: number | null; exerciseScores: Array<number | null>; passed: number; failed: number; unknown: number; collectedAt: Date }>
  >`SELECT run_id AS "runId", score, exercise_scores::int[] AS "exerciseScores", passed, failed, unknown, collected_at AS "collectedAt"
       FROM account_score WHERE account_id = ${accountId}::uuid AND run_id = ${runId}`;
  return rows[0] ?? null;
}
