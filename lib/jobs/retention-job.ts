/**
 * The daily retention job: prunes snapshot detail and history past their windows
 * (lib/retention/policy.ts decides the cutoffs, lib/db/retention.ts deletes in batches). Any number
 * of workers may register it: pg-boss runs one scheduled job per tick, and a second run finds
 * nothing left to delete.
 *
 * Start it in every worker process: `registerRetentionJob(boss, retentionJobOptionsFromEnv(config, log))`.
 */
import type PgBoss from "pg-boss";
import { pruneExpiredData, type RetentionBatch, type RetentionResult } from "@/lib/db/retention";
import type { IamfitEnv } from "@/lib/env";
import { planRetention, retentionSettingsFromEnv, type RetentionSettings } from "@/lib/retention/policy";
import { createQueueIfMissing } from "./boss";

export const RETENTION_QUEUE = "retention";
/** Daily, at a quiet minute off the hour (collections start on the hour). */
const RETENTION_CRON = "17 3 * * *";

export interface RetentionJobOptions extends RetentionSettings {
  log: (line: string) => void;
  now?: () => Date;
  /** Told of each transaction that changed rows (bench:history prints them). */
  onBatch?: (batch: RetentionBatch) => void;
  /** How often this process looks for the day's job; default a minute. */
  pollingIntervalSeconds?: number;
}

export function retentionJobOptionsFromEnv(config: IamfitEnv, log: (line: string) => void): RetentionJobOptions {
  return { ...retentionSettingsFromEnv(config), log };
}

/** One pass now: what the scheduled job does. */
export async function runRetention(options: RetentionJobOptions): Promise<RetentionResult> {
  const now = (options.now ?? (() => new Date()))();
  const plan = planRetention(options, now);
  const result = await pruneExpiredData({ snapshotCutoff: plan.snapshotCutoff, historyCutoff: plan.historyCutoff, now, onBatch: options.onBatch });
  const removed =
    result.collectionDetailsPruned + result.findingIntervalsDeleted + result.scoresDeleted + result.checklistEventsDeleted + result.runsDeleted;
  if (removed > 0 || result.blobsDeleted > 0) {
    options.log(
      `retention: snapshot details of ${result.collectionDetailsPruned} collection(s) older than ${plan.snapshotDays} days pruned; ` +
        `older than ${plan.historyDays} days: ${result.findingIntervalsDeleted} finding record(s), ${result.scoresDeleted} score(s), ` +
        `${result.checklistEventsDeleted} checklist event(s), ${result.runsDeleted} run(s) removed; ` +
        `${result.blobsDeleted} stored document(s) freed (${(result.blobBytesDeleted / 1_048_576).toFixed(1)} MB)`,
    );
  }
  return result;
}

export async function registerRetentionJob(boss: PgBoss, options: RetentionJobOptions): Promise<{ stop(): Promise<void> }> {
  // Fails fast at start-up on settings the planner refuses, not at 03:17.
  planRetention(options, new Date());
  await createQueueIfMissing(boss, { name: RETENTION_QUEUE, retryLimit: 1, expireInSeconds: 6 * 60 * 60 });
  await boss.schedule(RETENTION_QUEUE, RETENTION_CRON);
  const workerId = await boss.work(RETENTION_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 60 }, async () => {
    await runRetention(options);
  });
  return {
    async stop() {
      await boss.offWork({ id: workerId }).catch(() => undefined);
    },
  };
}
