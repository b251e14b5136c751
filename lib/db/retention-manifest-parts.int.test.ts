/**
 * The retention job on the shape that outlived its transaction in bench:history: many pruned
 * manifests stored before the kept ones, sharing some part blobs with them and not others. Half of
 * the history is stored before the manifest_part migration (so its reference rows come from the
 * migration's backfill), half through the writer of today. The pages of retention.int.test.ts
 * cover the rest of the job.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashBlob, manifestBlobHashes, snapshotFromManifest, type SnapshotManifest } from "@/lib/collect/manifest";
import { planRetention } from "@/lib/retention/policy";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { bytesToHex, getBlobs, hexToBytes, putBlobs } from "./blobs";
import { db } from "./client";
import { migrate, readMigrations } from "./migrate";
import { pruneExpiredData, type RetentionBatch } from "./retention";
import { insertAccount, insertRun } from "./scorecard-test-factories";
import { addTestCollection } from "./test-factories";

const MANIFEST_PART_MIGRATION = "20261207190000_manifest_part";
const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const plan = planRetention({ snapshotDays: 90, historyDays: 400 }, now);
const BATCH_SIZE = 4;
const PRUNED_PER_ACCOUNT = 24;
const KEPT_PER_ACCOUNT = 4;

/** An empty database migrated up to, not including, the manifest_part migration. */
async function migrateUpToManifestParts(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  await client.end();
  const dir = await mkdtemp(path.join(os.tmpdir(), "iamfit-migrations-"));
  for (const migration of (await readMigrations()).filter((m) => m.name < MANIFEST_PART_MIGRATION)) {
    await mkdir(path.join(dir, migration.name));
    await writeFile(path.join(dir, migration.name, "migration.sql"), migration.sql);
  }
  await migrate(url, dir);
}

/** What a collection stored before the migration wrote: the blobs and the pointer, no reference rows. */
async function addLegacyCollection(runId: bigint, accountId: string, manifest: SnapshotManifest): Promise<void> {
  const blob = hashBlob(manifest);
  await putBlobs(db(), [blob]);
  // In SQL: the client knows the columns of later migrations too.
  await db().$executeRaw(Prisma.sql`
    INSERT INTO account_collection (run_id, account_id, status, manifest_hash, collected_at, started_at, finished_at)
    VALUES (${runId}, ${accountId}::uuid, 'succeeded', ${hexToBytes(blob.hash)}, ${now}, ${now}, ${now})`);
}

interface AccountHistory {
  accountId: string;
  pruned: SnapshotManifest[];
  kept: SnapshotManifest[];
  /** Listed by every manifest of the account. */
  everywhere: string;
  /** Listed by the pruned manifests only. */
  prunedOnly: string;
  /** An ok part of the pruned manifests that the kept ones still show as the stale copy of a failed part. */
  staleSource: string;
  /** One part per manifest (the credential report of its run). */
  ownParts: string[];
}

async function part(content: unknown): Promise<string> {
  const blob = hashBlob(content);
  await putBlobs(db(), [blob]);
  return blob.hash;
}

/** Days ago of each run: the pruned snapshots (300 to 139 days ago), then the kept ones (60 days ago to today). */
const RUN_DAYS = Array.from({ length: PRUNED_PER_ACCOUNT + KEPT_PER_ACCOUNT }, (_, run) =>
  run < PRUNED_PER_ACCOUNT ? 300 - run * 7 : 60 - (run - PRUNED_PER_ACCOUNT) * 20,
);

/** One collection of the account in each run, pruned manifests first. */
async function storeHistory(
  name: string,
  runs: bigint[],
  store: (runId: bigint, accountId: string, manifest: SnapshotManifest) => Promise<unknown>,
): Promise<AccountHistory> {
  const { id: accountId } = await insertAccount({ name });
  const history: AccountHistory = {
    accountId,
    pruned: [],
    kept: [],
    everywhere: await part({ account: name, users: ["alice"] }),
    prunedOnly: await part({ account: name, roles: ["old-admin"] }),
    staleSource: await part({ account: name, groups: ["admins"] }),
    ownParts: [],
  };
  for (const [run, days] of RUN_DAYS.entries()) {
    const kept = run >= PRUNED_PER_ACCOUNT;
    const own = await part({ account: name, report: { generatedAt: daysAgo(days).toISOString() } });
    history.ownParts.push(own);
    const manifest: SnapshotManifest = {
      version: 1,
      accountId,
      regions: ["us-east-1"],
      parts: {
        "iam.users": { status: "ok", blob: history.everywhere },
        "iam.credentialReport": { status: "ok", blob: own },
        ...(kept
          ? {
              "iam.groups": {
                status: "error",
                error: { api: "iam:ListGroups", code: "Throttling", message: "slow down" },
                staleBlob: history.staleSource,
                staleCollectedAt: daysAgo(130).toISOString(),
              },
            }
          : { "iam.roles": { status: "ok", blob: history.prunedOnly }, "iam.groups": { status: "ok", blob: history.staleSource } }),
      },
    };
    (kept ? history.kept : history.pruned).push(manifest);
    await store(runs[run]!, accountId, manifest);
  }
  return history;
}

async function manifestPartRows(): Promise<string[]> {
  const rows = await db().manifestPart.findMany();
  return rows.map((row) => `${bytesToHex(row.manifestHash)} ${bytesToHex(row.partHash)}`).sort();
}

