/**
 * Integration-test harness: a sandbox organization linked in a fresh test database, with the
 * real job queue, worker, collectors and commit path. Only the client factory is the sandbox's.
 */
import type PgBoss from "pg-boss";
import { DEFAULT_THRESHOLDS } from "@/lib/checks/types";
import { createAccountClients } from "@/lib/aws/client-factory";
import type { CollectionJobContext } from "@/lib/collect/collection-job";
import { startCollectionWorker } from "@/lib/collect/worker";
import { requestCollection } from "@/lib/collect/request-collection";
import { getLinkedAccount, linkAccount } from "@/lib/db/accounts";
import { getRun } from "@/lib/db/runs";
import { startBoss } from "@/lib/jobs/boss";
import { callCounterPlugin } from "@/lib/runtime/call-counter";
import { createSandboxWorld, sandboxPlugin, SANDBOX_BASE_CREDENTIALS, type FaultPlan, type SandboxWorld } from "@/lib/sandbox";

export const TEST_EXTERNAL_ID = "iamfit-test-external-id";
export const TEST_NOW = new Date("2026-11-20T12:00:00Z");

export interface SandboxPipeline {
  world: SandboxWorld;
  boss: PgBoss;
  collect(options?: { awsAccountIds?: string[]; kind?: "collect" | "evaluate" }): Promise<{ runId: bigint; status: string }>;
  stop(): Promise<void>;
}

export async function startSandboxPipeline(
  databaseUrl: string,
  options: {
    faults?: FaultPlan;
    generatedAccounts?: number;
    onlyAccounts?: string[];
    /** Worker settings a test changes: time budget, region scope, organization features directory… */
    job?: Partial<Omit<CollectionJobContext, "clientsFor">>;
  } = {},
): Promise<SandboxPipeline> {
  const world = createSandboxWorld({ seed: 42, now: TEST_NOW, externalId: TEST_EXTERNAL_ID, generatedAccounts: options.generatedAccounts ?? 0 });
  for (const account of world.accounts()) {
    if (options.onlyAccounts && !options.onlyAccounts.includes(account.accountId)) continue;
    // A test may start several pipelines on one database, one after another.
    if (await getLinkedAccount(account.accountId)) continue;
    await linkAccount(
      { accountId: account.accountId, roleArn: account.roleArn, externalId: TEST_EXTERNAL_ID, name: account.name, tags: account.tags },
      "sandbox",
    );
  }
  const plugin = sandboxPlugin(world, options.faults);
  const boss = await startBoss(databaseUrl);
  const worker = await startCollectionWorker({
    boss,
    concurrency: 4,
    intervalHours: 0,
    log: () => undefined,
    job: {
      thresholds: async () => DEFAULT_THRESHOLDS,
      heartbeatMs: 200,
      ...options.job,
      clientsFor: (account) => {
        const counter = callCounterPlugin();
        const clients = createAccountClients(
          { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [counter.plugin, plugin], maxAttempts: 3 },
          { accountId: account.awsAccountId, roleArn: account.roleArn, externalId: account.externalId },
        );
        return { clients, apiCalls: counter.count };
      },
    },
  });
  return {
    world,
    boss,
    async collect(collectOptions = {}) {
      const run = await requestCollection(boss, { trigger: "cli", ...collectOptions });
      if (run.runId === null) throw new Error(`nothing queued (already active: ${run.alreadyActive.join(", ")})`);
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const current = await getRun(run.runId);
        if (current && !["queued", "running"].includes(current.run.status)) {
          return { runId: run.runId, status: current.run.status };
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`collection ${run.runId} did not finish in 120 s`);
    },
    async stop() {
      await worker.stop();
      await boss.stop({ graceful: false, wait: true, timeout: 5000 }).catch(() => undefined);
    },
  };
}
