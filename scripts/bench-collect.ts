/**
 * `npm run bench:collect -- --accounts 1000 --latency-ms 40`
 * A full collection of a generated sandbox organization with injected per-call latency, through
 * the same worker, collectors and database code as production. Prints wall time, API calls,
 * calls per second, the lower bound implied by the default concurrency limits, the ratio to it,
 * peak RSS, and database bytes per account-run after a second, unchanged collection.
 */
import { mkdtemp, rm, chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { parseArgs } from "node:util";
import { DEFAULT_THRESHOLDS } from "@/lib/checks/types";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { disconnectDb } from "@/lib/db/client";
import { linkAccount } from "@/lib/db/accounts";
import { getRun } from "@/lib/db/runs";
import { startBoss } from "@/lib/jobs/boss";
import { requestCollection } from "@/lib/collect/request-collection";
import { startCollectionWorker } from "@/lib/collect/worker";
import { createSandboxWorld, sandboxPlugin, SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox";
import { createAccountClients } from "@/lib/aws/client-factory";
import { DEFAULT_LIMITS } from "@/lib/aws/limits";
import { callCounterPlugin } from "@/lib/runtime/call-counter";
import { parseEnv } from "@/lib/env";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "200" },
    "latency-ms": { type: "string", default: "40" },
    concurrency: { type: "string" },
    seed: { type: "string", default: "7" },
  },
});
const accounts = Number(values.accounts);
const latencyMs = Number(values["latency-ms"]);
const accountConcurrency = Number(values.concurrency ?? parseEnv().IAMFIT_ACCOUNT_CONCURRENCY);

let peakRss = 0;
const rssTimer = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

async function databaseBytes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Table + index + TOAST sizes of iamfit's own tables (pg-boss's queue tables are excluded).
  const result = await client.query<{ bytes: string }>(
    `SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`,
  );
  await client.end();
  return Number(result.rows[0]?.bytes ?? 0);
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "iamfit-bench-"));
  await chmod(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: dir, preferredPort: 0 });
  process.env.DATABASE_URL = database.url;
  await migrate(database.url);

  const externalId = "iamfit-bench-external-id";
  const world = createSandboxWorld({ seed: Number(values.seed), generatedAccounts: accounts, externalId });
  const worldAccounts = world.accounts().slice(-accounts); // the generated ones: realistic, no built-in faults
  for (const account of worldAccounts) {
    await linkAccount(
      { accountId: account.accountId, roleArn: account.roleArn, externalId, name: account.name, tags: account.tags },
      "sandbox",
    );
  }
  const plugin = sandboxPlugin(world, { latencyMs });
  const boss = await startBoss(database.url);
  let totalCalls = 0;
  const callsPerAccount = new Map<string, number>();
  const worker = await startCollectionWorker({
    boss,
    concurrency: accountConcurrency,
    intervalHours: 0,
    log: () => undefined,
    job: {
      thresholds: async () => DEFAULT_THRESHOLDS,
      clientsFor: (account) => {
        const counter = callCounterPlugin();
        const clients = createAccountClients(
          { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [counter.plugin, plugin] },
          { accountId: account.awsAccountId, roleArn: account.roleArn, externalId: account.externalId },
        );
        return {
          clients,
          apiCalls: () => {
            const calls = counter.count();
            callsPerAccount.set(account.awsAccountId, calls);
            return calls;
          },
        };
      },
    },
  });

  async function collectOnce(): Promise<{ wallMs: number; calls: number; status: string }> {
    const started = Date.now();
    const run = await requestCollection(boss, { trigger: "cli" });
    if (run.runId === null) throw new Error("nothing to collect");
    for (;;) {
      const current = await getRun(run.runId);
      if (current && !["queued", "running"].includes(current.run.status)) {
        return { wallMs: Date.now() - started, calls: current.run.apiCalls, status: current.run.status };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  const bytesBefore = await databaseBytes(database.url);
  const first = await collectOnce();
  totalCalls = first.calls;
  const bytesAfterFirst = await databaseBytes(database.url);
  const second = await collectOnce();
  const bytesAfterSecond = await databaseBytes(database.url);

  const perAccountInFlight = DEFAULT_LIMITS.perAccount;
  const concurrency = accountConcurrency * perAccountInFlight;
  const boundMs = (totalCalls * latencyMs) / concurrency;
  const slowestAccountCalls = Math.max(...callsPerAccount.values());
  const criticalPathMs = (slowestAccountCalls * latencyMs) / perAccountInFlight;
  const lowerBoundMs = Math.max(boundMs, criticalPathMs);
  const figures = {
    accounts,
    latencyMs,
    accountConcurrency,
    perAccountInFlight,
    runStatus: first.status,
    wallSeconds: +(first.wallMs / 1000).toFixed(2),
    apiCalls: totalCalls,
    callsPerSecond: Math.round(totalCalls / (first.wallMs / 1000)),
    lowerBoundSeconds: +(lowerBoundMs / 1000).toFixed(2),
    ratioToLowerBound: +(first.wallMs / lowerBoundMs).toFixed(2),
    peakRssMB: Math.round(peakRss / 1024 / 1024),
    firstRunDbBytesPerAccount: Math.round((bytesAfterFirst - bytesBefore) / accounts),
    secondRunWallSeconds: +(second.wallMs / 1000).toFixed(2),
    unchangedRunDbBytesPerAccountRun: Math.round((bytesAfterSecond - bytesAfterFirst) / accounts),
  };
  console.table(Object.entries(figures).map(([figure, value]) => ({ figure, value })));
  console.log(JSON.stringify(figures));

  clearInterval(rssTimer);
  await worker.stop();
  await boss.stop({ graceful: false, wait: true, timeout: 5000 }).catch(() => undefined);
  await disconnectDb();
  await database.stop();
  await rm(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
