/**
 * The periodic organization sync: a pg-boss queue ticked hourly, whose worker syncs when the
 * configured interval has passed (settings.syncIntervalHours, changeable at run time without
 * rescheduling). It stays quiet in installations that never used organization discovery, so a
 * principal without Organizations access does not collect a failure every hour.
 */
import type PgBoss from "pg-boss";
import type { AwsConnectionOptions } from "@/lib/aws/client-factory";
import { requestCollection } from "@/lib/collect/request-collection";
import { organizationSyncHistory } from "@/lib/db/organization-inventory";
import { getOrganizationSettings } from "@/lib/onboarding/organization-store";
import { syncOrganization } from "@/lib/onboarding/organization-sync";

export const ORGANIZATION_SYNC_QUEUE = "organization-sync";
const TICK_CRON = "23 * * * *";
/** A failed sync is retried after this long, whatever the interval. */
const RETRY_AFTER_FAILURE_HOURS = 1;

export interface SyncDueInput {
  now: Date;
  intervalHours: number;
  /** Organization discovery was ever configured (settings not default) or succeeded. */
  inUse: boolean;
  latest: { startedAt: Date; status: string } | null;
}

export function isOrganizationSyncDue({ now, intervalHours, inUse, latest }: SyncDueInput): boolean {
  if (intervalHours <= 0 || !inUse) return false;
  if (!latest) return true;
  const hours = latest.status === "failed" ? Math.min(intervalHours, RETRY_AFTER_FAILURE_HOURS) : intervalHours;
  return now.getTime() - latest.startedAt.getTime() >= hours * 3_600_000;
}

export interface OrganizationSyncJobOptions {
  connectionOptions: () => AwsConnectionOptions;
  log: (line: string) => void;
  /** Work the queue in this process (worker role); false only schedules it (web role). */
  work?: boolean;
}

/** Call once per process after startBoss (scripts/start.ts). */
export async function registerOrganizationSync(boss: PgBoss, options: OrganizationSyncJobOptions): Promise<void> {
  await boss.createQueue(ORGANIZATION_SYNC_QUEUE, { name: ORGANIZATION_SYNC_QUEUE, retryLimit: 0, expireInSeconds: 15 * 60 });
  await boss.schedule(ORGANIZATION_SYNC_QUEUE, TICK_CRON);
  if (options.work === false) return;
  await boss.work(ORGANIZATION_SYNC_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
    await syncOrganizationIfDue(boss, options);
  });
}

export async function syncOrganizationIfDue(boss: PgBoss, options: Omit<OrganizationSyncJobOptions, "work">, now = new Date()): Promise<boolean> {
  const [settings, history] = await Promise.all([getOrganizationSettings(), organizationSyncHistory()]);
  const due = isOrganizationSyncDue({
    now,
    intervalHours: settings.syncIntervalHours,
    inUse: history.everSucceeded || settings.managedBy !== "default",
    latest: history.latest,
  });
  if (!due) return false;
  const result = await syncOrganization("schedule", {
    connectionOptions: options.connectionOptions(),
    requestCollection: async (awsAccountIds) => {
      await requestCollection(boss, { trigger: "schedule", awsAccountIds });
    },
    log: options.log,
  });
  if (result.ok) options.log(`organization sync: ${result.accountsFound} accounts, ${result.linked.length} linked, ${result.marked.length} marked`);
  return true;
}
