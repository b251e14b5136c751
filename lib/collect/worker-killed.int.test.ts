/**
 * A worker process killed mid-account (SIGKILL: no shutdown code runs) on a real PostgreSQL:
 * the collection it held is found by its stale heartbeat and marked interrupted, nothing the
 * account had committed before is lost, and the account's next collection completes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getRun } from "@/lib/db/runs";
import { startBoss } from "@/lib/jobs/boss";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { startSandboxPipeline } from "@/lib/testing/sandbox-pipeline";
import { requestCollection } from "./request-collection";
import { recoverLostWork } from "./worker";

const ACCOUNT = CURATED_ACCOUNT_IDS.stagingWeb;
const ROOT = path.resolve(import.meta.dirname, "../..");
const STALE_AFTER_MS = 1_500;

function startWorkerProcess(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--require", "./scripts/server-only-preload.cjs", "--import", "tsx", "lib/testing/sandbox-worker-process.ts"],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, IAMFIT_TEST_HANG_ACCOUNT: ACCOUNT, IAMFIT_TEST_ACCOUNTS: ACCOUNT },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker process did not start:\n${output}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("worker ready")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`the worker process exited with ${code}:\n${output}`)));
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("a worker process killed mid-account", () => {
  let database: TestDatabase;
  let boss: PgBoss;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    boss = await startBoss(database.url);
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill("SIGKILL");
    await boss?.stop({ graceful: false, wait: true, timeout: 5_000 }).catch(() => undefined);
    await database?.drop();
  });

  it("is detected by its stale heartbeat, loses nothing committed, and does not block the next run", async () => {
    // A good collection first: what must survive the crash.
    const first = await startSandboxPipeline(database.url, { onlyAccounts: [ACCOUNT] });
    const baseline = await first.collect();
    await first.stop();
    const account = await db().linkedAccount.findUniqueOrThrow({ where: { awsAccountId: ACCOUNT } });
    expect(account.lastEvaluatedRunId).toBe(baseline.runId);
    const openFindings = await db().finding.count({ where: { accountId: account.id, closedRunId: null } });

    worker = await startWorkerProcess(database.url);
    const run = await requestCollection(boss, { trigger: "manual", awsAccountIds: [ACCOUNT] });
    const collectionId = run.queued[0]!.collectionId;
    // Mid-account: claimed, heartbeating, some parts done, the hanging one still waiting.
    await waitFor("the worker process to be mid-account", async () => {
      const row = await db().accountCollection.findUniqueOrThrow({ where: { id: collectionId } });
      return row.status === "running" && row.progressDone > 0 && row.heartbeatAt && Date.now() - row.heartbeatAt.getTime() < 1_000 ? row : undefined;
    });

    worker.kill("SIGKILL");
    await new Promise((resolve) => worker!.once("exit", resolve));
    const killedAt = Date.now();

    // Within the stale window it still looks alive: it must not be taken for lost too early.
    await recoverLostWork(() => undefined, STALE_AFTER_MS);
    expect((await db().accountCollection.findUniqueOrThrow({ where: { id: collectionId } })).status).toBe("running");

    await new Promise((resolve) => setTimeout(resolve, STALE_AFTER_MS));
    const lines: string[] = [];
    await recoverLostWork((line) => lines.push(line), STALE_AFTER_MS);
    const lost = await db().accountCollection.findUniqueOrThrow({ where: { id: collectionId } });
    expect(lost.status).toBe("interrupted");
    expect(lost.error).toMatchObject({ code: "WorkerLost" });
    expect(lost.finishedAt!.getTime() - killedAt).toBeLessThan(STALE_AFTER_MS + 2_000);
    expect((await getRun(run.runId!))!.run.status).toBe("interrupted");
    expect(lines).toEqual([`run ${run.runId}: collections lost with a stopped worker were marked interrupted; run interrupted`]);

    const afterCrash = await db().linkedAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(afterCrash.lastEvaluatedRunId).toBe(baseline.runId);
    expect(await db().finding.count({ where: { accountId: account.id, closedRunId: null } })).toBe(openFindings);

    const next = await startSandboxPipeline(database.url, { onlyAccounts: [ACCOUNT] });
    try {
      const completed = await next.collect({ awsAccountIds: [ACCOUNT] });
      expect(["succeeded", "partial"]).toContain(completed.status);
      expect((await db().linkedAccount.findUniqueOrThrow({ where: { id: account.id } })).lastEvaluatedRunId).toBe(completed.runId);
    } finally {
      await next.stop();
    }
  }, 180_000);
});
