/**
 * The collection worker: N concurrent pollers of the per-account queue (the global bound on
 * accounts collected at once by this process; each account's evaluation and commit may trail
 * behind while its poller takes the next one), plus a schedule tick that starts due collections
 * and recovers work lost with a dead worker.
 */
import type PgBoss from "pg-boss";
import { finishRunIfComplete, interruptStaleCollections, latestRunStartedAt } from "@/lib/db/collections";
import { QUEUES, type CollectAccountJob } from "@/lib/jobs/boss";
import { runCollectionJob, type CollectionJobContext } from "./collection-job";
import { scoreOrganizationForRun } from "./evaluate";
import { limitHeapGrowth } from "./heap-growth";
import { requestCollection } from "./request-collection";

export interface WorkerOptions {
  boss: PgBoss;
  job: CollectionJobContext;
  /** Accounts collected at once by this process. */
  concurrency: number;
  /** Hours between scheduled collections; 0 disables the schedule. */
  intervalHours: number;
  log: (line: string) => void;
  /** A running collection without a heartbeat this long is marked interrupted; default STALE_HEARTBEAT_MS. */
  staleAfterMs?: number;
}

/** A collection whose heartbeat is older than this is considered lost. */
export const STALE_HEARTBEAT_MS = 2 * 60_000;

export async function startCollectionWorker(options: WorkerOptions): Promise<{ stop(): Promise<void> }> {
  const { boss, log } = options;
  limitHeapGrowth();
  const staleAfterMs = options.staleAfterMs ?? STALE_HEARTBEAT_MS;
  await recoverLostWork(log, staleAfterMs);
  const commits = trailingCommits(options.concurrency, log, runCollectionJob);
  const workerIds: string[] = [];
  for (let index = 0; index < options.concurrency; index++) {
    workerIds.push(
      await boss.work<CollectAccountJob>(
        QUEUES.collectAccount,
        { batchSize: 1, pollingIntervalSeconds: 0.5 },
        async ([job]) => {
          if (job) await commits.collect(BigInt(job.data.collectionId), options.job);
        },
      ),
    );
  }
  // Every minute, so a collection lost with its worker is marked within the stale window plus a minute.
  await boss.schedule(QUEUES.scheduleTick, "* * * * *");
  await boss.work(QUEUES.scheduleTick, { pollingIntervalSeconds: 5 }, async () => {
    await recoverLostWork(log, staleAfterMs);
    await startScheduledCollectionIfDue(boss, options.intervalHours, log);
  });
  return {
    async stop() {
      await Promise.all(workerIds.map((id) => boss.offWork({ id }).catch(() => undefined)));
      await commits.drain();
    },
  };
}

/**
 * Runs each account's collection, and hands its poller back to the queue once the account's AWS
 * calls are over, while its evaluation and commit finish: the next account's requests need not
 * wait on the database. At most `limit` accounts trail like that (the poller waits beyond), so
 * both the accounts making AWS calls and those committing stay bounded by the concurrency.
 * A trailing commit lost with the process is like any collection lost: its row stays "running"
 * and the heartbeat sweep marks it interrupted.
 */
export function trailingCommits(limit: number, log: (line: string) => void, runJob: typeof runCollectionJob) {
  const trailing = new Set<Promise<void>>();
  return {
    async collect(collectionId: bigint, context: CollectionJobContext): Promise<void> {
      let collected!: () => void;
      const awsCallsOver = new Promise<void>((resolve) => (collected = resolve));
      const finished = runJob(collectionId, context, { onCollected: () => collected() })
        .then(
          () => undefined,
          (error: Error) => log(`collection ${collectionId} failed: ${error.message}`),
        )
        .finally(() => collected());
      await awsCallsOver;
      const commit = finished.finally(() => trailing.delete(commit));
      trailing.add(commit);
      while (trailing.size > limit) await Promise.race(trailing);
    },
    async drain(): Promise<void> {
      await Promise.all(trailing);
    },
  };
}

export async function recoverLostWork(log: (line: string) => void, staleAfterMs = STALE_HEARTBEAT_MS): Promise<void> {
  const runIds = await interruptStaleCollections(staleAfterMs);
  for (const runId of runIds) {
    const status = await finishRunIfComplete(runId, scoreOrganizationForRun);
    log(`run ${runId}: collections lost with a stopped worker were marked interrupted${status ? `; run ${status}` : ""}`);
  }
}

export async function startScheduledCollectionIfDue(
  boss: PgBoss,
  intervalHours: number,
  log: (line: string) => void,
): Promise<void> {
  if (intervalHours <= 0) return;
  const last = await latestRunStartedAt(["schedule", "startup"]);
  if (last && Date.now() - last.getTime() < intervalHours * 3_600_000) return;
  const run = await requestCollection(boss, { trigger: "schedule" });
  if (run.runId !== null) log(`scheduled collection ${run.runId} started for ${run.queued.length} accounts`);
}
