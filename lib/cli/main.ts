/**
 * The `iamfit` command line. It talks to the database directly (DATABASE_URL, or the embedded
 * cluster of the data directory), so it works beside a running server or on its own.
 */
import { Command, CommanderError } from "commander";
import { EnvError } from "@/lib/env";
import { registerAccountCommands } from "./commands/accounts";
import { registerCancelCommand } from "./commands/cancel";
import { registerCollectCommand } from "./commands/collect";
import { registerComplianceCommand } from "./commands/compliance";
import { registerSandboxCommand } from "./commands/sandbox";
import { registerScorecardCommands } from "./commands/scorecard";
import { registerUserCommands } from "./commands/users";
import { asksForCollectHelp, scopeHelp } from "./commands/collect-help";
import { CliError } from "./context";

export function buildProgram(collectScopeHelp?: string): Command {
  const program = new Command("iamfit")
    .description("iamfit: how fit is the IAM posture of every AWS account you own")
    .showHelpAfterError()
    .exitOverride();
  registerAccountCommands(program);
  registerCollectCommand(program, collectScopeHelp);
  registerCancelCommand(program);
  registerComplianceCommand(program);
  registerSandboxCommand(program);
  registerScorecardCommands(program);
  registerUserCommands(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    const collectScopeHelp = asksForCollectHelp(argv) ? await scopeHelp() : undefined;
    await buildProgram(collectScopeHelp).parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit with 0; usage errors have been printed by commander already.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      console.error(`iamfit: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof EnvError) {
      console.error(`iamfit: ${error.message}`);
      return 2;
    }
    console.error(`iamfit: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module || process.env.IAMFIT_CLI_ENTRY === "1") {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
