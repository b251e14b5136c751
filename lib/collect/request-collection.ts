/**
 * Starting a collection from anywhere (schedule, UI, CLI): record the run and its account
 * collections, then enqueue one job per account.
 */
import type PgBoss from "pg-boss";
import { createCollectionRun, type CreatedRun, type RunKind, type RunTrigger } from "@/lib/db/collections";
import { enqueueCollections } from "@/lib/jobs/boss";

export async function requestCollection(
  boss: PgBoss,
  options: { trigger: RunTrigger; kind?: RunKind; awsAccountIds?: string[]; requestedBy?: string },
): Promise<CreatedRun> {
  const run = await createCollectionRun(options);
  if (run.runId !== null) {
    await enqueueCollections(
      boss,
      run.runId,
      run.queued.map((item) => item.collectionId),
    );
  }
  return run;
}
