/**
 * `npm run bench:collect -- --accounts 1000 --latency-ms 40`
 * A full collection of a generated sandbox organization with injected per-call latency, through
 * the same worker, collectors and database code as production. Prints wall time, API calls,
 * calls per second, the lower bound implied by the default concurrency limits, the ratio to it,
 * CPU time, the SDK clients built (lib/aws/client-pool.ts), peak RSS over the whole bench, and
 * database bytes per account-run after unchanged collections.
 *
 * It measures iamfit's own overhead, so requests are not paced by the per-account request rates
 * (IAMFIT_REQUEST_RATES): the floor those rates alone would put under the same collection is
 * printed beside it.
 *
 * Storage is measured twice (DESIGN.md, "Scale"): the second, unchanged run as it lands, with the
 * dead row versions its updates leave; and the live data a third unchanged run adds, between two
 * compacted states (VACUUM FULL before and after it). The second is what a run costs until
 * autovacuum passes; the third is what it costs for good, since autovacuum makes the space of dead
 * versions reusable by the next runs.
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import pg from "pg";
import { DEFAULT_THRESHOLDS } from "@/lib/checks/types";
import { createAccountClients } from "@/lib/aws/client-factory";
import { clientPool } from "@/lib/aws/client-pool";
import { AWS_SERVICES, DEFAULT_LIMITS, type AwsService } from "@/lib/aws/limits";
import { resolveRequestRates, serviceFamily } from "@/lib/aws/rate-limit-plugin";
import { requestCollection } from "@/lib/collect/request-collection";
import { startCollectionWorker } from "@/lib/collect/worker";
import { linkAccount } from "@/lib/db/accounts";
import { disconnectDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { getRunSummary } from "@/lib/db/runs";
import { parseEnv } from "@/lib/env";
import { startBoss } from "@/lib/jobs/boss";
import { callCounterPlugin } from "@/lib/runtime/call-counter";
import { createSandboxWorld, sandboxPlugin, SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "200" },
    "latency-ms": { type: "string", default: "40" },
    concurrency: { type: "string" },
    seed: { type: "string", default: "7" },
    // --first-run-only: the first collection's figures alone (wall time, ratio, CPU, peak RSS), without
    // the two unchanged collections that measure storage: at 5,000 accounts each takes ~20 minutes.
    "first-run-only": { type: "boolean", default: false },
    // Writes a heap snapshot after the first collection (Chrome DevTools' Memory tab reads it).
    "heap-snapshot": { type: "string" },
  },
});
const accounts = Number(values.accounts);
const latencyMs = Number(values["latency-ms"]);
const accountConcurrency = Number(values.concurrency ?? parseEnv().IAMFIT_ACCOUNT_CONCURRENCY);

const peak = { rss: 0, heapUsed: 0 };
const memoryTimer = setInterval(() => {
  const usage = process.memoryUsage();
  peak.rss = Math.max(peak.rss, usage.rss);
  peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
}, 100);

/** Table + index + TOAST sizes of iamfit's own tables (pg-boss's queue tables are excluded), per table. */
async function tableBytes(client: pg.Client): Promise<Map<string, number>> {
  const result = await client.query<{ table: string; bytes: string }>(
    `SELECT c.relname AS table, pg_total_relation_size(c.oid)::bigint AS bytes FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`,
  );
  return new Map(result.rows.map((row) => [row.table, Number(row.bytes)]));
}