function expectedRows(manifests: SnapshotManifest[]): string[] {
  return manifests.flatMap((manifest) => manifestBlobHashes(manifest).map((partHash) => `${hashBlob(manifest).hash} ${partHash}`)).sort();
}

async function blobExists(hash: string): Promise<boolean> {
  return (await db().factBlob.count({ where: { hash: hexToBytes(hash) } })) === 1;
}

describe("retention of many manifests stored before the kept ones", () => {
  let database: TestDatabase;
  let legacy: AccountHistory;
  let current: AccountHistory;
  let backfilled: string[];
  const batches: RetentionBatch[] = [];
  let result: Awaited<ReturnType<typeof pruneExpiredData>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateUpToManifestParts(database.url);
    // Both accounts are collected in each run; run ids grow with time, as the job expects.
    const runs: bigint[] = [];
    for (const days of RUN_DAYS) runs.push(await insertRun({ createdAt: daysAgo(days) }));
    legacy = await storeHistory("legacy", runs, addLegacyCollection);
    expect(await migrate(database.url)).toContain(MANIFEST_PART_MIGRATION);
    backfilled = await manifestPartRows();
    current = await storeHistory("current", runs, (runId, accountId, manifest) => addTestCollection(runId, accountId, { status: "succeeded", manifest }));
    result = await pruneExpiredData({
      snapshotCutoff: plan.snapshotCutoff,
      historyCutoff: plan.historyCutoff,
      now,
      batchSize: BATCH_SIZE,
      onBatch: (batch) => batches.push(batch),
    });
  });
  afterAll(async () => database?.drop());

  it("backfills a reference row for every part a stored manifest lists, the same rows the writer stores", async () => {
    expect(backfilled).toEqual(expectedRows([...legacy.pruned, ...legacy.kept]));
    expect(backfilled.length).toBe(PRUNED_PER_ACCOUNT * 4 + KEPT_PER_ACCOUNT * 3);
  });

  it("prunes in several bounded batches, each freeing at most its own manifests and their references", () => {
    const snapshotBatches = batches.filter((batch) => batch.step === "snapshot details");
    expect(snapshotBatches.length).toBe((2 * PRUNED_PER_ACCOUNT) / BATCH_SIZE);
    for (const batch of snapshotBatches) {
      expect(batch.rows).toBe(BATCH_SIZE);
      // Four manifests of four parts each, at most.
      expect(batch.partReferences).toBe(BATCH_SIZE * 4);
      // Their manifests and own parts, and at most each account's part only pruned manifests listed.
      expect(batch.blobs).toBeLessThanOrEqual(BATCH_SIZE * 2 + 2);
    }
    expect(batches.every((batch) => batch.rows <= BATCH_SIZE)).toBe(true);
    expect(result.collectionDetailsPruned).toBe(2 * PRUNED_PER_ACCOUNT);
  });

  it("deletes the pruned manifests and the parts no kept manifest lists", async () => {
    for (const history of [legacy, current]) {
      for (const manifest of history.pruned) expect(await blobExists(hashBlob(manifest).hash)).toBe(false);
      for (const own of history.ownParts.slice(0, PRUNED_PER_ACCOUNT)) expect(await blobExists(own)).toBe(false);
      expect(await blobExists(history.prunedOnly)).toBe(false);
    }
    // Per account: the manifests, their own parts and the part only they listed.
    expect(result.blobsDeleted).toBe(2 * (PRUNED_PER_ACCOUNT * 2 + 1));
  });

  it("keeps every part a kept manifest lists, as data or as a stale copy, and only their reference rows", async () => {
    for (const history of [legacy, current]) {
      expect(await blobExists(history.everywhere)).toBe(true);
      expect(await blobExists(history.staleSource)).toBe(true);
    }
    expect(await manifestPartRows()).toEqual(expectedRows([...legacy.kept, ...current.kept]));
  });

  it("loads every kept snapshot completely", async () => {
    for (const history of [legacy, current]) {
      const kept = await db().accountCollection.findMany({ where: { accountId: history.accountId, manifestHash: { not: null } }, orderBy: { runId: "asc" } });
      expect(kept.map((row) => bytesToHex(row.manifestHash!))).toEqual(history.kept.map((manifest) => hashBlob(manifest).hash));
      for (const row of kept) {
        const manifestHash = bytesToHex(row.manifestHash!);
        const manifest = (await getBlobs([manifestHash])).get(manifestHash) as SnapshotManifest;
        const blobs = await getBlobs(manifestBlobHashes(manifest));
        const snapshot = snapshotFromManifest(manifest, now.toISOString(), (hash) => {
          if (!blobs.has(hash)) throw new Error(`part ${hash} of a kept snapshot is gone`);
          return blobs.get(hash);
        });
        expect(snapshot.parts["iam.users"]).toEqual({ status: "ok", data: { account: history === legacy ? "legacy" : "current", users: ["alice"] } });
        expect(snapshot.parts["iam.groups"]).toMatchObject({ status: "error", stale: { data: { groups: ["admins"] } } });
      }
    }
  });

  it("finds nothing more on a second pass", async () => {
    const again: RetentionBatch[] = [];
    const second = await pruneExpiredData({ snapshotCutoff: plan.snapshotCutoff, historyCutoff: plan.historyCutoff, now, batchSize: BATCH_SIZE, onBatch: (batch) => again.push(batch) });
    expect(second.collectionDetailsPruned + second.blobsDeleted).toBe(0);
    expect(again).toEqual([]);
  });
});
