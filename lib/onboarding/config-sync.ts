/**
 * Applying iamfit.config.json: link (or update) the declared accounts, remove the ones an earlier
 * version declared when `prune` is on, store the organization settings and sync the
 * organization. Runs at start-up and with `iamfit accounts sync`. The file is the truth for
 * what it declares; accounts linked by other means are never touched.
 */
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type PgBoss from "pg-boss";
import type { AwsConnectionOptions } from "@/lib/aws/client-factory";
import { requestCollection } from "@/lib/collect/request-collection";
import { linkAccounts, listAccountIdsLinkedBy, unlinkAccounts, type BulkLinkResult } from "@/lib/db/account-links";
import { getOrganizationSettings, saveOrganizationSettings } from "./organization-store";
import { getOrCreateExternalId } from "@/lib/db/settings";
import { applyConfigAlertDestinations, type AlertConfigResult } from "@/lib/alerts/config-destinations";
import { installationKey } from "@/lib/alerts/secret-box";
import { processServices } from "@/lib/runtime/process-services";
import { DEFAULT_CONFIG_FILE_NAME, formatConfigProblems, validateAccountsConfig, type AccountsConfig, type ConfigProblem } from "./config-file";
import { DEFAULT_ORGANIZATION_SETTINGS } from "./organization-settings";
import { syncOrganization, type OrganizationSyncResult, type OrganizationSyncTrigger } from "./organization-sync";

export class ConfigFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: ConfigProblem[],
  ) {
    super(`${fileName} has ${problems.length} problem(s):\n${formatConfigProblems(fileName, problems)}`);
    this.name = "ConfigFileError";
  }
}

export interface ConfigApplyDeps {
  /** The key alert webhook URLs are encrypted with; without it the alerts section is not applied. */
  alertKey?: string;
  /** Needed to sync the organization; without it only the declared accounts are applied. */
  connectionOptions?: AwsConnectionOptions;
  requestCollection?: (awsAccountIds: string[]) => Promise<void>;
  log?: (line: string) => void;
}

export interface ConfigApplyResult extends BulkLinkResult {
  removed: string[];
  /** "applied": the file's organization section is stored; "reset": it was removed from the file. */
  organizationSettings: "applied" | "reset" | "untouched";
  organizationSync?: OrganizationSyncResult;
  alerts?: AlertConfigResult;
}

export async function applyAccountsConfig(config: AccountsConfig, trigger: OrganizationSyncTrigger, deps: ConfigApplyDeps = {}): Promise<ConfigApplyResult> {
  const installationExternalId = await getOrCreateExternalId();
  const result = await linkAccounts(
    config.accounts.map((account) => ({ ...account, externalId: account.externalId ?? installationExternalId })),
    { source: "config", onExisting: "update" },
  );
  let removed: string[] = [];
  if (config.prune) {
    const declared = new Set(config.accounts.map((account) => account.accountId));
    removed = await unlinkAccounts((await listAccountIdsLinkedBy("config")).filter((id) => !declared.has(id)));
  }
  const fresh = [...result.linked, ...result.restored];
  if (fresh.length > 0) await deps.requestCollection?.(fresh).catch(() => undefined);

  let organizationSettings: ConfigApplyResult["organizationSettings"] = "untouched";
  if (config.organization) {
    await saveOrganizationSettings({ ...config.organization, managedBy: "config" });
    organizationSettings = "applied";
  } else if ((await getOrganizationSettings()).managedBy === "config") {
    // The section was deleted from the file: stop following the organization as it said.
    await saveOrganizationSettings(DEFAULT_ORGANIZATION_SETTINGS);
    organizationSettings = "reset";
  }
  const organizationSync =
    config.organization && deps.connectionOptions
      ? await syncOrganization(trigger, { connectionOptions: deps.connectionOptions, requestCollection: deps.requestCollection, log: deps.log })
      : undefined;
  const alerts = deps.alertKey ? await applyConfigAlertDestinations(config.alerts ?? [], deps.alertKey) : undefined;
  return { ...result, removed, organizationSettings, ...(organizationSync ? { organizationSync } : {}), ...(alerts ? { alerts } : {}) };
}

/** Reads and validates a config file; undefined when there is none. Throws ConfigFileError with every problem and its line. */
export async function readAccountsConfigFile(filePath: string): Promise<AccountsConfig | undefined> {
  let text: string;
  try {
    text = await readFile(filePath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const validation = validateAccountsConfig(text);
  if (!validation.ok) throw new ConfigFileError(path.basename(filePath), validation.problems);
  return validation.config;
}

export function describeConfigApply(result: ConfigApplyResult): string[] {
  const lines = [
    `accounts: ${result.linked.length} linked, ${result.restored.length} restored, ${result.updated.length} updated, ${result.unchanged.length} unchanged, ${result.removed.length} removed`,
  ];
  if (result.organizationSettings === "applied") lines.push("organization settings applied");
  if (result.organizationSettings === "reset") lines.push("organization settings reset (no organization section any more)");
  const sync = result.organizationSync;
  if (sync?.ok) {
    lines.push(`organization ${sync.organizationId}: ${sync.accountsFound} accounts, ${sync.linked.length} linked now, ${sync.marked.length} newly suspended/closed/gone`);
    lines.push(...sync.warnings);
  } else if (sync) {
    lines.push(`organization sync failed: ${sync.error.code}: ${sync.error.message}`);
  }
  const alerts = result.alerts;
  if (alerts && alerts.created.length + alerts.updated.length + alerts.removed + alerts.refused.length > 0) {
    lines.push(`alert destinations: ${alerts.created.length} added, ${alerts.updated.length} updated, ${alerts.removed} removed`);
    lines.push(...alerts.refused.map((line) => `alert destination not applied: ${line}`));
  }
  return lines;
}

/**
 * For scripts/start.ts, after publishProcessServices: applies iamfit.config.json (in the working
 * directory, or `configPath`) when there is one. A broken file is logged line by line and not
 * applied; the server starts anyway, so the UI can show what is linked.
 */
export async function applyAccountsConfigAtStartup(
  log: (line: string) => void,
  options: { configPath?: string; connectionOptions?: AwsConnectionOptions; boss?: PgBoss; authSecret?: string } = {},
): Promise<ConfigApplyResult | undefined> {
  const filePath = path.resolve(options.configPath ?? DEFAULT_CONFIG_FILE_NAME);
  let config: AccountsConfig | undefined;
  try {
    config = await readAccountsConfigFile(filePath);
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    log(`${error.fileName} was not applied:`);
    for (const line of formatConfigProblems(error.fileName, error.problems).split("\n")) log(`  ${line}`);
    return undefined;
  }
  if (!config) return undefined;
  let services: ReturnType<typeof processServices> | undefined;
  try {
    services = processServices();
  } catch {
    services = undefined;
  }
  const boss = options.boss ?? services?.boss;
  const result = await applyAccountsConfig(config, "startup", {
    connectionOptions: options.connectionOptions ?? services?.aws.connectionOptions(),
    requestCollection: boss
      ? async (awsAccountIds) => {
          await requestCollection(boss, { trigger: "startup", awsAccountIds });
        }
      : undefined,
    log,
    alertKey: await installationKey(options.authSecret ?? process.env.IAMFIT_AUTH_SECRET),
  });
  for (const line of describeConfigApply(result)) log(`${path.basename(filePath)}: ${line}`);
  return result;
}
