/**
 * Builds a history of collections through the real storage path: each simulated run is created,
 * claimed and committed with the same functions a collection uses (createCollectionRun,
 * claimCollection, storeAccountSnapshot, finishRunIfComplete), and checklist items move through
 * changeChecklistItems. Only time is simulated, and AWS is read once: each account's first
 * snapshot is collected from the sandbox organization by the real collectors; later runs drift
 * that snapshot (history-drift.ts) instead of asking AWS again, since collection is not what is
 * measured.
 */
import { createAccountClients } from "@/lib/aws/client-factory";
import { DEFAULT_THRESHOLDS, type Thresholds } from "@/lib/checks/types";
import { collectAccount } from "@/lib/collect/collect-account";
import { storeAccountSnapshot } from "@/lib/collect/collection-job";
import { scoreOrganizationForRun } from "@/lib/collect/evaluate";
import type { HashedBlob, SnapshotManifest } from "@/lib/collect/manifest";
import { linkAccount } from "@/lib/db/accounts";
import { listActionableChecklistItems, stampRunAt } from "@/lib/db/bench-history";
import { changeChecklistItems } from "@/lib/remediation/checklist-store";
import { claimCollection, createCollectionRun, finishRunIfComplete } from "@/lib/db/collections";
import type { ManualEvent } from "@/lib/remediation/state-machine";
import { createSandboxWorld, sandboxPlugin, SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox";
import { hashParts, mulberry32 } from "@/lib/sandbox/prng";
import type { AccountSnapshot } from "@/lib/snapshot/schema";
import { evaluateWithMemory, type EvaluationMemory } from "./memo-evaluation";
import { driftSnapshot, type AccountDriftState, type DriftEvent } from "./history-drift";

const HOUR_MS = 3_600_000;
/** Part data objects are never changed in place by the drift, so their hash is computed once. */
const PART_HASHES = new WeakMap<object, HashedBlob>();
const EXTERNAL_ID = "iamfit-bench-history";
/** Share of accounts whose owner moves one checklist item after a run. */
export const CHECKLIST_MOVES_PER_ACCOUNT_RUN = 0.003;

export interface HistoryOptions {
  accounts: number;
  days: number;
  everyHours: number;
  seed: number;
  /** The first run's time; the last run lands `days` later. */
  start: Date;
  /** Accounts committed at once (the worker's concurrency plays the same part). */
  concurrency: number;
  thresholds?: Thresholds;
  onRun?: (progress: { run: number; runs: number; at: Date }) => void;
}

export interface AccountTimeline {
  accountId: string;
  awsAccountId: string;
  snapshot: AccountSnapshot;
  state: AccountDriftState;
  previous: { manifest: SnapshotManifest; collectedAt: string; runId: bigint; reportGeneratedAt?: string } | undefined;
  memory: EvaluationMemory;
}

export interface HistoryStats {
  runs: number;
  accountRuns: number;
  /** Account-runs with at least one posture change (the credential report's dates move in all). */
  changedAccountRuns: number;
  events: Record<DriftEvent, number>;
  checklistMoves: number;
  lastRunAt: Date;
}

async function inPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/** Links the sandbox organization's generated accounts and collects each once, at `start`. */
export async function linkAndCollectFirstSnapshots(options: Pick<HistoryOptions, "accounts" | "seed" | "start" | "concurrency">): Promise<AccountTimeline[]> {
  const world = createSandboxWorld({ seed: options.seed, now: options.start, generatedAccounts: options.accounts, externalId: EXTERNAL_ID, cacheSize: 64 });
  const plugin = sandboxPlugin(world);
  const accounts = world.accounts().slice(-options.accounts); // the generated ones: realistic, no built-in faults
  const timelines: AccountTimeline[] = [];
  await inPool(accounts, options.concurrency, async (account) => {
    const linked = await linkAccount({ accountId: account.accountId, roleArn: account.roleArn, externalId: EXTERNAL_ID, name: account.name, tags: account.tags }, "sandbox");
    const clients = createAccountClients(
      { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [plugin] },
      { accountId: account.accountId, roleArn: account.roleArn, externalId: EXTERNAL_ID },
    );
    try {
      const snapshot = await collectAccount(clients, { now: () => options.start });
      timelines.push({ accountId: linked.id, awsAccountId: account.accountId, snapshot, state: {}, previous: undefined, memory: new Map() });
    } finally {
      clients.destroy();
    }
  });
  return timelines.sort((a, b) => a.awsAccountId.localeCompare(b.awsAccountId));
}

/** One simulated run: every account drifts (except on run 0, the collected snapshot) and commits. */
export async function commitSimulatedRun(
  timelines: AccountTimeline[],
  options: Pick<HistoryOptions, "seed" | "concurrency" | "thresholds"> & { run: number; at: Date; mode?: "normal" | "quiet" | "one-change" },
): Promise<{ runId: bigint; events: DriftEvent[]; changedAccounts: number }> {
  const created = await createCollectionRun({ trigger: "schedule" });
  if (created.runId === null) throw new Error(`run ${options.run}: nothing to collect (already active: ${created.alreadyActive.join(", ")})`);
  const runId = created.runId;
  const byAccount = new Map(timelines.map((timeline) => [timeline.accountId, timeline]));
  const events: DriftEvent[] = [];
  let changedAccounts = 0;
  await inPool(created.queued, options.concurrency, async (queued) => {
    const timeline = byAccount.get(queued.accountId);
    const claimed = await claimCollection(queued.collectionId);
    if (!timeline || !claimed) throw new Error(`run ${options.run}: account ${queued.awsAccountId} could not be claimed`);
    if (options.run > 0) {
      const drift = driftSnapshot({ seed: options.seed, snapshot: timeline.snapshot, state: timeline.state, run: options.run, collectedAt: options.at, ...(options.mode ? { mode: options.mode } : {}) });
      timeline.snapshot = drift.snapshot;
      timeline.state = drift.state;
      events.push(...drift.events);
      if (drift.events.length > 0) changedAccounts++;
    }
    const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    const { manifest, reportGeneratedAt } = await storeAccountSnapshot({
      claimed,
      snapshot: timeline.snapshot,
      previous: timeline.previous,
      thresholds,
      apiCalls: 0,
      evaluation: evaluateWithMemory(timeline.snapshot, thresholds, timeline.memory),
      knownHashes: PART_HASHES,
    });
    timeline.previous = { manifest, collectedAt: timeline.snapshot.collectedAt, runId, ...(reportGeneratedAt ? { reportGeneratedAt } : {}) };
  });
  await finishRunIfComplete(runId, scoreOrganizationForRun);
  return { runId, events, changedAccounts };
}

const CHECKLIST_MOVES: Array<(at: Date, state: string) => ManualEvent | undefined> = [
  (at, state) => (state === "open" ? { type: "start", at } : undefined),
  (at) => ({ type: "assign", at, assignee: "platform-team@example.com" }),
  (at) => ({ type: "add_note", at, note: "Checked with the owner; fix planned." }),
  (at, state) => (state === "open" || state === "in_progress" ? { type: "mark_done", at } : undefined),
  (at, state) =>
    state === "open" || state === "in_progress"
      ? { type: "accept_risk", at, reason: "Compensating control in place.", expiresOn: new Date(at.getTime() + 30 * 24 * HOUR_MS).toISOString().slice(0, 10) }
      : undefined,
  (at, state) => (state === "done" || state === "risk_accepted" ? { type: "reopen", at } : undefined),
];

/** After a run, a few owners move one checklist item each, through the same function the page uses. */
export async function moveChecklistItems(timelines: AccountTimeline[], options: { seed: number; run: number; at: Date }): Promise<number> {
  const random = mulberry32(hashParts("bench-checklist", options.seed, options.run));
  let moved = 0;
  for (const timeline of timelines) {
    if (random() >= CHECKLIST_MOVES_PER_ACCOUNT_RUN) continue;
    const items = await listActionableChecklistItems(timeline.accountId);
    const item = items[Math.floor(random() * items.length)];
    const event = item ? CHECKLIST_MOVES[Math.floor(random() * CHECKLIST_MOVES.length)]!(options.at, item.state) : undefined;
    if (!item || !event) continue;
    const result = await changeChecklistItems({ awsAccountId: timeline.awsAccountId, itemIds: [item.id], event, actor: "owner@example.com", comment: null });
    moved += result.changed.length;
  }
  return moved;
}

/** The whole history: first collection, then a run every `everyHours` for `days` days. */
export async function buildHistory(options: HistoryOptions): Promise<{ stats: HistoryStats; timelines: AccountTimeline[] }> {
  const timelines = await linkAndCollectFirstSnapshots(options);
  const runs = Math.floor((options.days * 24) / options.everyHours) + 1;
  const stats: HistoryStats = {
    runs: 0,
    accountRuns: 0,
    changedAccountRuns: 0,
    events: { userJoins: 0, userLeaves: 0, keyCreated: 0, keyDeactivated: 0, mfaToggled: 0, bucketTurnsPublic: 0, bucketBackToPrivate: 0 },
    checklistMoves: 0,
    lastRunAt: options.start,
  };
  for (let run = 0; run < runs; run++) {
    const at = new Date(options.start.getTime() + run * options.everyHours * HOUR_MS);
    options.onRun?.({ run, runs, at });
    const result = await commitSimulatedRun(timelines, { ...options, run, at });
    // A collection of 1,000 accounts takes minutes; the stamps say it took five.
    await stampRunAt(result.runId, at, new Date(at.getTime() + 5 * 60_000));
    stats.checklistMoves += await moveChecklistItems(timelines, { seed: options.seed, run, at: new Date(at.getTime() + 2 * HOUR_MS) });
    stats.runs++;
    stats.accountRuns += timelines.length;
    stats.changedAccountRuns += result.changedAccounts;
    for (const event of result.events) stats.events[event]++;
    stats.lastRunAt = at;
  }
  return { stats, timelines };
}
