/**
 * One account's collection, as a worker runs it: claim, collect (or reload the stored snapshot
 * for a re-evaluation), evaluate, commit atomically, and close the run when it was the last.
 */
import type { AccountClients } from "@/lib/aws/client-factory";
import { AssumeRoleError, collectAccount, type CollectAccountOptions } from "@/lib/collect/collect-account";
import type { IdentityCenterDirectory } from "@/lib/collect/identity-center";
import type { OrganizationsFeaturesDirectory } from "@/lib/collect/organizations-features";
import type { ServiceControlPolicyReader } from "@/lib/aws/collectors/organizations-scps";
import {
  claimCollection,
  CollectionCancelledError,
  commitAccountCollection,
  failCollection,
  finishRunIfComplete,
  getLatestManifest,
  recordProgress,
  type ClaimedCollection,
  type StoredManifest,
} from "@/lib/db/collections";
import { getBlobs } from "@/lib/db/blobs";
import { syncChecklistForAccount } from "@/lib/remediation/checklist-store";
import type { AccountSnapshot, CollectorError } from "@/lib/snapshot/schema";
import type { Thresholds } from "@/lib/checks/types";
import { evaluateAccountSnapshot, scoreOrganizationForRun } from "./evaluate";
import { planFindingIntervals } from "./finding-intervals";
import { buildManifest, manifestBlobHashes, snapshotFromManifest, type HashedBlob, type SnapshotManifest } from "./manifest";

export interface CollectionJobContext {
  /** Clients for one account, with a call counter the job reads for progress and totals. */
  clientsFor(account: ClaimedCollection["account"]): { clients: AccountClients; apiCalls: () => number };
  thresholds: () => Promise<Thresholds>;
  heartbeatMs?: number;
  /** Longest one account may take before it is stopped as timed out (default 30 min). */
  timeBudgetMs?: number;
  /** The account's regions in scope (settings); every enabled region when absent. */
  regionScope?(account: ClaimedCollection["account"]): Promise<CollectAccountOptions["regions"]>;
  /** Where member accounts learn their organization's centralized root access features. */
  organizationsFeatures?: OrganizationsFeaturesDirectory;
  /** Where accounts learn the IAM Identity Center assignments that target them. */
  identityCenter?: IdentityCenterDirectory;
  /** Reads the service control policies that apply to each account (the organization's reader). */
  serviceControlPolicies?: ServiceControlPolicyReader;
  log?: (line: string) => void;
}

export interface CollectionJobHooks {
  /**
   * Called once the account's AWS calls are over (or there were none to make), before the
   * evaluation and the commit: the worker starts its next account meanwhile.
   */
  onCollected?(): void;
}

export async function runCollectionJob(
  collectionId: bigint,
  context: CollectionJobContext,
  hooks: CollectionJobHooks = {},
): Promise<string | null> {
  const claimed = await claimCollection(collectionId);
  if (!claimed) return null; // cancelled or already taken by another worker
  const log = context.log ?? (() => undefined);
  let apiCalls = () => 0;
  let progress = { done: 0, total: 0 };
  const abort = new AbortController();
  const heartbeat = setInterval(() => {
    recordProgress(collectionId, progress.done, progress.total, apiCalls())
      .then(({ cancelRequested }) => {
        if (cancelRequested && !abort.signal.aborted) abort.abort(new CollectionStopped("cancelled"));
      })
      .catch((error: Error) => log(`heartbeat for collection ${collectionId} failed: ${error.message}`));
  }, context.heartbeatMs ?? 5_000);
  const budget = setTimeout(
    () => abort.abort(new CollectionStopped("timed_out")),
    context.timeBudgetMs ?? 30 * 60_000,
  );
  try {
    const previous = await getLatestManifest(claimed.account.id);
    let snapshot: AccountSnapshot;
    if (claimed.kind === "evaluate") {
      if (!previous) throw new NothingToEvaluateError();
      const blobs = await getBlobs(manifestBlobHashes(previous.manifest));
      snapshot = snapshotFromManifest(previous.manifest, previous.collectedAt, (hash) => blobs.get(hash), previous.reportGeneratedAt);
    } else {
      const regions = await context.regionScope?.(claimed.account);
      const connection = context.clientsFor(claimed.account);
      apiCalls = connection.apiCalls;
      try {
        snapshot = await collectAccount(connection.clients, {
          signal: abort.signal,
          ...(regions ? { regions } : {}),
          ...(context.organizationsFeatures ? { organizationsFeatures: context.organizationsFeatures } : {}),
          ...(context.identityCenter ? { identityCenter: context.identityCenter } : {}),
          ...(context.serviceControlPolicies ? { serviceControlPolicies: context.serviceControlPolicies } : {}),
          onProgress: (done: number, total: number) => {
            progress = { done, total };
          },
        });
        if (abort.signal.aborted) throw abort.signal.reason;
      } finally {
        connection.clients.destroy();
      }
    }
    hooks.onCollected?.();
    const { partErrors } = await storeAccountSnapshot({
      claimed,
      snapshot,
      previous,
      thresholds: await context.thresholds(),
      apiCalls: apiCalls(),
    });
    log(`account ${claimed.account.awsAccountId}: ${partErrors.length ? `partial (${partErrors.length} errors)` : "collected"}`);
  } catch (caught) {
    const error = abort.signal.aborted ? abort.signal.reason : caught;
    const failure = describeFailure(error, claimed, context.timeBudgetMs ?? 30 * 60_000);
    const status = error instanceof CollectionStopped ? error.outcome : error instanceof CollectionCancelledError ? "cancelled" : "failed";
    log(`account ${claimed.account.awsAccountId}: ${status}: ${failure.code}: ${failure.message}`);
    await failCollection(collectionId, status, failure, apiCalls());
  } finally {
    clearInterval(heartbeat);
    clearTimeout(budget);
  }
  return finishRunIfComplete(claimed.runId, scoreOrganizationForRun);
}

