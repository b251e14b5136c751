import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashBlob, type ManifestPart, type SnapshotManifest } from "@/lib/collect/manifest";
import { planRetention } from "@/lib/retention/policy";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { bytesToHex, hexToBytes, putBlobs } from "./blobs";
import { db } from "./client";
import { getAccountPage } from "./account-page";
import { pruneExpiredData } from "./retention";
import { getRunAccountsPage } from "./run-page";
import { isRemovedRunId } from "./runs";
import { insertAccount, insertAccountScore, insertFinding, insertOrgScore, insertRun } from "./scorecard-test-factories";
import { addTestCollection } from "./test-factories";

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const plan = planRetention({ snapshotDays: 90, historyDays: 400 }, now);
const cutoffs = { snapshotCutoff: plan.snapshotCutoff, historyCutoff: plan.historyCutoff, now, batchSize: 2 };

async function storedPart(content: unknown): Promise<string> {
  const blob = hashBlob(content);
  await putBlobs(db(), [blob]);
  return blob.hash;
}

function manifest(accountId: string, parts: Record<string, ManifestPart>): SnapshotManifest {
  return { version: 1, accountId, regions: ["us-east-1"], parts };
}

async function blobExists(hash: string): Promise<boolean> {
  return (await db().factBlob.count({ where: { hash: hexToBytes(hash) } })) === 1;
}

async function insertChecklistItem(accountId: string, state: string, evidence: unknown, eventDaysAgo: number[]): Promise<bigint> {
  const evidenceHash = await storedPart(evidence);
  const item = await db().checklistItem.create({
    data: {
      accountId,
      checkId: "users.console-mfa",
      resourceId: `arn:aws:iam::123456789012:user/${state}`,
      exercise: 2,
      resourceType: "user",
      resourceName: state,
      severity: "high",
      reason: "no MFA",
      evidenceHash: hexToBytes(evidenceHash),
      state,
      stateChangedAt: daysAgo(Math.min(...eventDaysAgo)),
      firstRunId: 1n,
    },
  });
  for (const days of eventDaysAgo) {
    await db().checklistEvent.create({ data: { itemId: item.id, at: daysAgo(days), actor: "system", action: "state", toState: state } });
  }
  return item.id;
}

async function eventAges(itemId: bigint): Promise<number[]> {
  const events = await db().checklistEvent.findMany({ where: { itemId }, orderBy: { at: "asc" } });
  return events.map((event) => Math.round((now.getTime() - event.at.getTime()) / DAY_MS));
}

