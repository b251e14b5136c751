/**
 * One organization sync: read the organization (lib/aws/organizations.ts), replace the stored
 * inventory, mark linked accounts that became suspended, closed or left, and, when automatic
 * linking is on, link the accounts that are new. Every sync is recorded with its outcome.
 * Run by the periodic job (lib/jobs/organization-sync.ts), the organization page, the CLI and
 * the config file at start-up.
 */
import "server-only";
import {
  connectOrganizations,
  discoverOrganization,
  discoveryError,
  OrganizationDiscoveryError,
  type DiscoveryRole,
  type OrganizationDiscovery,
} from "@/lib/aws/organizations";
import type { AwsConnectionOptions } from "@/lib/aws/client-factory";
import { linkAccounts } from "@/lib/db/account-links";
import { finishOrganizationSync, readLinkingState, replaceOrganizationInventory, startOrganizationSync } from "@/lib/db/organization-inventory";
import { getOrganizationSettings } from "./organization-store";
import { getOrCreateExternalId } from "@/lib/db/settings";
import type { CollectorError } from "@/lib/snapshot/schema";
import { planAutomaticLinks } from "./organization-links";
import { unmatchedOuPatterns } from "./ou-filter";

export type OrganizationSyncTrigger = "schedule" | "manual" | "cli" | "startup";

export interface OrganizationSyncDeps {
  connectionOptions: AwsConnectionOptions;
  /** Starts a first collection of newly linked accounts; without it the schedule collects them. */
  requestCollection?: (awsAccountIds: string[]) => Promise<void>;
  log?: (line: string) => void;
  now?: () => Date;
}

export type OrganizationSyncResult =
  | {
      ok: true;
      syncId: bigint;
      organizationId: string;
      accountsFound: number;
      /** In the organization now, not at the previous sync. */
      added: string[];
      /** Linked automatically by this sync. */
      linked: string[];
      /** Linked accounts newly suspended, closed or gone from the organization. */
      marked: string[];
      /** OU patterns in the settings that match no OU (likely typos). */
      warnings: string[];
    }
  | { ok: false; syncId: bigint; error: CollectorError };

/** The role that reads the organization, when the settings name one; else iamfit's base credentials read it. */
export function discoveryRoleFor(
  settings: Pick<Awaited<ReturnType<typeof getOrganizationSettings>>, "discoveryRoleArn" | "discoveryExternalId">,
  installationExternalId: string,
): DiscoveryRole | undefined {
  return settings.discoveryRoleArn
    ? { roleArn: settings.discoveryRoleArn, externalId: settings.discoveryExternalId ?? installationExternalId }
    : undefined;
}

export async function syncOrganization(trigger: OrganizationSyncTrigger, deps: OrganizationSyncDeps): Promise<OrganizationSyncResult> {
  const log = deps.log ?? (() => undefined);
  const settings = await getOrganizationSettings();
  const installationExternalId = await getOrCreateExternalId();
  const syncId = await startOrganizationSync(trigger);
  const via = discoveryRoleFor(settings, installationExternalId);
  const connection = connectOrganizations(deps.connectionOptions, via);
  let discovery: OrganizationDiscovery;
  try {
    discovery = await discoverOrganization(connection.client, { signal: AbortSignal.timeout(5 * 60_000) });
  } catch (error) {
    const failure = error instanceof OrganizationDiscoveryError ? error.error : discoveryError(error, "organizations:DescribeOrganization");
    await finishOrganizationSync(syncId, { status: "failed", error: failure });
    log(`organization sync failed: ${failure.code}: ${failure.message}`);
    return { ok: false, syncId, error: failure };
  } finally {
    connection.destroy();
  }

  const change = await replaceOrganizationInventory(discovery, (deps.now ?? (() => new Date()))());
  let linked: string[] = [];
  if (settings.autoLink) {
    const { inventory, linkedById } = await readLinkingState();
    const plan = planAutomaticLinks(inventory, linkedById, {
      ...settings,
      roleName: settings.role,
      externalId: settings.externalId ?? installationExternalId,
    });
    const result = await linkAccounts(plan.toLink, { source: "organization", onExisting: "skip" });
    linked = [...result.linked, ...result.restored];
    if (linked.length > 0) {
      log(`linked ${linked.length} new account(s) of organization ${discovery.organizationId}`);
      await deps.requestCollection?.(linked).catch((error: unknown) => log(`could not start collecting the new accounts: ${String(error)}`));
    }
  }
  const warnings = unmatchedOuPatterns(settings, discovery.units, discovery.rootId).map((pattern) => `OU pattern "${pattern}" matches no OU of the organization`);
  await finishOrganizationSync(syncId, {
    status: "succeeded",
    organizationId: discovery.organizationId,
    accountsFound: discovery.accounts.length,
    accountsLinked: linked.length,
    accountsMarked: change.marked.length,
  });
  if (change.marked.length > 0) log(`marked ${change.marked.length} linked account(s) suspended, closed or gone: ${change.marked.join(", ")}`);
  return {
    ok: true,
    syncId,
    organizationId: discovery.organizationId,
    accountsFound: discovery.accounts.length,
    added: change.added,
    linked,
    marked: change.marked,
    warnings,
  };
}
