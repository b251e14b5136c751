/**
 * `iamfit scorecard` and `iamfit findings`: the latest results for people (tables) and
 * pipelines (JSON in the /api/v1 shapes, CSV as the findings export). `--fail-on <severity>`
 * exits 1 when a failing finding at or above that severity exists among the selected accounts,
 * exercises, checks and resource types, so a pipeline can gate on the posture.
 */
import { once } from "node:events";
import { Option, type Command } from "commander";
import { findingsQuerySchema, parseQuery, toFindingsQuery, type FindingsApiQuery } from "@/lib/api/query-params";
import { readScorecard } from "@/lib/api/read-models";
import { SEVERITIES, type Severity } from "@/lib/checks/types";
import { countFailingBySeverity } from "@/lib/db/findings";
import { exportFindings, findingsExportChunks } from "@/lib/export/findings-download";
import { CliError, printTable, withDatabase } from "../context";
import { failOnMessage, FINDINGS_COLUMNS, findingTableRow, SCORECARD_COLUMNS, scorecardTableRows } from "./scorecard-output";

const EXIT_HELP = `
Exit status: 0 printed, 1 --fail-on found such failures (or the command failed), 2 bad usage.`;

const failOnOption = () =>
  new Option("--fail-on <severity>", "exit 1 when a failing finding at or above this severity exists").choices([...SEVERITIES]);

// The CLI's flags map onto the API's query parameters, so both are validated by one schema.
const FLAG_OF_PARAMETER: Record<string, string> = {
  account: "--account",
  exercise: "--exercise",
  check: "--check",
  status: "--status",
  severity: "--severity",
  resourceType: "--resource-type",
};

function parseFilters(raw: Record<string, string | undefined>): FindingsApiQuery {
  const parsed = parseQuery(findingsQuerySchema, raw);
  if (!parsed.ok) {
    const flag = FLAG_OF_PARAMETER[parsed.error.parameter] ?? parsed.error.parameter;
    throw new CliError(`${flag}: ${parsed.error.message.replace(/^[a-zA-Z]+: /, "")}`, 2);
  }
  return parsed.query;
}

async function enforceFailOn(threshold: Severity | undefined, filters: FindingsApiQuery): Promise<void> {
  if (!threshold) return;
  const message = failOnMessage(threshold, await countFailingBySeverity(toFindingsQuery(filters)));
  if (message) throw new CliError(message, 1);
}

function write(text: string): void {
  process.stdout.write(text);
}

/**
 * One chunk of a long output, waiting while stdout is full (a slow pipe or file) so that an
 * export of any size never queues up in memory: the next batch is read only after this one is out.
 */
async function writeInTurn(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, "drain");
}

interface ScorecardOptions {
  format: "json" | "table";
  account?: string;
  failOn?: Severity;
}

interface FindingsOptions {
  format: "json" | "csv" | "table";
  account?: string;
  exercise?: string;
  check?: string;
  status?: string;
  severity?: string;
  resourceType?: string;
  failOn?: Severity;
}

export function registerScorecardCommands(program: Command): void {
  program
    .command("scorecard")
    .description("print the latest scorecard: per account and exercise, the score and passed, failed and unknown counts")
    .addOption(new Option("--format <format>", "output format").choices(["json", "table"]).default("table"))
    .option("--account <id>", "only this account (12-digit id)")
    .addOption(failOnOption())
    .addHelpText("after", EXIT_HELP)
    .action(async (options: ScorecardOptions) => {
      const filters = parseFilters({ account: options.account });
      await withDatabase(async () => {
        const scorecard = await readScorecard({ account: filters.account });
        if (filters.account && scorecard.accounts.length === 0) throw new CliError(`account ${filters.account} is not linked`, 1);
        if (options.format === "json") console.log(JSON.stringify(scorecard, null, 2));
        else if (scorecard.accounts.length === 0) console.log("No accounts linked. Add one with `iamfit accounts add --account-id <id> --role-arn <arn>`.");
        else printTable(scorecardTableRows(scorecard), SCORECARD_COLUMNS);
        await enforceFailOn(options.failOn, filters);
      });
    });

  program
    .command("findings")
    .description("print the latest findings, most severe first (every status unless --status)")
    .addOption(new Option("--format <format>", "output format").choices(["json", "csv", "table"]).default("table"))
    .option("--account <id>", "only this account (12-digit id)")
    .option("--exercise <1-10>", "only this exercise")
    .option("--check <id>", "only this check, e.g. root.access-keys")
    .addOption(new Option("--status <status>", "only this status").choices(["fail", "pass", "unknown", "not_applicable", "all"]))
    .addOption(new Option("--severity <severity>", "only this severity").choices([...SEVERITIES]))
    .option("--resource-type <type>", "only this resource type, e.g. user, role, security_group")
    .addOption(failOnOption())
    .addHelpText("after", EXIT_HELP)
    .action(async (options: FindingsOptions) => {
      const filters = parseFilters({
        account: options.account,
        exercise: options.exercise,
        check: options.check,
        status: options.status,
        severity: options.severity,
        resourceType: options.resourceType,
      });
      await withDatabase(async () => {
        const query = toFindingsQuery(filters);
        if (options.format === "table") {
          const rows: Array<Record<string, string>> = [];
          for await (const findings of exportFindings(query)) rows.push(...findings.map(findingTableRow));
          if (rows.length === 0) console.log("No findings match.");
          else printTable(rows, FINDINGS_COLUMNS);
        } else {
          for await (const chunk of findingsExportChunks(query, options.format, new Date())) await writeInTurn(chunk);
        }
        await enforceFailOn(options.failOn, filters);
      });
    });
}
