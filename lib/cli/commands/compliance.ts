/**
 * `iamfit compliance --framework cis-aws`: every control of the CIS AWS Foundations Benchmark's
 * chosen sections with its status from the current findings, for the organization or one
 * account; JSON is the compliance export's document.
 */
import { Option, type Command } from "commander";
import { z } from "zod";
import { CIS_AWS_FRAMEWORK } from "@/lib/compliance/cis-aws-v3";
import { loadCompliance } from "@/lib/compliance/load";
import { COMPLIANCE_TABLE_COLUMNS, complianceTableRows } from "@/lib/compliance/report";
import { getScorecardAccount } from "@/lib/db/account-scorecard";
import { publicBaseUrl } from "@/lib/http/public-url";
import { CliError, printTable, withDatabase } from "../context";

interface ComplianceOptions {
  framework: "cis-aws";
  format: "json" | "table";
  account?: string;
}

const accountIdSchema = z.string().regex(/^\d{12}$/);

export function registerComplianceCommand(program: Command): void {
  program
    .command("compliance")
    .description(`print every control of the ${CIS_AWS_FRAMEWORK.name} ${CIS_AWS_FRAMEWORK.version} (IAM, S3, logging, networking) as pass, fail, unknown or not assessed`)
    .addOption(new Option("--framework <framework>", "the framework").choices([CIS_AWS_FRAMEWORK.key]).makeOptionMandatory())
    .addOption(new Option("--format <format>", "output format").choices(["json", "table"]).default("table"))
    .option("--account <id>", "only this account (12-digit id)")
    .addHelpText("after", "\nExit status: 0 printed, 1 the command failed, 2 bad usage.")
    .action(async (options: ComplianceOptions) => {
      if (options.account !== undefined && !accountIdSchema.safeParse(options.account).success) {
        throw new CliError("--account: an AWS account id is 12 digits", 2);
      }
      await withDatabase(async (config) => {
        let account: { awsAccountId: string; name: string } | undefined;
        if (options.account) {
          const found = await getScorecardAccount(options.account);
          if (!found) throw new CliError(`account ${options.account} is not linked`, 1);
          account = { awsAccountId: found.awsAccountId, name: found.name };
        }
        const { report } = await loadCompliance({ account, baseUrl: publicBaseUrl(config) });
        if (options.format === "json") {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        const scope = account ? `account ${account.awsAccountId} (${account.name})` : `${report.accountsAssessed} assessed accounts`;
        console.log(`${report.framework.name} ${report.framework.version}: ${scope}; counts are ${account ? "findings" : "accounts"}.`);
        printTable(complianceTableRows(report), COMPLIANCE_TABLE_COLUMNS);
        const { fail, unknown, pass, not_assessed: notAssessed } = report.summary;
        console.log(`${fail} fail, ${unknown} unknown, ${pass} pass, ${notAssessed} not assessed by iamfit.`);
      });
    });
}
