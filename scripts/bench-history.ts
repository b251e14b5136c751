/**
 * `npm run bench:history -- --accounts 1000 --days 365 --every 6`
 * Builds a year of collections in a dedicated database through the real storage path
 * (lib/bench/history-builder.ts; drift rates in lib/bench/history-drift.ts and the README), then
 * prints runs, account-runs, database size, bytes per unchanged and per changed account-run, the
 * time it took, and the size after the retention job's pruning.
 *
 * The database (lib/bench/bench-database.ts): --database-url, else BENCH_DATABASE_URL, else
 * `iamfit_bench` on DATABASE_URL's server or 127.0.0.1:5432. It is dropped and created afresh.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { benchDatabaseName, benchDatabaseUrl } from "@/lib/bench/bench-database";
import { buildHistory, commitSimulatedRun } from "@/lib/bench/history-builder";
import { DRIFT_RATES } from "@/lib/bench/history-drift";
import { measureDatabaseSize, stampRunAt, vacuumFull, type DatabaseSize } from "@/lib/db/bench-history";
import { disconnectDb } from "@/lib/db/client";
import type { RetentionBatch } from "@/lib/db/retention";
import { migrate } from "@/lib/db/migrate";
import { runRetention } from "@/lib/jobs/retention-job";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "1000" },
    days: { type: "string", default: "365" },
    every: { type: "string", default: "6" },
    seed: { type: "string", default: "7" },
    concurrency: { type: "string", default: "4" },
    "database-url": { type: "string" },
  },
});

const HOUR_MS = 3_600_000;
const accounts = Number(values.accounts);
const days = Number(values.days);
const everyHours = Number(values.every);
for (const [name, value] of Object.entries({ accounts, days, every: everyHours })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number, at least 1`);
}

async function recreateDatabase(url: URL): Promise<void> {
  const name = benchDatabaseName(url);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const sizeLine = (size: DatabaseSize) => `${mb(size.databaseBytes)} (iamfit tables ${mb(size.iamfitBytes)})`;

async function main() {
  const url = benchDatabaseUrl(values["database-url"]);
  await recreateDatabase(url);
  process.env.DATABASE_URL = url.toString();
  await migrate(url.toString());
  const started = Date.now();
  const end = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS);
  const start = new Date(end.getTime() - days * 24 * HOUR_MS);
  const concurrency = Number(values.concurrency);
  let lastPrint = 0;
  const { stats, timelines } = await buildHistory({
    accounts,
    days,
    everyHours,
    seed: Number(values.seed),
    start,
    concurrency,
    onRun: ({ run, runs, at }) => {
      if (Date.now() - lastPrint < 15_000) return;
      lastPrint = Date.now();
      console.error(`run ${run + 1}/${runs} (${at.toISOString().slice(0, 10)}), ${Math.round((Date.now() - started) / 1000)} s`);
    },
  });
  const historySeconds = (Date.now() - started) / 1000;
  const afterYear = await measureDatabaseSize();

  // Two more runs measure what one account-run adds: one where no posture changed (the credential
  // report's dates still move, as they do in AWS), one where every account changed once.
  let at = new Date(stats.lastRunAt.getTime() + everyHours * HOUR_MS);
  const quiet = await commitSimulatedRun(timelines, { seed: Number(values.seed), concurrency, run: stats.runs, at, mode: "quiet" });
  await stampRunAt(quiet.runId, at, new Date(at.getTime() + 5 * 60_000));
  const afterQuiet = await measureDatabaseSize();
  at = new Date(at.getTime() + everyHours * HOUR_MS);
  const busy = await commitSimulatedRun(timelines, { seed: Number(values.seed), concurrency, run: stats.runs + 1, at, mode: "one-change" });
  await stampRunAt(busy.runId, at, new Date(at.getTime() + 5 * 60_000));
  const afterBusy = await measureDatabaseSize();

  const accountRuns = stats.accountRuns + 2 * timelines.length;
  console.log(`database:                         ${url.host}${url.pathname}`);
  console.log(`accounts, days, every:            ${accounts}, ${days}, ${everyHours} h (seed ${values.seed}, ${concurrency} commits at once)`);
  console.log(`runs:                             ${stats.runs + 2}`);
  console.log(`account-runs:                     ${accountRuns} (${stats.changedAccountRuns} with a posture change)`);
  console.log(`drift events:                     ${Object.entries(stats.events).map(([event, count]) => `${event} ${count}`).join(", ")}; checklist moves ${stats.checklistMoves}`);
  console.log(`drift rates per account-run:      ${Object.entries(DRIFT_RATES).map(([event, rate]) => `${event} ${rate}`).join(", ")}`);
  console.log(`history built in:                 ${historySeconds.toFixed(0)} s (${((stats.accountRuns / historySeconds) || 0).toFixed(0)} account-runs/s)`);
  console.log(`database size after the history: ${sizeLine(afterYear)}`);
  console.log(`bytes per unchanged account-run:  ${Math.round((afterQuiet.iamfitBytes - afterYear.iamfitBytes) / timelines.length)}`);
  console.log(`bytes per changed account-run:    ${Math.round((afterBusy.iamfitBytes - afterQuiet.iamfitBytes) / timelines.length)}`);
  console.log(`database size before pruning:     ${sizeLine(afterBusy)}`);

  const pruneStarted = Date.now();
  const batches: RetentionBatch[] = [];
  const pruned = await runRetention({
    snapshotDays: 90,
    historyDays: 400,
    now: () => new Date(at.getTime() + HOUR_MS),
    log: (line) => console.log(line),
    onBatch: (batch) => batches.push(batch),
  });
  const pruneSeconds = (Date.now() - pruneStarted) / 1000;
  const afterPrune = await measureDatabaseSize();
  console.log(
    `pruned (90 d snapshots, 400 d):   ${pruned.collectionDetailsPruned} collection details, ${pruned.blobsDeleted} stored documents (${mb(pruned.blobBytesDeleted)}), ` +
      `${pruned.findingIntervalsDeleted} finding records, ${pruned.runsDeleted} runs, in ${pruneSeconds.toFixed(0)} s`,
  );
  const slowest = batches.reduce<RetentionBatch | undefined>((worst, batch) => (!worst || batch.milliseconds > worst.milliseconds ? batch : worst), undefined);
  console.log(
    `pruning transactions:             ${batches.length}` +
      (slowest ? `, slowest ${(slowest.milliseconds / 1000).toFixed(1)} s (${slowest.step}: ${slowest.rows} rows, ${slowest.blobs} documents, ${slowest.partReferences} part references)` : ""),
  );
  console.log(`database size after pruning:      ${sizeLine(afterPrune)} as files`);
  await vacuumFull();
  console.log(`database size after VACUUM FULL:  ${sizeLine(await measureDatabaseSize())}`);
  await disconnectDb();
}

main().catch(async (error: unknown) => {
  console.error(error);
  await disconnectDb();
  process.exit(1);
});
