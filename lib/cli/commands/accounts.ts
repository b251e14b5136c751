import type { Command } from "commander";
import { fieldErrors, linkAccountInputSchema, parseTagList } from "@/lib/accounts/link-input";
import { AccountAlreadyLinkedError, AccountNotFoundError, linkAccount, listLinkedAccounts, removeLinkedAccount } from "@/lib/db/accounts";
import { getOrCreateExternalId } from "@/lib/db/settings";
import { auditCliChange, CliError, printTable, withDatabase } from "../context";
import { registerOnboardingCommands } from "./onboarding";
import { errorLabel } from "@/lib/collect/error-words";

export function registerAccountCommands(program: Command): void {
  const accounts = program.command("accounts").description("link, list and remove the AWS accounts iamfit audits");
  registerOnboardingCommands(accounts);

  accounts
    .command("add")
    .description("link an AWS account through its read-only audit role")
    .requiredOption("--account-id <id>", "the 12-digit AWS account id")
    .requiredOption("--role-arn <arn>", "the audit role's ARN, or its name in that account")
    .option("--external-id <id>", "ExternalId the role's trust policy requires (default: this installation's)")
    .option("--name <name>", "display name (default: the account id)")
    .option("--tags <list>", "tags as key=value,key=value")
    .action(async (options: { accountId: string; roleArn: string; externalId?: string; name?: string; tags?: string }) => {
      let tags: Record<string, string> = {};
      try {
        tags = options.tags ? parseTagList(options.tags) : {};
      } catch (error) {
        throw new CliError(`--tags: ${(error as Error).message}`, 2);
      }
      const parsed = linkAccountInputSchema.safeParse({
        accountId: options.accountId,
        role: options.roleArn,
        externalId: options.externalId,
        name: options.name,
        tags,
      });
      if (!parsed.success) {
        const flags: Record<string, string> = { accountId: "--account-id", role: "--role-arn", externalId: "--external-id", name: "--name", tags: "--tags" };
        const lines = Object.entries(fieldErrors(parsed.error)).map(([field, message]) => `${flags[field] ?? field} ${message}`);
        throw new CliError(lines.join("\n"), 2);
      }
      await withDatabase(async () => {
        const externalId = parsed.data.externalId ?? (await getOrCreateExternalId());
        try {
          const account = await linkAccount({ ...parsed.data, externalId }, "cli");
          await auditCliChange({ action: "account.linked", target: { type: "account", id: account.awsAccountId, label: account.name }, detail: { roleArn: account.roleArn } });
          console.log(`Linked ${account.awsAccountId} (${account.name}) through ${account.roleArn}.`);
          console.log(`Its trust policy must require ExternalId ${externalId}. Run \`iamfit collect --account ${account.awsAccountId} --wait\` to collect it now.`);
        } catch (error) {
          if (error instanceof AccountAlreadyLinkedError) throw new CliError(error.message, 1);
          throw error;
        }
      });
    });

  accounts
    .command("list")
    .description("list linked accounts with their last collection")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async () => {
        const rows = await listLinkedAccounts();
        if (options.json) {
          console.log(JSON.stringify(rows.map((row) => ({ ...row, lastEvaluatedRunId: row.lastEvaluatedRunId?.toString() ?? null })), null, 2));
          return;
        }
        if (rows.length === 0) {
          console.log("No accounts linked. Add one with `iamfit accounts add --account-id <id> --role-arn <arn>`.");
          return;
        }
        printTable(
          rows.map((row) => ({
            account: row.awsAccountId,
            name: row.name,
            status: row.lastStatus,
            "last collected": row.lastCollectedAt?.toISOString() ?? "never",
            error: row.lastError ? `${row.lastError.code ? `${errorLabel(row.lastError.code)}: ` : ""}${row.lastError.message ?? ""}`.slice(0, 100) : "",
          })),
          ["account", "name", "status", "last collected", "error"],
        );
      });
    });

  accounts
    .command("remove")
    .description("stop auditing an account (its history is kept)")
    .argument("<account-id>", "the 12-digit AWS account id")
    .action(async (accountId: string) => {
      await withDatabase(async () => {
        try {
          await removeLinkedAccount(accountId);
          await auditCliChange({ action: "account.removed", target: { type: "account", id: accountId } });
          console.log(`Removed ${accountId}.`);
        } catch (error) {
          if (error instanceof AccountNotFoundError) throw new CliError(error.message, 1);
          throw error;
        }
      });
    });
}
