/**
 * The whole collection path on a real PostgreSQL: queue, worker, collectors against the sandbox
 * organization, atomic commit, findings as intervals, scores, and what happens on failure.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAccountSnapshot } from "./stored-snapshot";
import { getBlobs } from "@/lib/db/blobs";
import { db } from "@/lib/db/client";
import { claimCollection, createCollectionRun, getLatestManifest, interruptStaleCollections } from "@/lib/db/collections";
import { getRun } from "@/lib/db/runs";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { startSandboxPipeline, type SandboxPipeline } from "@/lib/testing/sandbox-pipeline";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox";

describe("collecting the sandbox organization", () => {
  let database: TestDatabase;
  let pipeline: SandboxPipeline;
  let firstRun: { runId: bigint; status: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    pipeline = await startSandboxPipeline(database.url);
    firstRun = await pipeline.collect();
  }, 180_000);
  afterAll(async () => {
    await pipeline?.stop();
    await database?.drop();
  });

  it("collects every account and fails only the one whose role cannot be assumed, precisely", async () => {
    const run = (await getRun(firstRun.runId))!;
    expect(run.run.accountsTotal).toBe(pipeline.world.accounts().length);
    expect(run.run.accountsDone).toBe(run.run.accountsTotal);
    const failed = run.accounts.filter((account) => account.status === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toMatchObject({ api: "sts:AssumeRole", code: "AccessDenied" });
    expect(failed[0]!.error!.message).toMatch(/ExternalId|trust policy/);
    expect(run.accounts.filter((account) => ["succeeded", "partial"].includes(account.status)).length).toBe(
      run.run.accountsTotal - 1,
    );
    expect(["partial", "succeeded"]).toContain(firstRun.status);
    expect(run.run.apiCalls).toBeGreaterThan(run.run.accountsTotal * 20);
  });

  it("stores a snapshot, findings and a score for each collected account", async () => {
    const accounts = await db().linkedAccount.findMany({ where: { lastStatus: { in: ["succeeded", "partial"] } } });
    expect(accounts.length).toBeGreaterThan(0);
    let reports = 0;
    for (const account of accounts) {
      expect(account.lastEvaluatedRunId).toBe(firstRun.runId);
      const manifest = await getLatestManifest(account.id);
      expect(Object.keys(manifest!.manifest.parts)).toContain("iam.credentialReport");
      // The report's generation time is kept with the collection, not in the report's blob, and
      // the rebuilt snapshot has it back.
      const report = manifest!.manifest.parts["iam.credentialReport"]!;
      if (report.status === "ok") {
        reports++;
        expect(manifest!.reportGeneratedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect((await getBlobs([report.blob])).get(report.blob)).not.toHaveProperty("generatedAt");
        const rebuilt = await getAccountSnapshot({ id: account.id, lastEvaluatedRunId: String(account.lastEvaluatedRunId) });
        expect(rebuilt!.parts["iam.credentialReport"]).toMatchObject({ status: "ok", data: { generatedAt: manifest!.reportGeneratedAt } });
      }
      const findings = await db().finding.count({ where: { accountId: account.id, closedRunId: null } });
      expect(findings).toBeGreaterThan(5);
      const score = await db().accountScore.findUnique({
        where: { accountId_runId: { accountId: account.id, runId: firstRun.runId } },
        select: { score: true, passed: true, failed: true },
      });
      expect(score).not.toBeNull();
      expect(score!.passed + score!.failed).toBeGreaterThan(0);
    }
    expect(reports).toBeGreaterThan(accounts.length / 2);
    const org = await db().orgScore.findUnique({ where: { runId: firstRun.runId } });
    expect(org?.accountsAssessed).toBe(accounts.length);
  });

  it("stores nothing new for accounts that did not change in a second collection", async () => {
    const second = await pipeline.collect();
    expect(second.runId).toBeGreaterThan(firstRun.runId);
    const rows = await db().accountCollection.findMany({
      where: { runId: { in: [firstRun.runId, second.runId] }, manifestHash: { not: null } },
      select: { accountId: true, runId: true, manifestHash: true, account: { select: { awsAccountId: true } } },
    });
    const hashes = new Map<string, Set<string>>();
    for (const row of rows) {
      const set = hashes.get(row.account.awsAccountId) ?? new Set();
      set.add(Buffer.from(row.manifestHash!).toString("hex"));
      hashes.set(row.account.awsAccountId, set);
    }
    // Only the account whose API calls throttle at random can look different between runs.
    const changed = [...hashes].filter(([, set]) => set.size > 1).map(([id]) => id);
    expect(changed.filter((id) => id !== CURATED_ACCOUNT_IDS.mediaStreaming)).toEqual([]);
    expect(hashes.size).toBeGreaterThanOrEqual(9);
    const opened = await db().finding.findMany({
      where: { firstRunId: second.runId },
      select: { account: { select: { awsAccountId: true } } },
    });
    expect(new Set(opened.map((row) => row.account.awsAccountId))).toEqual(new Set(changed));
  }, 120_000);

  it("makes a second active collection of the same account impossible", async () => {
    const [account] = await db().linkedAccount.findMany({ take: 1, where: { lastStatus: "succeeded" } });
    const first = await createCollectionRun({ trigger: "cli", awsAccountIds: [account!.awsAccountId] });
    const second = await createCollectionRun({ trigger: "cli", awsAccountIds: [account!.awsAccountId] });
    expect(first.queued).toHaveLength(1);
    expect(second).toEqual({ runId: null, queued: [], alreadyActive: [account!.awsAccountId] });
    // Leave the queued row to the running worker: it finishes it like any other.
    await db().accountCollection.update({ where: { id: first.queued[0]!.collectionId }, data: { status: "cancelled" } });
  });

  it("marks a collection whose worker died as interrupted, keeps the last good data, and lets the next run complete", async () => {
    const account = (await db().linkedAccount.findFirst({ where: { lastStatus: "succeeded" } }))!;
    const lastGoodRun = account.lastEvaluatedRunId;
    const run = await createCollectionRun({ trigger: "cli", awsAccountIds: [account.awsAccountId] });
    // A worker takes the job and dies: no heartbeat ever again.
    const claimed = await claimCollection(run.queued[0]!.collectionId);
    expect(claimed).not.toBeNull();
    await db().accountCollection.update({
      where: { id: run.queued[0]!.collectionId },
      data: { heartbeatAt: new Date(Date.now() - 10 * 60_000) },
    });
    const affected = await interruptStaleCollections(60_000);
    expect(affected).toEqual([run.runId]);
    const interrupted = (await getRun(run.runId!))!;
    expect(interrupted.accounts[0]).toMatchObject({ status: "interrupted", error: { code: "WorkerLost" } });
    const afterLoss = await db().linkedAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(afterLoss.lastEvaluatedRunId).toBe(lastGoodRun);
    const next = await pipeline.collect({ awsAccountIds: [account.awsAccountId] });
    expect(next.status).toBe("succeeded");
  }, 60_000);
});
