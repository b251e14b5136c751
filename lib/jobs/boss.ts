/**
 * pg-boss: the job queue in iamfit's own PostgreSQL. Every process that enqueues or works
 * jobs shares the one database, so many workers can scale out behind one web process.
 */
import PgBoss from "pg-boss";

export const QUEUES = {
  /** One job per account collection (account_collection row). */
  collectAccount: "collect-account",
  /** A tick every few minutes: start a scheduled collection when one is due; recover lost work. */
  scheduleTick: "schedule-tick",
} as const;

export interface CollectAccountJob {
  collectionId: string; // bigint as text: job data is JSON
  runId: string;
}

/** Queues this process is stopping on purpose (stopBoss). */
const stopping = new WeakSet<PgBoss>();

/** PostgreSQL's "terminating connection due to administrator command": it is stopping. */
const ADMIN_SHUTDOWN = "57P01";

export async function startBoss(databaseUrl: string): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: "pgboss",
    // Small pool: most of the work is AWS calls, not queue traffic.
    max: 4,
    application_name: "iamfit-jobs",
  });
  boss.on("error", (error) => {
    // The pool's connections may still be closing when the embedded PostgreSQL stops right after
    // stopBoss; their "terminating connection" is the shutdown we asked for, not a fault.
    if (stopping.has(boss) && (error as { code?: unknown }).code === ADMIN_SHUTDOWN) return;
    console.error(`[jobs] ${error.message}`);
  });
  await boss.start();
  // Collections are not retried by the queue: a lost one is marked interrupted by the heartbeat
  // sweep and the next run collects the account again (see lib/db/collections.ts).
  await createQueueIfMissing(boss, { name: QUEUES.collectAccount, retryLimit: 0, expireInSeconds: 60 * 60 });
  await createQueueIfMissing(boss, { name: QUEUES.scheduleTick, retryLimit: 0, expireInSeconds: 15 * 60 });
  return boss;
}

/** Stops the queue for good (process shutdown): jobs in progress get up to `timeoutMs` to finish. */
export async function stopBoss(boss: PgBoss, timeoutMs = 10_000): Promise<void> {
  stopping.add(boss);
  await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}

/**
 * createQueue, tolerant of another process creating the same queue at the same moment (pg-boss
 * can deadlock there, e.g. `start:web` and `start:worker` starting together): check, retry.
 */
export async function createQueueIfMissing(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(queue.name)) return;
    try {
      await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

export async function enqueueCollections(
  boss: PgBoss,
  runId: bigint,
  collectionIds: bigint[],
  /** Collections to start before the others (pg-boss fetches higher priorities first). */
  first: ReadonlySet<bigint> = new Set(),
): Promise<void> {
  if (collectionIds.length === 0) return;
  await boss.insert(
    collectionIds.map((collectionId) => ({
      name: QUEUES.collectAccount,
      ...(first.has(collectionId) ? { priority: 1 } : {}),
      data: { collectionId: collectionId.toString(), runId: runId.toString() } satisfies CollectAccountJob,
      // Names the job after its collection for operators; a duplicate job would be harmless anyway:
      // claimCollection lets only one worker move a collection from queued to running.
      singletonKey: `collection-${collectionId}`,
    })),
  );
}
