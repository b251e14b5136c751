import type { Command } from "commander";
import { cancelCollection } from "@/lib/collect/cancel-collection";
import { getActiveRun } from "@/lib/db/runs";
import { auditCliChange, CliError, withDatabase } from "../context";

export function registerCancelCommand(program: Command): void {
  program
    .command("cancel")
    .description("cancel a running collection (the newest one by default), or one account in it")
    .argument("[run-id]", "the collection to cancel (default: the one running now)")
    .option("--account <id>", "cancel only this 12-digit account")
    .action(async (runIdArgument: string | undefined, options: { account?: string }) => {
      if (runIdArgument !== undefined && !/^\d+$/.test(runIdArgument)) throw new CliError(`run id ${runIdArgument}: must be a number`, 2);
      if (options.account !== undefined && !/^\d{12}$/.test(options.account)) {
        throw new CliError(`--account ${options.account}: must be exactly 12 digits`, 2);
      }
      await withDatabase(async () => {
        const runId = runIdArgument ? BigInt(runIdArgument) : (await getActiveRun())?.id;
        if (runId === undefined) throw new CliError("No collection is running.");
        const result = await cancelCollection({ runId, awsAccountId: options.account, requestedBy: "cli" });
        await auditCliChange({ action: "collection.cancelled", target: options.account ? { type: "account", id: options.account } : { type: "run", id: runId.toString() }, detail: { runId: runId.toString() } });
        if (result.cancelledQueued + result.flaggedRunning === 0) {
          throw new CliError(`Nothing to cancel in collection ${runId}${options.account ? ` for ${options.account}` : ""}: it has finished.`);
        }
        console.log(
          `Collection ${runId}: ${result.cancelledQueued} queued account(s) cancelled, ${result.flaggedRunning} running account(s) stopping at their next heartbeat.`,
        );
      });
    });
}
