/**
 * `npm start`: the whole of iamfit in one process. Validates the environment, starts (or joins)
 * the embedded PostgreSQL when DATABASE_URL is unset, applies migrations, builds the web app if
 * it was never built, then runs the web server and the collection worker.
 * `--role web` / `--role worker` run one part, so several workers can share one database.
 */
// First, before any module that loads React: see the file for why.
import "./production-node-env";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { EnvError, parseEnv, type IamfitEnv } from "@/lib/env";
import { prepareDatabase } from "@/lib/db/database";
import { disconnectDb } from "@/lib/db/client";
import { getOrCreateExternalId } from "@/lib/db/settings";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { createAwsRuntime } from "@/lib/runtime/aws-runtime";
import { stampClientAddress } from "@/lib/runtime/client-address";
import { publishProcessServices } from "@/lib/runtime/process-services";
import { linkSandboxAccountsOnFirstStart, loadSandboxMutations } from "@/lib/runtime/sandbox-setup";
import { startCollectionWorker, startScheduledCollectionIfDue } from "@/lib/collect/worker";
import { digestJobOptionsFromEnv, registerDigestJobs } from "@/lib/jobs/digest-jobs";
import { registerRetentionJob, retentionJobOptionsFromEnv } from "@/lib/jobs/retention-job";
import { alertJobOptionsFromEnv, registerAlertJobs } from "@/lib/jobs/alert-jobs";
import { registerOrganizationSync } from "@/lib/jobs/organization-sync";
import { applyAccountsConfigAtStartup } from "@/lib/onboarding/config-sync";
import { collectionJobContext } from "@/lib/runtime/collection-job-context";
import { operatorLimits } from "@/lib/runtime/operator-limits";

function log(line: string) {
  console.log(`[iamfit] ${line}`);
}

function roleFromArgs(config: IamfitEnv): IamfitEnv["IAMFIT_ROLE"] {
  const index = process.argv.indexOf("--role");
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (value === undefined) return config.IAMFIT_ROLE;
  if (value !== "web" && value !== "worker" && value !== "all") {
    throw new EnvError([`--role ${value}: must be web, worker or all`]);
  }
  return value;
}

function ensureBuilt() {
  if (existsSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) return;
  log("building the web app (first start only; takes a minute or two)…");
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed; see the output above");
}

async function main() {
  const config = parseEnv();
  const role = roleFromArgs(config);
  const database = await prepareDatabase(config, log);
  const externalId = await getOrCreateExternalId();
  const aws = await createAwsRuntime(config, { externalId, sandboxMutations: await loadSandboxMutations() });
  log(`AWS access: ${aws.description}`);
  if (aws.sandbox) await linkSandboxAccountsOnFirstStart(aws.sandbox, externalId, log);

  const boss = await startBoss(database.url);
  publishProcessServices({ boss, aws, role, startedAt: new Date() });
  // A broken accounts config file is reported line by line and not applied; start-up goes on.
  await applyAccountsConfigAtStartup(log, { configPath: config.IAMFIT_CONFIG_FILE, connectionOptions: aws.connectionOptions(), boss, authSecret: config.IAMFIT_AUTH_SECRET });
  await registerOrganizationSync(boss, { connectionOptions: () => aws.connectionOptions(), log, work: role !== "web" });

  let worker: { stop(): Promise<void> } | undefined;
  let digestJobs: { stop(): Promise<void> } | undefined;
  let retentionJob: { stop(): Promise<void> } | undefined;
  let alertJobs: { stop(): Promise<void> } | undefined;
  if (role !== "web") {
    alertJobs = await registerAlertJobs(boss, alertJobOptionsFromEnv(config, log));
    digestJobs = await registerDigestJobs(boss, digestJobOptionsFromEnv(config, log));
    retentionJob = await registerRetentionJob(boss, retentionJobOptionsFromEnv(config, log));
    worker = await startCollectionWorker({
      boss,
      concurrency: config.IAMFIT_ACCOUNT_CONCURRENCY,
      intervalHours: config.IAMFIT_COLLECT_INTERVAL_HOURS,
      log,
      staleAfterMs: operatorLimits(config).staleAfterMs,
      job: collectionJobContext(config, aws, log),
    });
    await startScheduledCollectionIfDue(boss, config.IAMFIT_COLLECT_INTERVAL_HOURS || 6, log);
    log(`worker started (${config.IAMFIT_ACCOUNT_CONCURRENCY} accounts at once)`);
  }

  let server: ReturnType<typeof createServer> | undefined;
  if (role !== "worker") {
    ensureBuilt();
    process.env.NEXT_TELEMETRY_DISABLED = "1";
    const { default: next } = await import("next");
    const app = next({ dev: false, dir: process.cwd(), hostname: config.HOSTNAME, port: config.PORT });
    await app.prepare();
    const handle = app.getRequestHandler();
    server = createServer((request, response) => {
      stampClientAddress(request, config.IAMFIT_TRUST_PROXY === true);
      void handle(request, response);
    });
    await new Promise<void>((resolve) => server!.listen(config.PORT, config.HOSTNAME, resolve));
    log(`ready: http://localhost:${config.PORT}`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down…`);
    server?.close();
    await worker?.stop();
    await digestJobs?.stop();
    await retentionJob?.stop();
    await alertJobs?.stop();
    await stopBoss(boss).catch(() => undefined);
    await disconnectDb();
    await database.stop();
    log("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  if (error instanceof EnvError) {
    console.error(`[iamfit] ${error.message}`);
  } else {
    console.error(`[iamfit] failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exit(1);
});
