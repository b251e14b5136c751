/**
 * Operator controls on a real PostgreSQL with the real queue and worker: cancelling one account
 * or a whole run, the per-account time budget, the collection scope, and centrally managed
 * root learned through the database.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "@/lib/checks/types";
import { db } from "@/lib/db/client";
import { createCollectionRun, getLatestManifest } from "@/lib/db/collections";
import { getRun } from "@/lib/db/runs";
import { databaseOrganizationsFeatures } from "@/lib/collect/stored-directories";
import { listOrganizationFeatures } from "@/lib/db/organizations-features";
import { regionScopeFor, setAccountRegionScope, setAccountScope } from "@/lib/collect/scope-settings";
import { CURATED_ACCOUNT_IDS, type FaultPlan } from "@/lib/sandbox";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { startSandboxPipeline, type SandboxPipeline } from "@/lib/testing/sandbox-pipeline";
import { cancelCollection } from "./cancel-collection";
import { requestCollection } from "./request-collection";
import { ALL_ACCOUNTS, regionFilter } from "./scope";

const { stagingWeb, prodPayments, securityTooling } = CURATED_ACCOUNT_IDS;
const ACCOUNTS = [stagingWeb, prodPayments, securityTooling];

const hangIn = (...accountIds: string[]): FaultPlan => ({
  rules: accountIds.map((accountId) => ({ accountId, api: "iam:GetAccountAuthorizationDetails", fault: "hang" as const })),
  hangMs: 120_000,
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const statusOf = async (runId: bigint) => {
  const run = await getRun(runId);
  return {
    run: run?.run.status,
    accounts: Object.fromEntries((run?.accounts ?? []).map((row) => [row.awsAccountId, row.status])),
    errors: Object.fromEntries((run?.accounts ?? []).map((row) => [row.awsAccountId, row.error?.code])),
  };
};

const finished = (runId: bigint) =>
  waitFor(`run ${runId} to finish`, async () => {
    const status = await statusOf(runId);
    return status.run && !["queued", "running"].includes(status.run) ? status : undefined;
  });

describe("operator controls", () => {
  let database: TestDatabase;
  let pipeline: SandboxPipeline | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await pipeline?.stop();
    pipeline = undefined;
    await setAccountScope(ALL_ACCOUNTS);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("cancels one hanging account within seconds; the other accounts finish and keep their results", async () => {
    pipeline = await startSandboxPipeline(database.url, { onlyAccounts: ACCOUNTS, faults: hangIn(stagingWeb) });
    const run = await requestCollection(pipeline.boss, { trigger: "manual" });
    const runId = run.runId!;
    await waitFor("the other accounts to finish and staging-web to hang", async () => {
      const status = await statusOf(runId);
      const othersDone = [prodPayments, securityTooling].every((id) => ["succeeded", "partial"].includes(status.accounts[id] ?? ""));
      return othersDone && status.accounts[stagingWeb] === "running" ? true : undefined;
    });
    const cancelledAt = Date.now();
    expect(await cancelCollection({ runId, awsAccountId: stagingWeb, requestedBy: "test" })).toEqual({ cancelledQueued: 0, flaggedRunning: 1, runStatus: null });
    const outcome = await finished(runId);
    expect(Date.now() - cancelledAt).toBeLessThan(5_000);
    expect(outcome.accounts[stagingWeb]).toBe("cancelled");
    expect(outcome.errors[stagingWeb]).toBe("Cancelled");
    expect(["succeeded", "partial"]).toContain(outcome.accounts[prodPayments]);
    expect(outcome.run).toBe("partial");
    const kept = await db().linkedAccount.findUniqueOrThrow({ where: { awsAccountId: prodPayments } });
    expect(kept.lastEvaluatedRunId).toBe(runId);
  }, 90_000);

  it("cancels a whole run: queued accounts at once, running ones at their next heartbeat", async () => {
    pipeline = await startSandboxPipeline(database.url, { onlyAccounts: ACCOUNTS, faults: hangIn(...ACCOUNTS) });
    const run = await requestCollection(pipeline.boss, { trigger: "manual" });
    await waitFor("every account to be running", async () => {
      const status = await statusOf(run.runId!);
      return ACCOUNTS.every((id) => status.accounts[id] === "running") ? true : undefined;
    });
    const result = await cancelCollection({ runId: run.runId!, requestedBy: "test" });
    expect(result.flaggedRunning).toBe(3);
    const outcome = await finished(run.runId!);
    expect(outcome).toMatchObject({ run: "cancelled", accounts: { [stagingWeb]: "cancelled", [prodPayments]: "cancelled", [securityTooling]: "cancelled" } });
  }, 90_000);

  it("a cancel wins over an account that finished collecting but had not committed; one committed before it succeeded; the run says cancelled, by whom", async () => {
    // Each account asks for its thresholds between its AWS calls and its commit. The first to ask
    // goes on and commits; the second waits for that commit, then the whole run is cancelled
    // before either it or the third commits: no heartbeat (a minute away) gets to abort them.
    let asked = 0;
    let cancelled: Promise<unknown> | undefined;
    let runId = 0n;
    const committedAccount = () =>
      waitFor("the first account to commit", async () => {
        const status = await statusOf(runId);
        return Object.values(status.accounts).some((value) => value === "succeeded" || value === "partial") ? true : undefined;
      });
    pipeline = await startSandboxPipeline(database.url, {
      onlyAccounts: ACCOUNTS,
      job: {
        heartbeatMs: 60_000,
        thresholds: async () => {
          asked++;
          if (asked > 1) {
            cancelled ??= committedAccount().then(() => cancelCollection({ runId, requestedBy: "ada@example.com" }));
            await cancelled;
          }
          return DEFAULT_THRESHOLDS;
        },
      },
    });
    const before = await db().linkedAccount.findMany({ where: { awsAccountId: { in: ACCOUNTS } }, select: { awsAccountId: true, lastEvaluatedRunId: true } });
    runId = (await requestCollection(pipeline.boss, { trigger: "manual" })).runId!;
    const outcome = await finished(runId);

    const byStatus = Object.values(outcome.accounts).sort();
    expect(byStatus.filter((status) => status === "cancelled")).toHaveLength(2);
    expect(byStatus.filter((status) => status === "succeeded" || status === "partial")).toHaveLength(1);
    expect(outcome.run).toBe("cancelled");
    const run = (await getRun(runId))!;
    expect(run.run).toMatchObject({ status: "cancelled", cancelRequestedBy: "ada@example.com", accountsCancelled: 2, accountsFailed: 0 });
    for (const row of run.accounts.filter((account) => account.status === "cancelled")) {
      expect(row).toMatchObject({ cancelRequestedBy: "ada@example.com", error: { code: "Cancelled" } });
      expect(row.cancelRequestedAt).toEqual(run.run.cancelRequestedAt);
      // Nothing of a cancelled account's collection became current.
      const account = await db().linkedAccount.findUniqueOrThrow({ where: { awsAccountId: row.awsAccountId } });
      expect(account.lastEvaluatedRunId).toBe(before.find((entry) => entry.awsAccountId === row.awsAccountId)?.lastEvaluatedRunId ?? null);
      expect(await db().accountScore.count({ where: { accountId: account.id, runId } })).toBe(0);
    }
  }, 90_000);

  it("closes a run at once when cancelling leaves nothing running", async () => {
    // Recorded without a queue, so no worker ever takes its accounts: they stay queued.
    const run = await createCollectionRun({ trigger: "manual", awsAccountIds: ACCOUNTS });
    expect(await cancelCollection({ runId: run.runId!, requestedBy: "cli" })).toEqual({ cancelledQueued: 3, flaggedRunning: 0, runStatus: "cancelled" });
    const cancelled = (await getRun(run.runId!))!;
    expect(cancelled.run).toMatchObject({ status: "cancelled", cancelRequestedBy: "cli", accountsCancelled: 3, accountsFailed: 0 });
    expect(cancelled.accounts.map((row) => [row.status, row.cancelRequestedBy, row.cancelRequestedAt?.getTime()])).toEqual(
      ACCOUNTS.map(() => ["cancelled", "cli", cancelled.run.cancelRequestedAt!.getTime()]),
    );
  });

  it("stops an account over its time budget as timed out, and its next collection is not blocked", async () => {
    pipeline = await startSandboxPipeline(database.url, { onlyAccounts: ACCOUNTS, faults: hangIn(stagingWeb), job: { timeBudgetMs: 1_500 } });
    const first = await pipeline.collect({ awsAccountIds: [stagingWeb] });
    const status = await statusOf(first.runId);
    expect(status.accounts[stagingWeb]).toBe("timed_out");
    expect(status.errors[stagingWeb]).toBe("TimedOut");
    await pipeline.stop();
    pipeline = await startSandboxPipeline(database.url, { onlyAccounts: ACCOUNTS });
    const next = await pipeline.collect({ awsAccountIds: [stagingWeb] });
    expect((await statusOf(next.runId)).accounts[stagingWeb]).toMatch(/^(succeeded|partial)$/);
  }, 90_000);

  it("collects only the accounts in scope, and only each account's regions in scope", async () => {
    await setAccountScope({ include: { accountIds: [], tags: [], ouPaths: [] }, exclude: { accountIds: [securityTooling], tags: [], ouPaths: [] } });
    await setAccountRegionScope(prodPayments, { mode: "deny", regions: ["eu-west-1"] });
    pipeline = await startSandboxPipeline(database.url, {
      onlyAccounts: ACCOUNTS,
      job: { regionScope: async (account) => regionFilter(await regionScopeFor(account.awsAccountId)) },
    });
    const run = await requestCollection(pipeline.boss, { trigger: "manual" });
    expect(run.outOfScope).toEqual([{ awsAccountId: securityTooling, reason: `excluded by account ${securityTooling}` }]);
    expect(run.queued.map((item) => item.awsAccountId).sort()).toEqual([prodPayments, stagingWeb].sort());
    await finished(run.runId!);
    const collection = await db().accountCollection.findFirstOrThrow({ where: { runId: run.runId!, account: { awsAccountId: prodPayments } } });
    const manifest = (await getLatestManifest(collection.accountId))!.manifest;
    expect(manifest.parts["ec2.instances@eu-west-1"]).toEqual({ status: "skipped", reason: "out_of_scope" });
    expect(manifest.parts["ec2.instances@us-east-1"]).toMatchObject({ status: "ok" });
    const deniedFindings = await db().finding.count({ where: { accountId: collection.accountId, region: "eu-west-1", closedRunId: null, status: "pass" } });
    expect(deniedFindings).toBe(0);
    await setAccountRegionScope(prodPayments, undefined);
  }, 90_000);

  it("passes a member account's root checks once its organization's features were read in another account", async () => {
    pipeline = await startSandboxPipeline(database.url, { onlyAccounts: ACCOUNTS, job: { organizationsFeatures: databaseOrganizationsFeatures } });
    await pipeline.collect();
    expect((await listOrganizationFeatures()).map((observation) => observation.enabledFeatures)).toEqual([["RootCredentialsManagement", "RootSessions"]]);
    // The second run sees what the first read, whichever account was collected first.
    await pipeline.collect();
    const account = await db().linkedAccount.findUniqueOrThrow({ where: { awsAccountId: stagingWeb } });
    const rootMfa = await db().finding.findFirstOrThrow({ where: { accountId: account.id, checkId: "root.mfa", closedRunId: null } });
    expect(rootMfa.status).toBe("pass");
    expect(rootMfa.reason).toContain("manages member accounts' root credentials centrally");
  }, 120_000);
});
