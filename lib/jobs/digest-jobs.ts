/**
 * The weekly digest's jobs: a tick every minute that creates the week's delivery for each
 * subscription whose time has come and enqueues it, and the send job that sends one delivery and,
 * after a failure, enqueues its next attempt. Any number of workers may run both: deliveries are
 * unique per (subscription, week) and a send starts with a claim only one worker wins
 * (lib/db/digest-deliveries.ts), so the queue may deliver a job twice without a second email.
 *
 * Start it in every worker process: `registerDigestJobs(boss, digestJobOptionsFromEnv(config, log))`.
 */
import type PgBoss from "pg-boss";
import { createQueueIfMissing } from "./boss";
import { createScheduledDeliveries, listDeliveriesToResume } from "@/lib/db/digest-deliveries";
import { listActiveSchedules } from "@/lib/db/digest-subscriptions";
import { planDueDeliveries } from "@/lib/digest/due-deliveries";
import { resolveBaseUrl } from "@/lib/digest/links";
import { sendDelivery, STALE_CLAIM_MS, type DigestSendContext, type SendOutcome } from "@/lib/digest/send-digest";
import { mailTransportFromEnv, type MailTransport } from "@/lib/digest/transport";
import type { IamfitEnv } from "@/lib/env";

export const DIGEST_QUEUES = {
  /** Every minute: create due deliveries, enqueue them and any left unsent. */
  tick: "digest-tick",
  /** One job per delivery attempt. */
  send: "digest-send",
} as const;

export interface DigestSendJob {
  deliveryId: string; // bigint as text: job data is JSON
}

export interface DigestJobOptions {
  transport: MailTransport;
  from: string;
  baseUrl: string;
  log: (line: string) => void;
  now?: () => Date;
  /** The tick's cron; null registers no schedule (tests call runTick). Default: every minute. */
  tickCron?: string | null;
  /** Deliveries sent at once by this process. */
  sendConcurrency?: number;
  pollingIntervalSeconds?: number;
  firstRetryDelayMs?: number;
  staleClaimMs?: number;
}

export interface DigestJobs {
  /** One tick now; what the scheduled tick does. */
  runTick(): Promise<{ created: number; enqueued: number }>;
  /** Sends one delivery in this process, as the send job does (and enqueues a retry when one is due). */
  sendNow(deliveryId: string): Promise<SendOutcome>;
  stop(): Promise<void>;
}

const queuesReady = new WeakSet<PgBoss>();

/**
 * pg-boss 10 gives each queue its own partition of the job table; two processes creating one at
 * the same moment can deadlock (40P01) on it. One of them succeeds, so look again and retry.
 */
/** Creates the digest queues once per pg-boss instance (a web-only process enqueues test sends too). */
export async function ensureDigestQueues(boss: PgBoss): Promise<void> {
  if (queuesReady.has(boss)) return;
  await createQueueIfMissing(boss, { name: DIGEST_QUEUES.tick, retryLimit: 0, expireInSeconds: 5 * 60 });
  // Stately: at most one queued and one running job per delivery, so repeated enqueues collapse.
  // The queue does not retry: a failed attempt is recorded and its next attempt enqueued with a delay.
  await createQueueIfMissing(boss, { name: DIGEST_QUEUES.send, policy: "stately", retryLimit: 0, expireInSeconds: 15 * 60 });
  queuesReady.add(boss);
}

export async function enqueueDigestSends(boss: PgBoss, deliveryIds: string[], startAfter?: Date): Promise<void> {
  if (deliveryIds.length === 0) return;
  await ensureDigestQueues(boss);
  for (const deliveryId of new Set(deliveryIds)) {
    await boss.send(DIGEST_QUEUES.send, { deliveryId } satisfies DigestSendJob, {
      singletonKey: `digest-delivery-${deliveryId}`,
      ...(startAfter ? { startAfter } : {}),
    });
  }
}

export function digestJobOptionsFromEnv(config: IamfitEnv, log: (line: string) => void): DigestJobOptions {
  return { transport: mailTransportFromEnv(config), from: config.SMTP_FROM, baseUrl: resolveBaseUrl(config), log };
}

export async function registerDigestJobs(boss: PgBoss, options: DigestJobOptions): Promise<DigestJobs> {
  await ensureDigestQueues(boss);
  const clock = options.now ?? (() => new Date());
  const staleClaimMs = options.staleClaimMs ?? STALE_CLAIM_MS;
  const context: DigestSendContext = {
    transport: options.transport,
    from: options.from,
    baseUrl: options.baseUrl,
    now: clock,
    staleClaimMs,
    firstRetryDelayMs: options.firstRetryDelayMs,
    log: options.log,
  };

  async function runTick() {
    const now = clock();
    const created = await createScheduledDeliveries(planDueDeliveries(await listActiveSchedules(), now));
    const resumable = await listDeliveriesToResume(now, staleClaimMs);
    const ids = [...new Set([...created, ...resumable])];
    await enqueueDigestSends(boss, ids);
    if (created.length > 0) options.log(`digest: ${created.length} weekly digest(s) due`);
    return { created: created.length, enqueued: ids.length };
  }

  async function sendNow(deliveryId: string): Promise<SendOutcome> {
    const outcome = await sendDelivery(deliveryId, context);
    if (outcome.status === "retrying") await enqueueDigestSends(boss, [deliveryId], outcome.nextAttemptAt);
    return outcome;
  }

  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const workerIds: string[] = [];
  for (let index = 0; index < (options.sendConcurrency ?? 2); index++) {
    workerIds.push(
      await boss.work<DigestSendJob>(DIGEST_QUEUES.send, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
        if (job) await sendNow(job.data.deliveryId);
      }),
    );
  }
  workerIds.push(await boss.work(DIGEST_QUEUES.tick, { pollingIntervalSeconds: Math.max(pollingIntervalSeconds, 5) }, async () => void (await runTick())));
  if (options.tickCron !== null) await boss.schedule(DIGEST_QUEUES.tick, options.tickCron ?? "* * * * *");

  return {
    runTick,
    sendNow,
    async stop() {
      await Promise.all(workerIds.map((id) => boss.offWork({ id }).catch(() => undefined)));
      options.transport.close();
    },
  };
}
