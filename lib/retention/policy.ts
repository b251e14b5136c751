/**
 * What the retention job keeps: snapshot detail (snapshot blobs, manifests, per-collection part
 * errors) for IAMFIT_SNAPSHOT_RETENTION_DAYS, and history (finding intervals, scores, checklist
 * history, the runs themselves) for IAMFIT_HISTORY_RETENTION_DAYS. Pure: the clock is passed in.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionSettings {
  snapshotDays: number;
  historyDays: number;
}

export interface RetentionPlan {
  /** Snapshot detail of collections in runs created before this is pruned. */
  snapshotCutoff: Date;
  /** Closed finding intervals, scores, checklist events and runs older than this are deleted. */
  historyCutoff: Date;
  snapshotDays: number;
  historyDays: number;
}

/** The windows configured in the environment (lib/env.ts holds their defaults: 90 and 400 days). */
export function retentionSettingsFromEnv(config: {
  IAMFIT_SNAPSHOT_RETENTION_DAYS: number;
  IAMFIT_HISTORY_RETENTION_DAYS: number;
}): RetentionSettings {
  return { snapshotDays: config.IAMFIT_SNAPSHOT_RETENTION_DAYS, historyDays: config.IAMFIT_HISTORY_RETENTION_DAYS };
}

export function planRetention(settings: RetentionSettings, now: Date): RetentionPlan {
  if (!Number.isInteger(settings.snapshotDays) || settings.snapshotDays < 1) throw new Error("snapshot retention must be a whole number of days, at least 1");
  if (!Number.isInteger(settings.historyDays) || settings.historyDays < 1) throw new Error("history retention must be a whole number of days, at least 1");
  // A run's snapshot detail cannot outlive the run: history shorter than the snapshot window is
  // read as "keep both for the longer of the two" rather than deleting runs whose detail is kept.
  const historyDays = Math.max(settings.historyDays, settings.snapshotDays);
  return {
    snapshotCutoff: new Date(now.getTime() - settings.snapshotDays * DAY_MS),
    historyCutoff: new Date(now.getTime() - historyDays * DAY_MS),
    snapshotDays: settings.snapshotDays,
    historyDays,
  };
}

/** What a page says where it reaches a collection whose snapshot detail was pruned. */
export function prunedDetailNote(snapshotDays: number): string {
  return `Details of this collection are no longer kept (older than ${snapshotDays} days).`;
}