describe("retention job on PostgreSQL", () => {
  let database: TestDatabase;
  const runs: Record<string, bigint> = {};
  const blobs: Record<string, string> = {};
  const collections: Record<string, bigint> = {};
  const findings: Record<string, bigint> = {};
  const items: Record<string, bigint> = {};
  let busy: string;
  let busyAwsAccountId: string;
  let idle: string;
  let firstPass: Awaited<ReturnType<typeof pruneExpiredData>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ id: busy, awsAccountId: busyAwsAccountId } = await insertAccount({ name: "busy" }));
    idle = (await insertAccount({ name: "idle" })).id;
    for (const [name, days] of [["r0", 600], ["r1", 500], ["r2", 200], ["r3", 100], ["r4", 10]] as const) {
      runs[name] = await insertRun({ createdAt: daysAgo(days) });
    }
    blobs.shared = await storedPart({ users: ["alice"] });
    blobs.oldOnly = await storedPart({ users: ["bob"] });
    blobs.staleLater = await storedPart({ roles: ["admin"] });
    blobs.current = await storedPart({ users: ["alice", "carol"] });
    blobs.idlePart = await storedPart({ users: ["dave"] });

    // busy: unchanged in r1 and r2 (one manifest), changed in r3, and in r4 one part failed and
    // points at r3's copy as stale data.
    const unchanged = manifest(busy, { users: { status: "ok", blob: blobs.shared }, roles: { status: "ok", blob: blobs.oldOnly } });
    const changed = manifest(busy, { users: { status: "ok", blob: blobs.shared }, roles: { status: "ok", blob: blobs.staleLater } });
    const newest = manifest(busy, {
      users: { status: "ok", blob: blobs.shared },
      groups: { status: "ok", blob: blobs.current },
      roles: { status: "error", error: { api: "iam:ListRoles", code: "Throttling", message: "slow down" }, staleBlob: blobs.staleLater, staleCollectedAt: daysAgo(100).toISOString() },
    });
    blobs.unchangedManifest = hashBlob(unchanged).hash;
    blobs.changedManifest = hashBlob(changed).hash;
    blobs.newestManifest = hashBlob(newest).hash;
    collections.busyR1 = await addTestCollection(runs.r1!, busy, { status: "succeeded", manifest: unchanged });
    collections.busyR2 = await addTestCollection(runs.r2!, busy, { status: "succeeded", manifest: unchanged });
    collections.busyR3 = await addTestCollection(runs.r3!, busy, {
      status: "partial",
      manifest: changed,
      partErrors: [{ api: "iam:ListRoles", code: "Throttling", message: "slow down" }],
    });
    collections.busyR4 = await addTestCollection(runs.r4!, busy, { status: "partial", manifest: newest });
    // idle: collected once, long ago, never since: its only collection and snapshot stay.
    const idleManifest = manifest(idle, { users: { status: "ok", blob: blobs.idlePart } });
    blobs.idleManifest = hashBlob(idleManifest).hash;
    collections.idleR1 = await addTestCollection(runs.r1!, idle, { status: "succeeded", manifest: idleManifest });

    for (const [run, score] of [["r1", 10], ["r2", 20], ["r3", 30], ["r4", 40]] as const) {
      await insertAccountScore({ accountId: busy, runId: runs[run]!, score, collectedAt: daysAgo(0) });
    }
    await insertAccountScore({ accountId: idle, runId: runs.r1!, score: 55 });
    await insertOrgScore({ runId: runs.r0!, score: 1 });
    await insertOrgScore({ runId: runs.r4!, score: 44 });

    findings.closedLongAgo = await insertFinding({ accountId: busy, resourceName: "gone", evidence: { gone: true }, firstRunId: runs.r0!, closedRunId: runs.r1! });
    findings.closedLongAgoShared = await insertFinding({ accountId: busy, resourceName: "alice", evidence: { mfa: false }, firstRunId: runs.r0!, closedRunId: runs.r1! });
    findings.openSinceLongAgo = await insertFinding({ accountId: busy, resourceName: "alice", evidence: { mfa: false }, firstRunId: runs.r1! });
    findings.closedInWindow = await insertFinding({ accountId: busy, resourceName: "erin", evidence: { erin: 1 }, firstRunId: runs.r1!, closedRunId: runs.r2! });
    blobs.goneEvidence = hashBlob({ gone: true }).hash;
    blobs.sharedEvidence = hashBlob({ mfa: false }).hash;

    items.open = await insertChecklistItem(busy, "open", { item: "open" }, [500, 450]);
    items.verified = await insertChecklistItem(busy, "verified", { item: "verified" }, [500, 450, 10]);
    items.fixed = await insertChecklistItem(busy, "fixed", { item: "fixed" }, [500, 450]);

    firstPass = await pruneExpiredData(cutoffs);
  });
  afterAll(async () => database?.drop());

  it("clears the snapshot detail of collections older than the snapshot window and marks them pruned", async () => {
    for (const id of [collections.busyR2!, collections.busyR3!]) {
      // (busyR1 had its detail cleared too, then was deleted with the history older than 400 days.)
      const row = await db().accountCollection.findUniqueOrThrow({ where: { id } });
      expect(row.manifestHash).toBeNull();
      expect(row.partErrors).toBeNull();
      expect(row.detailPrunedAt?.getTime()).toBe(now.getTime());
    }
    expect(await blobExists(blobs.unchangedManifest!)).toBe(false);
    expect(await blobExists(blobs.changedManifest!)).toBe(false);
    expect(await blobExists(blobs.oldOnly!)).toBe(false);
  });

  it("keeps part blobs a kept snapshot still points at, as data or as a stale copy", async () => {
    expect(await blobExists(blobs.shared!)).toBe(true);
    expect(await blobExists(blobs.staleLater!)).toBe(true);
    expect(await blobExists(blobs.current!)).toBe(true);
    expect(await blobExists(blobs.newestManifest!)).toBe(true);
    // The pruned manifests' reference rows went with them; the kept ones' stay.
    const references = await db().manifestPart.findMany();
    expect(references.map((row) => `${bytesToHex(row.manifestHash)} ${bytesToHex(row.partHash)}`).sort()).toEqual(
      [
        `${blobs.newestManifest} ${blobs.shared}`,
        `${blobs.newestManifest} ${blobs.current}`,
        `${blobs.newestManifest} ${blobs.staleLater}`,
        `${blobs.idleManifest} ${blobs.idlePart}`,
      ].sort(),
    );
  });

  it("keeps the newest collection and snapshot of every account, however old", async () => {
    const idleRow = await db().accountCollection.findUniqueOrThrow({ where: { id: collections.idleR1! } });
    expect(idleRow.manifestHash && bytesToHex(idleRow.manifestHash)).toBe(blobs.idleManifest);
    expect(idleRow.detailPrunedAt).toBeNull();
    expect(await blobExists(blobs.idleManifest!)).toBe(true);
    expect(await blobExists(blobs.idlePart!)).toBe(true);
    const busyNewest = await db().accountCollection.findUniqueOrThrow({ where: { id: collections.busyR4! } });
    expect(busyNewest.manifestHash).not.toBeNull();
    expect(await db().collectionRun.count({ where: { id: runs.r1! } })).toBe(1);
  });

  it("deletes collections, runs and scores older than the history window except what is current", async () => {
    expect(await db().accountCollection.count({ where: { id: collections.busyR1! } })).toBe(0);
    expect((await db().collectionRun.findMany({ orderBy: { id: "asc" } })).map((run) => run.id)).toEqual([runs.r1, runs.r2, runs.r3, runs.r4]);
    expect((await db().orgScore.findMany()).map((score) => score.runId)).toEqual([runs.r4]);
    const scores = await db().accountScore.findMany({ orderBy: [{ accountId: "asc" }, { runId: "asc" }] });
    expect(scores.filter((score) => score.accountId === busy).map((score) => score.score)).toEqual([20, 30, 40]);
    expect(scores.filter((score) => score.accountId === idle).map((score) => score.score)).toEqual([55]);
  });

  it("deletes finding intervals that ended before the history window, keeping evidence still pointed at", async () => {
    const kept = (await db().finding.findMany({ orderBy: { id: "asc" } })).map((finding) => finding.id);
    expect(kept).toEqual([findings.openSinceLongAgo, findings.closedInWindow]);
    expect(await blobExists(blobs.goneEvidence!)).toBe(false);
    expect(await blobExists(blobs.sharedEvidence!)).toBe(true);
  });

  it("keeps the whole history of an item being worked on and the latest event of any other", async () => {
    expect(await eventAges(items.open!)).toEqual([500, 450]);
    expect(await eventAges(items.verified!)).toEqual([10]);
    expect(await eventAges(items.fixed!)).toEqual([450]);
    expect(await db().checklistItem.count()).toBe(3);
    expect(await blobExists(hashBlob({ item: "fixed" }).hash)).toBe(true);
  });

  it("lets the pages that list collections tell a pruned one from one without errors", async () => {
    const runPage = await getRunAccountsPage(runs.r3!, { page: 1, pageSize: 50 });
    expect(runPage.rows.map((row) => [row.status, row.partErrors, row.detailPruned])).toEqual([["partial", [], true]]);
    const newestRun = await getRunAccountsPage(runs.r4!, { page: 1, pageSize: 50 });
    expect(newestRun.rows.map((row) => row.detailPruned)).toEqual([false]);
    const accountPage = await getAccountPage(busyAwsAccountId);
    expect(accountPage!.recentCollections.map((row) => [row.runId, row.detailPruned])).toEqual([
      [runs.r4, false],
      [runs.r3, true],
      [runs.r2, true],
    ]);
    expect(accountPage!.snapshot?.runId).toBe(runs.r4);
  });

  it("knows a removed run from one that never existed", async () => {
    expect(await isRemovedRunId(runs.r0!)).toBe(true);
    expect(await isRemovedRunId(runs.r1!)).toBe(false);
    expect(await isRemovedRunId(runs.r4! + 1000n)).toBe(false);
  });

  it("reports what it removed, and a second run removes nothing more", async () => {
    expect(firstPass).toMatchObject({
      collectionDetailsPruned: 3,
      findingIntervalsDeleted: 2,
      scoresDeleted: 1,
      checklistEventsDeleted: 3,
      collectionsDeleted: 1,
      runsDeleted: 1,
    });
    // Two manifests, the part only they held, the oldest score's detail, the finding's evidence.
    expect(firstPass.blobsDeleted).toBe(5);
    const blobCount = await db().factBlob.count();
    const second = await pruneExpiredData(cutoffs);
    expect(second).toEqual({
      collectionDetailsPruned: 0,
      findingIntervalsDeleted: 0,
      scoresDeleted: 0,
      checklistEventsDeleted: 0,
      collectionsDeleted: 0,
      runsDeleted: 0,
      blobsDeleted: 0,
      blobBytesDeleted: 0,
    });
    expect(await db().factBlob.count()).toBe(blobCount);
  });
});
