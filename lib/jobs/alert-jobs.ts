/**
 * Alert jobs: a tick every minute creates the deliveries every destination is owed (new failing
 * intervals, overdue checklist items) and enqueues them with anything left unsent; the send job
 * sends one delivery and, after a failure worth retrying, enqueues its next attempt. Any number of
 * workers may run both: deliveries are unique per (destination, event) and a send starts with a
 * claim only one worker wins (lib/db/alert-deliveries.ts).
 */
import type PgBoss from "pg-boss";
import { createDueAlertDeliveries, sendAlertDelivery, type AlertSendContext, type AlertSendOutcome } from "@/lib/alerts/dispatch";
import { installationKey } from "@/lib/alerts/secret-box";
import { listAlertDeliveriesToResume } from "@/lib/db/alert-deliveries";
import type { IamfitEnv } from "@/lib/env";
import { publicBaseUrl } from "@/lib/http/public-url";
import { createQueueIfMissing } from "./boss";

export const ALERT_QUEUES = { tick: "alert-tick", send: "alert-send" } as const;

/** A claim older than this belongs to a worker that died mid-send (a send times out after 10 s). */
const STALE_CLAIM_MS = 2 * 60_000;

export interface AlertJobOptions {
  baseUrl: string;
  authSecret?: string;
  env?: Record<string, string | undefined>;
  log: (line: string) => void;
  now?: () => Date;
  /** null registers no schedule (tests call runTick). Default: every minute. */
  tickCron?: string | null;
  pollingIntervalSeconds?: number;
  firstRetryDelayMs?: number;
  fetchImpl?: typeof fetch;
}

export interface AlertJobs {
  runTick(): Promise<{ created: number; enqueued: number }>;
  sendNow(deliveryId: string): Promise<AlertSendOutcome>;
  stop(): Promise<void>;
}

const queuesReady = new WeakSet<PgBoss>();

export async function ensureAlertQueues(boss: PgBoss): Promise<void> {
  if (queuesReady.has(boss)) return;
  await createQueueIfMissing(boss, { name: ALERT_QUEUES.tick, retryLimit: 0, expireInSeconds: 5 * 60 });
  // Stately: at most one queued and one running job per delivery; retries are enqueued by us, with a delay.
  await createQueueIfMissing(boss, { name: ALERT_QUEUES.send, policy: "stately", retryLimit: 0, expireInSeconds: 5 * 60 });
  queuesReady.add(boss);
}

export async function enqueueAlertSends(boss: PgBoss, deliveryIds: string[], startAfter?: Date): Promise<void> {
  if (deliveryIds.length === 0) return;
  await ensureAlertQueues(boss);
  for (const deliveryId of new Set(deliveryIds)) {
    await boss.send(ALERT_QUEUES.send, { deliveryId }, { singletonKey: `alert-delivery-${deliveryId}`, ...(startAfter ? { startAfter } : {}) });
  }
}

export function alertJobOptionsFromEnv(config: IamfitEnv, log: (line: string) => void): AlertJobOptions {
  return { baseUrl: publicBaseUrl(config), authSecret: config.IAMFIT_AUTH_SECRET, env: process.env, log };
}

export async function registerAlertJobs(boss: PgBoss, options: AlertJobOptions): Promise<AlertJobs> {
  await ensureAlertQueues(boss);
  const clock = options.now ?? (() => new Date());
  const context: AlertSendContext = {
    now: clock,
    authSecret: await installationKey(options.authSecret),
    env: options.env ?? process.env,
    staleClaimMs: STALE_CLAIM_MS,
    firstRetryDelayMs: options.firstRetryDelayMs,
    fetchImpl: options.fetchImpl,
    log: options.log,
  };

  async function runTick() {
    const now = clock();
    const created = await createDueAlertDeliveries(now, options.baseUrl);
    const resumable = (await listAlertDeliveriesToResume(now, STALE_CLAIM_MS)).filter((entry) => !entry.nextAttemptAt || entry.nextAttemptAt <= now).map((entry) => entry.id);
    const ids = [...new Set([...created, ...resumable])];
    await enqueueAlertSends(boss, ids);
    if (created.length > 0) options.log(`alerts: ${created.length} alert(s) to send`);
    return { created: created.length, enqueued: ids.length };
  }

  async function sendNow(deliveryId: string): Promise<AlertSendOutcome> {
    const outcome = await sendAlertDelivery(deliveryId, context);
    if (outcome.status === "retrying") await enqueueAlertSends(boss, [deliveryId], outcome.nextAttemptAt);
    return outcome;
  }

  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const workerIds = [
    await boss.work<{ deliveryId: string }>(ALERT_QUEUES.send, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
      if (job) await sendNow(job.data.deliveryId);
    }),
    await boss.work(ALERT_QUEUES.tick, { pollingIntervalSeconds: Math.max(pollingIntervalSeconds, 5) }, async () => void (await runTick())),
  ];
  if (options.tickCron !== null) await boss.schedule(ALERT_QUEUES.tick, options.tickCron ?? "* * * * *");

  return {
    runTick,
    sendNow,
    async stop() {
      await Promise.all(workerIds.map((id) => boss.offWork({ id }).catch(() => undefined)));
    },
  };
}