const sum = (sizes: Map<string, number>) => [...sizes.values()].reduce((total, bytes) => total + bytes, 0);
const perAccount = (after: Map<string, number>, before: Map<string, number>) => Math.round((sum(after) - sum(before)) / accounts);

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "iamfit-bench-"));
  await chmod(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: dir, preferredPort: 0 });
  process.env.DATABASE_URL = database.url;
  await migrate(database.url);
  // The bench's own connection, outside the worker's pool: table sizes and the run's status.
  const sizes = new pg.Client({ connectionString: database.url });
  await sizes.connect();

  const externalId = "iamfit-bench-external-id";
  // The sandbox stands in for AWS: it need only keep the accounts being collected built (its
  // default keeps 100, whose memory would count against iamfit's peak RSS here).
  const world = createSandboxWorld({
    seed: Number(values.seed),
    generatedAccounts: accounts,
    externalId,
    cacheSize: Math.max(32, accountConcurrency * 4),
  });
  const worldAccounts = world.accounts().slice(-accounts); // the generated ones: realistic, no built-in faults
  for (const account of worldAccounts) {
    await linkAccount(
      { accountId: account.accountId, roleArn: account.roleArn, externalId, name: account.name, tags: account.tags },
      "sandbox",
    );
  }
  const plugin = sandboxPlugin(world, { latencyMs });
  const boss = await startBoss(database.url);
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

  /** The second and third collections: storage of unchanged account-runs, as they land and for good. */
  async function measureUnchangedRuns(afterFirst: Map<string, number>) {
    const second = await collectOnce();
    const afterSecond = await tableBytes(sizes);
    await sizes.query("VACUUM FULL");
    const compacted = await tableBytes(sizes);
    const third = await collectOnce();
    await sizes.query("VACUUM FULL");
    const afterThird = await tableBytes(sizes);
    return { afterFirst, second, afterSecond, compacted, third, afterThird };
  }

  async function collectOnce() {
    const started = Date.now();
    const cpuBefore = process.cpuUsage();
    const run = await requestCollection(boss, { trigger: "cli" });
    if (run.runId === null) throw new Error("nothing to collect");
    for (;;) {
      // One indexed row read on the bench's own connection, 5 times a second: the poll must not
      // add to the worker's load what it measures.
      const { rows } = await sizes.query<{ status: string }>("SELECT status FROM collection_run WHERE id = $1", [String(run.runId)]);
      if (rows[0] && !["queued", "running"].includes(rows[0].status)) {
        const wallMs = Date.now() - started;
        const cpu = process.cpuUsage(cpuBefore);
        const summary = await getRunSummary(run.runId);
        if (!summary) throw new Error(`run ${run.runId} vanished`);
        return {
          wallMs,
          cpuMs: (cpu.user + cpu.system) / 1000,
          calls: summary.apiCalls,
          status: summary.status,
          failed: summary.accountsFailed,
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const before = await tableBytes(sizes);
  world.resetStats();
  const first = await collectOnce();
  const firstRunCallsByApi = world.stats().byApi;
  const sdkClientsBuilt = clientPool.clientsBuilt;
  const afterFirst = await tableBytes(sizes);
  if (values["heap-snapshot"]) console.error(`heap snapshot: ${v8.writeHeapSnapshot(values["heap-snapshot"])}`);
  const storage = values["first-run-only"] ? undefined : await measureUnchangedRuns(afterFirst);

  const perAccountInFlight = DEFAULT_LIMITS.perAccount;
  const concurrency = accountConcurrency * perAccountInFlight;
  const throughputBoundMs = (first.calls * latencyMs) / concurrency;
  const slowestAccountCalls = Math.max(...callsPerAccount.values());
  const criticalPathMs = (slowestAccountCalls * latencyMs) / perAccountInFlight;
  const lowerBoundMs = Math.max(throughputBoundMs, criticalPathMs);
  // Each family's calls at its default rate, spread over the accounts in flight: a floor, not an estimate.
  const rates = resolveRequestRates(undefined);
  const callsByFamily = new Map<string, number>();
  for (const [api, calls] of Object.entries(firstRunCallsByApi)) {
    const service = api.split(":")[0] as AwsService;
    if (!AWS_SERVICES.includes(service)) continue;
    const family = serviceFamily(service);
    callsByFamily.set(family, (callsByFamily.get(family) ?? 0) + calls);
  }
  const pacedFloorMs = Math.max(
    0,
    ...[...callsByFamily].flatMap(([family, calls]) => {
      const rate = rates[family as keyof typeof rates];
      return rate > 0 ? [((calls / rate) * 1000) / accountConcurrency] : [];
    }),
  );
  const figures = {
    accounts,
    latencyMs,
    accountConcurrency,
    perAccountInFlight,
    runStatus: `${first.status} (${first.failed} failed)`,
    wallSeconds: +(first.wallMs / 1000).toFixed(2),
    apiCalls: first.calls,
    callsPerSecond: Math.round(first.calls / (first.wallMs / 1000)),
    lowerBoundSeconds: +(lowerBoundMs / 1000).toFixed(2),
    lowerBoundFrom: throughputBoundMs >= criticalPathMs ? "calls x latency / concurrency" : "slowest account's critical path",
    ratioToLowerBound: +(first.wallMs / lowerBoundMs).toFixed(2),
    defaultRequestRatesFloorSeconds: +(pacedFloorMs / 1000).toFixed(1),
    cpuSeconds: +(first.cpuMs / 1000).toFixed(1),
    cpuMsPerCall: +(first.cpuMs / first.calls).toFixed(3),
    sdkClientsBuilt,
    peakRssMB: Math.round(peak.rss / 1024 / 1024),
    peakHeapUsedMB: Math.round(peak.heapUsed / 1024 / 1024),
    firstRunDbBytesPerAccount: perAccount(afterFirst, before),
    ...(storage && {
      secondRunWallSeconds: +(storage.second.wallMs / 1000).toFixed(2),
      secondRunCpuSeconds: +(storage.second.cpuMs / 1000).toFixed(1),
      unchangedRunDbBytesPerAccountRun: perAccount(storage.afterSecond, storage.afterFirst),
      liveDbBytesPerUnchangedAccountRun: perAccount(storage.afterThird, storage.compacted),
      thirdRunWallSeconds: +(storage.third.wallMs / 1000).toFixed(2),
    }),
  };
  console.table(Object.entries(figures).map(([figure, value]) => ({ figure, value })));
  if (storage) {
    const { afterFirst: first, afterSecond, compacted, afterThird } = storage;
    console.log("Bytes per unchanged account-run by table: as it lands / live data");
    console.table(
      [...afterThird.keys()]
        .map((table) => ({
          table,
          unchanged: Math.round(((afterSecond.get(table) ?? 0) - (first.get(table) ?? 0)) / accounts),
          live: Math.round(((afterThird.get(table) ?? 0) - (compacted.get(table) ?? 0)) / accounts),
        }))
        .filter((row) => row.unchanged !== 0 || row.live !== 0),
    );
  }
  console.log(JSON.stringify(figures));

  clearInterval(memoryTimer);
  await sizes.end();
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
