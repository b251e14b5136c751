/**
 * Small factories for integration tests of the read functions behind the UI (used by
 * lib/db/*.int.test.ts only): they write rows the way the worker would, through lib/db where a
 * function exists and in plain SQL where only the worker's commit path writes them.
 */
import "server-only";
import { hashBlob } from "@/lib/snapshot/content-hash";
import { manifestBlobHashes, type SnapshotManifest } from "@/lib/snapshot/manifest-format";
import { linkAccount } from "./accounts";
import { hexToBytes, putBlobs, putManifestParts } from "./blobs";
import { db } from "./client";

export async function linkTestAccount(
  awsAccountId: string,
  overrides: { name?: string; tags?: Record<string, string> } = {},
): Promise<string> {
  const account = await linkAccount({
    accountId: awsAccountId,
    roleArn: `arn:aws:iam::${awsAccountId}:role/iamfit-audit`,
    externalId: "iamfit-test",
    name: overrides.name ?? `Account ${awsAccountId}`,
    tags: overrides.tags ?? {},
  });
  return account.id;
}

export async function createTestRun(trigger = "manual", status = "running"): Promise<bigint> {
  const run = await db().collectionRun.create({ data: { trigger, status } });
  return run.id;
}

export async function addTestCollection(
  runId: bigint,
  accountId: string,
  fields: {
    status: string;
    error?: object;
    partErrors?: object[];
    manifest?: SnapshotManifest;
    collectedAt?: Date;
  },
): Promise<bigint> {
  let manifestHash: Uint8Array<ArrayBuffer> | undefined;
  if (fields.manifest) {
    const blob = hashBlob(fields.manifest);
    await putBlobs(db(), [blob]);
    await putManifestParts(db(), blob.hash, manifestBlobHashes(fields.manifest));
    manifestHash = hexToBytes(blob.hash);
  }
  const row = await db().accountCollection.create({
    data: {
      runId,
      accountId,
      status: fields.status,
      error: fields.error,
      partErrors: fields.partErrors,
      manifestHash,
      collectedAt: fields.collectedAt ?? (fields.manifest ? new Date() : undefined),
      startedAt: new Date(),
      finishedAt: ["queued", "running"].includes(fields.status) ? undefined : new Date(),
    },
  });
  await db().collectionRun.update({ where: { id: runId }, data: { accountsTotal: { increment: 1 } } });
  return row.id;
}

export async function setTestAccountState(
  accountId: string,
  state: { lastStatus: string; lastCollectedAt?: Date; lastError?: object; score?: { runId: bigint; score: number | null } },
): Promise<void> {
  if (state.score) {
    await db().$executeRaw`INSERT INTO account_score (account_id, run_id, score, exercise_scores, passed, failed, unknown, unknown_checks, detail_hash, collected_at)
       VALUES (${accountId}::uuid, ${state.score.runId}, ${state.score.score}, '{}'::smallint[], 0, 0, 0, 0, '\\x00'::bytea, now())`;
  }
  await db().linkedAccount.update({
    where: { id: accountId },
    data: {
      lastStatus: state.lastStatus,
      lastCollectedAt: state.lastCollectedAt,
      lastError: state.lastError,
      lastEvaluatedRunId: state.score?.runId,
    },
  });
}
