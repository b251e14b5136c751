import type { Command } from "commander";
import { requestCollection } from "@/lib/collect/request-collection";
import { startCollectionWorker } from "@/lib/collect/worker";
import { getRun, type RunAccountRow } from "@/lib/db/runs";
import { getOrCreateExternalId } from "@/lib/db/settings";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { createAwsRuntime } from "@/lib/runtime/aws-runtime";
import { collectionJobContext } from "@/lib/runtime/collection-job-context";
import { operatorLimits } from "@/lib/runtime/operator-limits";
import { loadSandboxMutations } from "@/lib/runtime/sandbox-setup";
import { auditCliChange, CliError, printTable, withDatabase } from "../context";
import { paceHelp } from "./collect-help";
import { errorLabel } from "@/lib/collect/error-words";

const FINISHED = new Set(["succeeded", "partial", "failed", "interrupted", "cancelled", "timed_out"]);

/** `scopeHelp` is loaded beforehand when --help was asked for (collect-help.ts); otherwise the help says where to find it. */
export function registerCollectCommand(program: Command, scopeHelp = "Scope: run `iamfit collect --help` to read it from the database."): void {
  program
    .command("collect")
    .description("collect linked accounts now (all, or the ones named)")
    .option("--account <id...>", "only these 12-digit account ids")
    .option("--wait", "work the collection in this process and exit when it has finished, printing a summary")
    .addHelpText(
      "after",
      `
Exit status with --wait: 0 when every account was collected completely, 1 when some account failed
or some API could not be read (the summary says which), 2 on bad usage.

${paceHelp()}
${scopeHelp}`,
    )
    .action(async (options: { account?: string[]; wait?: boolean }) => {
      for (const id of options.account ?? []) {
        if (!/^\d{12}$/.test(id)) throw new CliError(`--account ${id}: must be exactly 12 digits`, 2);
      }
      const exitCode = await withDatabase(async (config, databaseUrl) => {
        const boss = await startBoss(databaseUrl);
        try {
          const run = await requestCollection(boss, { trigger: "cli", awsAccountIds: options.account, requestedBy: "cli" });
          await auditCliChange({ action: "collection.requested", target: { type: "organization", id: options.account?.join(",") || "all" }, detail: { runId: run.runId?.toString() ?? null } });
          const outOfScope = run.outOfScope.map((item) => `${item.awsAccountId} (${item.reason})`);
          if (run.runId === null) {
            if (options.account && outOfScope.length > 0) {
              throw new CliError(`Out of scope: ${outOfScope.join(", ")}. Change the scope on the Settings page to collect it.`);
            }
            if (run.alreadyActive.length > 0) {
              throw new CliError(`Already being collected: ${run.alreadyActive.join(", ")}. Wait for that collection to finish.`);
            }
            throw new CliError(options.account ? `Not linked: ${options.account.join(", ")}` : "No accounts are linked.");
          }
          const skipped = run.alreadyActive.length ? ` (skipped, already being collected: ${run.alreadyActive.join(", ")})` : "";
          console.log(`Collection ${run.runId} queued for ${run.queued.length} account(s)${skipped}.`);
          if (outOfScope.length > 0) console.log(`Left out, outside the collection scope: ${outOfScope.length} account(s).`);
          if (!options.wait) return 0;

          const externalId = await getOrCreateExternalId();
          const aws = await createAwsRuntime(config, { externalId, sandboxMutations: await loadSandboxMutations() });
          const worker = await startCollectionWorker({
            boss,
            concurrency: config.IAMFIT_ACCOUNT_CONCURRENCY,
            intervalHours: 0,
            log: () => undefined,
            staleAfterMs: operatorLimits(config).staleAfterMs,
            job: collectionJobContext(config, aws),
          });
          try {
            return await waitForRun(run.runId);
          } finally {
            await worker.stop();
          }
        } finally {
          await stopBoss(boss).catch(() => undefined);
        }
      });
      process.exitCode = exitCode;
    });
}

async function waitForRun(runId: bigint): Promise<number> {
  let lastLine = "";
  for (;;) {
    const current = await getRun(runId);
    if (!current) throw new CliError(`Collection ${runId} disappeared.`);
    const line = `${current.run.accountsDone}/${current.run.accountsTotal} accounts done`;
    if (line !== lastLine) {
      process.stderr.write(`${line}\n`);
      lastLine = line;
    }
    if (FINISHED.has(current.run.status)) {
      printSummary(current.accounts);
      console.log(`Collection ${runId} ${current.run.status}: ${current.run.apiCalls} API calls.`);
      return current.run.status === "succeeded" ? 0 : 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function printSummary(accounts: RunAccountRow[]): void {
  printTable(
    accounts.map((row) => ({
      account: row.awsAccountId,
      name: row.accountName,
      status: row.status,
      "api calls": String(row.apiCalls),
      errors: row.error
        ? `${row.error.code ? `${errorLabel(row.error.code)}: ` : ""}${row.error.message}`
        : row.partErrors.length
          ? `${row.partErrors.length} API error(s)`
          : "",
    })),
    ["account", "name", "status", "api calls", "errors"],
  );
  for (const row of accounts) {
    for (const error of row.partErrors) {
      console.log(`  ${row.awsAccountId} ${error.api}${error.region ? ` (${error.region})` : ""}: ${errorLabel(error.code)}: ${error.message}`);
    }
  }
}
