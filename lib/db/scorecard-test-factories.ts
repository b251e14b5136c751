/**
 * Small row factories for the scorecard read-model integration tests: each inserts one row with
 * sensible defaults, so a test states only the facts it is about.
 */
import { hashBlob } from "@/lib/snapshot/content-hash";
import type { ExerciseNumber, FindingStatus, JsonValue, Severity } from "@/lib/checks/types";
import type { StoredScoreDetail } from "@/lib/scoring/stored-score";
import { hexToBytes } from "./blobs";
import { db } from "./client";
import { refreshOpenFindingCounts } from "./open-finding-counts";

let accountCounter = 0;

export async function insertAccount(
  fields: { awsAccountId?: string; name?: string; tags?: Record<string, string>; lastStatus?: string; lastError?: object; removed?: boolean; ouPath?: string } = {},
): Promise<{ id: string; awsAccountId: string }> {
  accountCounter += 1;
  const awsAccountId = fields.awsAccountId ?? String(100000000000 + accountCounter);
  const rows = await db().$queryRaw<Array<{ id: string }>>`INSERT INTO linked_account (aws_account_id, name, role_arn, external_id, tags, last_status, last_error, removed_at, ou_path)
     VALUES (${awsAccountId}, ${fields.name ?? `account-${accountCounter}`}, ${`arn:aws:iam::${awsAccountId}:role/iamfit-audit`}, 'ext-id-test', ${JSON.stringify(fields.tags ?? {})}::jsonb, ${fields.lastStatus ?? "never"}, ${fields.lastError ? JSON.stringify(fields.lastError) : null}::jsonb, ${fields.removed ? new Date() : null}, ${fields.ouPath ?? null}) RETURNING id::text AS id`;
  return { id: rows[0]!.id, awsAccountId };
}

export async function insertRun(fields: { createdAt?: Date; status?: string } = {}): Promise<bigint> {
  const createdAt = fields.createdAt ?? new Date();
  const rows = await db().$queryRaw<Array<{ id: bigint }>>`INSERT INTO collection_run (trigger, status, created_at, started_at, finished_at)
     VALUES ('manual', ${fields.status ?? "succeeded"}, ${createdAt}, ${createdAt}, ${createdAt}) RETURNING id`;
  return rows[0]!.id;
}

async function putBlob(value: unknown): Promise<Uint8Array> {
  const blob = hashBlob(value);
  await db().$executeRaw`INSERT INTO fact_blob (hash, content, byte_size) VALUES (${hexToBytes(blob.hash)}, ${blob.json}::jsonb, ${Buffer.byteLength(blob.json)}) ON CONFLICT (hash) DO NOTHING`;
  return hexToBytes(blob.hash);
}

export function scoreDetail(exerciseScores: Array<number | null>, unknownChecks: number[] = []): StoredScoreDetail {
  return {
    version: 1,
    exercises: exerciseScores.map((score, index) => ({
      exercise: index + 1,
      score,
      passed: score === null ? 0 : score,
      failed: score === null ? 0 : 100 - score,
      unknown: unknownChecks[index] ?? 0,
      unknownChecks: unknownChecks[index] ?? 0,
    })),
    checks: [],
  };
}

/** Stores an account's score for a run and makes that run its current evaluation. */
export async function insertAccountScore(fields: {
  accountId: string;
  runId: bigint;
  score: number | null;
  exerciseScores?: Array<number | null>;
  exerciseUnknownChecks?: number[];
  collectedAt?: Date;
  current?: boolean;
  lastStatus?: string;
}): Promise<void> {
  const exerciseScores = fields.exerciseScores ?? Array.from({ length: 10 }, () => fields.score);
  const unknownChecks = (fields.exerciseUnknownChecks ?? []).reduce((sum, value) => sum + value, 0);
  const detailHash = await putBlob(scoreDetail(exerciseScores, fields.exerciseUnknownChecks));
  const collectedAt = fields.collectedAt ?? new Date();
  await db().$executeRaw`INSERT INTO account_score (account_id, run_id, score, exercise_scores, passed, failed, unknown, unknown_checks, detail_hash, collected_at)
     VALUES (${fields.accountId}::uuid, ${fields.runId}, ${fields.score}, ${exerciseScores}::smallint[], 10, 5, ${unknownChecks}, ${unknownChecks}, ${detailHash}, ${collectedAt})`;
  if (fields.current !== false) {
    await db().$executeRaw`UPDATE linked_account SET last_evaluated_run_id = ${fields.runId}, last_collected_at = ${collectedAt}, last_status = ${fields.lastStatus ?? "succeeded"} WHERE id = ${fields.accountId}::uuid`;
  }
}

export interface FindingFields {
  accountId: string;
  checkId?: string;
  exercise?: ExerciseNumber;
  resourceId?: string;
  resourceType?: string;
  resourceName?: string;
  region?: string;
  status?: FindingStatus;
  severity?: Severity;
  reason?: string;
  evidence?: JsonValue;
  firstRunId: bigint;
  closedRunId?: bigint;
  firstSeenAt?: Date;
  closedAt?: Date;
}

export async function insertFinding(fields: FindingFields): Promise<bigint> {
  const evidenceHash = await putBlob(fields.evidence ?? { fact: "test" });
  const resourceName = fields.resourceName ?? "alice";
  const rows = await db().$queryRaw<Array<{ id: bigint }>>`INSERT INTO finding (account_id, check_id, exercise, resource_id, resource_type, resource_name, region, status, severity,
                          reason, evidence_hash, first_run_id, closed_run_id, first_seen_at, closed_at)
     VALUES (${fields.accountId}::uuid, ${fields.checkId ?? "users.console-mfa"}, ${fields.exercise ?? 2}, ${fields.resourceId ?? `arn:aws:iam::123456789012:user/${resourceName}`}, ${fields.resourceType ?? "user"}, ${resourceName}, ${fields.region ?? null}, ${fields.status ?? "fail"}, ${fields.severity ?? "high"}, ${fields.reason ?? `${resourceName} has a console password and no MFA`}, ${evidenceHash}, ${fields.firstRunId}, ${fields.closedRunId ?? null}, ${fields.firstSeenAt ?? new Date()}, ${fields.closedAt ?? (fields.closedRunId ? new Date() : null)}) RETURNING id`;
  // As a commit does: the counts the scorecard reads follow the intervals.
  await refreshOpenFindingCounts(db(), fields.accountId);
  return rows[0]!.id;
}

export async function insertOrgScore(fields: {
  runId: bigint;
  score: number | null;
  exerciseScores?: Array<number | null>;
  accountsAssessed?: number;
  worst?: unknown[];
}): Promise<void> {
  await db().$executeRaw`INSERT INTO org_score (run_id, score, exercise_scores, accounts_assessed, worst) VALUES (${fields.runId}, ${fields.score}, ${fields.exerciseScores ?? Array.from({ length: 10 }, () => fields.score)}::smallint[], ${fields.accountsAssessed ?? 1}, ${JSON.stringify(fields.worst ?? [])}::jsonb)`;
}

/** Empties every table the scorecard reads, between tests sharing one database. */
export async function clearScorecardTables(): Promise<void> {
  await db().$executeRaw`TRUNCATE finding, account_score, org_score, account_collection, collection_run, linked_account, fact_blob RESTART IDENTITY CASCADE`;
}