/**
 * Evaluates a snapshot and commits it with its findings, scores and checklist, atomically: what
 * every collection and re-evaluation stores. bench:history commits its simulated runs through it.
 */
export async function storeAccountSnapshot(input: {
  claimed: ClaimedCollection;
  snapshot: AccountSnapshot;
  previous: StoredManifest | undefined;
  thresholds: Thresholds;
  apiCalls: number;
  /** The evaluation of this very snapshot, when already done (bench:history reuses unchanged checks' findings). */
  evaluation?: ReturnType<typeof evaluateAccountSnapshot>;
  /** Hashes of part data already hashed (bench:history: its snapshots are never changed in place). */
  knownHashes?: WeakMap<object, HashedBlob>;
}): Promise<{ partErrors: CollectorError[]; manifest: SnapshotManifest; reportGeneratedAt?: string }> {
  const { claimed, snapshot } = input;
  const { manifest, blobs, reportGeneratedAt } = buildManifest(snapshot, input.previous, input.knownHashes);
  const evaluation = input.evaluation ?? evaluateAccountSnapshot(snapshot, input.thresholds);
  // Entries left out of a part are errors too: the collection is partial and says which.
  const partErrors = Object.values(manifest.parts).flatMap((part) =>
    part.status === "error" ? [part.error] : part.status === "ok" ? (part.entryErrors ?? []) : [],
  );
  await commitAccountCollection({
    collectionId: claimed.collectionId,
    runId: claimed.runId,
    accountId: claimed.account.id,
    status: partErrors.length > 0 ? "partial" : "succeeded",
    collectedAt: new Date(snapshot.collectedAt),
    manifest,
    ...(reportGeneratedAt ? { reportGeneratedAt } : {}),
    blobs: claimed.kind === "evaluate" ? [] : blobs,
    partErrors,
    apiCalls: input.apiCalls,
    planFindings: (open) => planFindingIntervals(open, evaluation.findings),
    afterWrites: (tx) =>
      syncChecklistForAccount(tx, {
        accountId: claimed.account.id,
        runId: claimed.runId,
        collectedAt: new Date(snapshot.collectedAt),
        findings: evaluation.findings,
      }),
    score: evaluation.score,
  });
  return { partErrors, manifest, ...(reportGeneratedAt ? { reportGeneratedAt } : {}) };
}

/** Why a collection was stopped from outside: a cancel request or its time budget. */
class CollectionStopped extends Error {
  constructor(readonly outcome: "cancelled" | "timed_out") {
    super(outcome);
    this.name = "CollectionStopped";
  }
}

class NothingToEvaluateError extends Error {
  constructor() {
    super("This account has never been collected, so there is no stored snapshot to re-evaluate.");
    this.name = "NothingToEvaluate";
  }
}

function describeFailure(
  error: unknown,
  claimed: ClaimedCollection,
  timeBudgetMs: number,
): CollectorError | { code: string; message: string } {
  if (error instanceof CollectionStopped) {
    return error.outcome === "cancelled"
      ? { code: "Cancelled", message: "Cancelled while running; what was collected before is kept in earlier snapshots." }
      : {
          code: "TimedOut",
          message: `Stopped after its time budget of ${Math.round(timeBudgetMs / 60_000)} min; the last good snapshot stays current. A very slow or throttled account: check its throttling errors.`,
        };
  }
  if (error instanceof CollectionCancelledError) {
    return { code: "Cancelled", message: "Cancelled after its AWS calls, before its results were stored; the last good snapshot stays current." };
  }
  if (error instanceof AssumeRoleError) return error.collectorError;
  if (error instanceof NothingToEvaluateError) return { code: "NothingToEvaluate", message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: "InternalError",
    message: `iamfit failed while collecting ${claimed.account.awsAccountId}: ${message}. The last good snapshot stays current; please report this if it repeats.`,
  };
}
