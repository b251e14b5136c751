/**
 * `iamfit accounts sync | import | discover | health | templates`: onboarding many accounts
 * from the command line (issue 8). Registered under `iamfit accounts` by commands/accounts.ts.
 */
import { readFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { EXTERNAL_ID_PATTERN, ROLE_NAME_PATTERN } from "@/lib/accounts/link-input";
import { createBaseClients, SESSION_REGION } from "@/lib/aws/client-factory";
import { requestCollection } from "@/lib/collect/request-collection";
import type { IamfitEnv } from "@/lib/env";
import { listAccountHealth } from "@/lib/onboarding/account-health";
import { linkAccounts } from "@/lib/db/account-links";
import { organizationSyncHistory } from "@/lib/db/organization-inventory";
import { getOrganizationSettings, listOrganizationAccounts } from "@/lib/onboarding/organization-store";
import { getOrCreateExternalId } from "@/lib/db/settings";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { DEFAULT_CONFIG_FILE_NAME } from "@/lib/onboarding/config-file";
import { applyAccountsConfig, ConfigFileError, describeConfigApply, readAccountsConfigFile } from "@/lib/onboarding/config-sync";
import { formatCsvProblem, parseAccountsCsv } from "@/lib/onboarding/csv-import";
import { linkOrganizationAccounts } from "@/lib/onboarding/link-organization-accounts";
import { ouPatternMatches } from "@/lib/onboarding/ou-filter";
import { syncOrganization } from "@/lib/onboarding/organization-sync";
import { auditRoleTemplateFiles, genericTemplateFiles, type TemplateFile } from "@/lib/onboarding/templates/template-files";
import { createAwsRuntime, type AwsRuntime } from "@/lib/runtime/aws-runtime";
import { loadSandboxMutations } from "@/lib/runtime/sandbox-setup";
import { auditCliChange, CliError, withDatabase } from "../context";
import { installationKey } from "@/lib/alerts/secret-box";
import { describeSync, printAccountHealth, printOrganizationAccounts } from "./onboarding-output";

function checkRoleOptions(options: { role: string; externalId?: string }): void {
  if (!ROLE_NAME_PATTERN.test(options.role)) throw new CliError(`--role ${options.role}: must be a role name (letters, digits and +=,.@_-, at most 64)`, 2);
  if (options.externalId !== undefined && !EXTERNAL_ID_PATTERN.test(options.externalId)) {
    throw new CliError("--external-id: must be 2–1224 characters of letters, digits and +=,.@:/-", 2);
  }
}

/** bin/iamfit.cjs changes to the install directory; PWD still names where the user typed the command. */
function userPath(file: string): string {
  return path.resolve(process.env.PWD ?? process.cwd(), file);
}

interface Session {
  aws: AwsRuntime;
  /** Queues first collections of newly linked accounts for the server's worker. */
  collect(awsAccountIds: string[]): Promise<void>;
}

async function withAws<T>(action: (session: Session) => Promise<T>): Promise<T> {
  return withDatabase(async (config: IamfitEnv, databaseUrl: string) => {
    const aws = await createAwsRuntime(config, { externalId: await getOrCreateExternalId(), sandboxMutations: await loadSandboxMutations() });
    const boss = await startBoss(databaseUrl);
    try {
      return await action({
        aws,
        async collect(awsAccountIds) {
          await requestCollection(boss, { trigger: "cli", awsAccountIds, requestedBy: "cli" });
        },
      });
    } finally {
      await stopBoss(boss).catch(() => undefined);
    }
  });
}

export function registerOnboardingCommands(accounts: Command): void {
  accounts
    .command("sync")
    .description(`apply ${DEFAULT_CONFIG_FILE_NAME} (accounts, organization settings) and sync the organization`)
    .option("--config <file>", `the config file (default: ./${DEFAULT_CONFIG_FILE_NAME})`)
    .addHelpText("after", "\nExit status: 0 applied, 1 the file has problems (listed with their lines) or the organization sync failed, 2 bad usage.")
    .action(async (options: { config?: string }) => {
      const file = userPath(options.config ?? DEFAULT_CONFIG_FILE_NAME);
      process.exitCode = await withAws(async (session) => {
        let config;
        try {
          config = await readAccountsConfigFile(file);
        } catch (error) {
          if (error instanceof ConfigFileError) throw new CliError(error.message, 1);
          throw error;
        }
        if (!config && options.config) throw new CliError(`${file} does not exist.`, 2);
        if (config) {
          const result = await applyAccountsConfig(config, "cli", { connectionOptions: session.aws.connectionOptions(), requestCollection: session.collect, alertKey: await installationKey(process.env.IAMFIT_AUTH_SECRET) });
          for (const line of describeConfigApply(result)) console.log(`${path.basename(file)}: ${line}`);
          return result.organizationSync && !result.organizationSync.ok ? 1 : 0;
        }
        const [settings, history] = await Promise.all([getOrganizationSettings(), organizationSyncHistory()]);
        if (settings.managedBy === "default" && !history.everSucceeded) {
          console.log(`No ${DEFAULT_CONFIG_FILE_NAME} here and no organization set up: nothing to sync. Try \`iamfit accounts discover\`.`);
          return 0;
        }
        const result = await syncOrganization("cli", { connectionOptions: session.aws.connectionOptions(), requestCollection: session.collect });
        for (const line of describeSync(result)) console.log(line);
        return result.ok ? 0 : 1;
      });
    });

  accounts
    .command("import")
    .description("link the accounts of a CSV file (columns: account_id,name,role,external_id,tags)")
    .argument("<csv>", "the CSV file; tags as key=value;key=value")
    .option("--dry-run", "validate and show what would be linked, link nothing")
    .option("--skip-invalid", "link the valid rows even when some rows have problems")
    .addHelpText("after", "\nExit status: 0 linked (or valid, with --dry-run), 1 some rows have problems, 2 bad usage.")
    .action(async (file: string, options: { dryRun?: boolean; skipInvalid?: boolean }) => {
      let text: string;
      try {
        text = await readFile(userPath(file), "utf8");
      } catch (error) {
        throw new CliError(`cannot read ${file}: ${(error as Error).message}`, 2);
      }
      const parsed = parseAccountsCsv(text);
      for (const problem of parsed.problems) console.error(`${file}: ${formatCsvProblem(problem)}`);
      if (parsed.problems.length > 0 && !options.skipInvalid) {
        throw new CliError(`${parsed.problems.length} row(s) have problems; nothing was linked. Fix them, or pass --skip-invalid.`, 1);
      }
      if (options.dryRun) {
        console.log(`${parsed.accounts.length} account(s) would be linked: ${parsed.accounts.map((account) => account.accountId).join(", ")}`);
        process.exitCode = parsed.problems.length > 0 ? 1 : 0;
        return;
      }
      await withAws(async (session) => {
        const externalId = await getOrCreateExternalId();
        const result = await linkAccounts(
          parsed.accounts.map(({ line: _line, ...account }) => ({ ...account, externalId: account.externalId ?? externalId })),
          { source: "csv", onExisting: "skip" },
        );
        const fresh = [...result.linked, ...result.restored];
        await auditCliChange({ action: "account.linked", target: { type: "organization", id: "csv" }, detail: { accountIds: fresh } });
        if (fresh.length > 0) await session.collect(fresh);
        console.log(`Linked ${result.linked.length}, restored ${result.restored.length}, already linked ${result.unchanged.length}.`);
      });
      process.exitCode = parsed.problems.length > 0 ? 1 : 0;
    });

  accounts
    .command("discover")
    .description("read the AWS Organization: every account, its OU path and whether iamfit audits it")
    .option("--link-all", "link every active account not linked yet")
    .option("--link <ids...>", "link these account ids")
    .option("--ou <pattern>", 'with --link-all: only accounts under this OU ("Workloads/Prod" or an OU id)')
    .option("--role <name>", "the audit role's name in every account", "iamfit-audit")
    .option("--external-id <id>", "the ExternalId (default: this installation's)")
    .option("--json", "print JSON")
    .action(async (options: { linkAll?: boolean; link?: string[]; ou?: string; role: string; externalId?: string; json?: boolean }) => {
      if (options.linkAll && options.link) throw new CliError("use --link-all or --link, not both", 2);
      checkRoleOptions(options);
      process.exitCode = await withAws(async (session) => {
        const result = await syncOrganization("cli", { connectionOptions: session.aws.connectionOptions(), requestCollection: session.collect });
        if (!result.ok) {
          for (const line of describeSync(result)) console.error(line);
          return 1;
        }
        if (options.linkAll || options.link) {
          const rows = await listOrganizationAccounts();
          const selected = options.link ?? rows.filter((row) => row.linkState === "not_linked" && (!options.ou || ouPatternMatches(options.ou, row))).map((row) => row.accountId);
          const outcome = await linkOrganizationAccounts(selected, { roleName: options.role, externalId: options.externalId ?? (await getOrCreateExternalId()) }, session.collect);
          await auditCliChange({ action: "account.linked", target: { type: "organization", id: "selection" }, detail: { accountIds: outcome.linked, roleName: options.role } });
          if (!options.json) {
            console.log(`Linked ${outcome.linked.length} account(s)${outcome.linked.length ? `: ${outcome.linked.join(", ")}` : ""}.`);
            for (const skip of outcome.skipped) console.log(`  skipped ${skip.accountId} (${skip.name}): ${skip.reason}`);
          }
        }
        const rows = await listOrganizationAccounts();
        if (options.json) console.log(JSON.stringify(rows, null, 2));
        else {
          for (const line of describeSync(result)) console.log(line);
          printOrganizationAccounts(rows);
        }
        return 0;
      });
    });

  accounts
    .command("health")
    .description("connection health of every linked account: state, last success, current error and the fix")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async () => printAccountHealth(await listAccountHealth(), options));
    });

  accounts
    .command("templates")
    .description("write the audit-role templates (CloudFormation, StackSet, Terraform) filled in for this installation")
    .option("--out <dir>", "directory to write to (default: iamfit-audit-role, or . with --generic)")
    .option("--principal <arn>", "the principal iamfit runs as (default: asked from AWS)")
    .option("--role <name>", "the audit role's name", "iamfit-audit")
    .option("--generic", "write the installation-neutral copies kept under deploy/ instead")
    .action(async (options: { out?: string; principal?: string; role: string; generic?: boolean }) => {
      checkRoleOptions(options);
      if (options.generic) {
        await writeFiles(userPath(options.out ?? "."), genericTemplateFiles());
        return;
      }
      await withAws(async (session) => {
        const principal = options.principal ?? (await callerRoot(session.aws));
        const rootId = (await listOrganizationAccounts())[0]?.ouIds[0];
        const files = auditRoleTemplateFiles({
          trustedPrincipalArn: principal,
          externalId: await getOrCreateExternalId(),
          roleName: options.role,
          organizationalUnitIds: rootId ? [rootId] : [],
        });
        await writeFiles(userPath(options.out ?? "iamfit-audit-role"), files);
      });
    });
}

async function writeFiles(directory: string, files: TemplateFile[]): Promise<void> {
  for (const file of files) {
    const target = path.join(directory, ...file.path.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
    console.log(`wrote ${path.relative(process.env.PWD ?? process.cwd(), target)}`);
  }
}

async function callerRoot(aws: AwsRuntime): Promise<string> {
  const clients = createBaseClients({ ...aws.connectionOptions(), maxAttempts: 2 });
  try {
    const identity = await clients.sts(SESSION_REGION).send(new GetCallerIdentityCommand({}));
    if (identity.Account) return `arn:aws:iam::${identity.Account}:root`;
  } catch {
    // Asked below.
  } finally {
    clients.destroy();
  }
  throw new CliError("could not tell which AWS account iamfit runs as; pass --principal arn:aws:iam::<account>:root", 2);
}
