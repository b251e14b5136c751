/**
 * Starting a collection from anywhere (schedule, UI, CLI): keep to the accounts in scope, record
 * the run and its account collections, then enqueue one job per account.
 */
import type PgBoss from "pg-boss";
import { createCollectionRun, type CreatedRun, type RunKind, type RunTrigger } from "@/lib/db/collections";
import { identityCenterHolderCandidates } from "@/lib/db/identity-center";
import { partitionAccountsByScope } from "./scope-settings";
import { enqueueCollections } from "@/lib/jobs/boss";

export interface RequestedRun extends CreatedRun {
  /** Linked accounts left out because they are outside the collection scope (settings), with why. */
  outOfScope: Array<{ awsAccountId: string; reason: string }>;
}

export async function requestCollection(
  boss: PgBoss,
  options: { trigger: RunTrigger; kind?: RunKind; awsAccountIds?: string[]; requestedBy?: string },
): Promise<RequestedRun> {
  // A re-evaluation reads stored snapshots only, so the scope of AWS calls does not apply to it.
  const scoped = options.kind === "evaluate" ? undefined : await partitionAccountsByScope(options.awsAccountIds);
  const outOfScope = scoped?.outOfScope ?? [];
  if (scoped && scoped.inScope.length === 0) return { runId: null, queued: [], alreadyActive: [], outOfScope };
  const run = await createCollectionRun({ ...options, ...(scoped ? { awsAccountIds: scoped.inScope } : {}) });
  if (run.runId !== null) {
    // Accounts that may hold IAM Identity Center start first: the others copy what they read, and
    // wait for them while they are being collected (lib/collect/identity-center.ts).
    const holders = options.kind === "evaluate" ? new Set<string>() : new Set(await identityCenterHolderCandidates());
    await enqueueCollections(
      boss,
      run.runId,
      run.queued.map((item) => item.collectionId),
      new Set(run.queued.filter((item) => holders.has(item.awsAccountId)).map((item) => item.collectionId)),
    );
  }
  return { ...run, outOfScope };
}
