import { isDeepStrictEqual } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccountClients } from "@/lib/aws/client-factory";
import { DEFAULT_THRESHOLDS } from "@/lib/checks/types";
import { collectAccount } from "@/lib/collect/collect-account";
import { evaluateAccountSnapshot } from "@/lib/collect/evaluate";
import { createSandboxWorld, sandboxPlugin, SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox";
import type { AccountSnapshot, CredentialReport, PartResult } from "@/lib/snapshot/schema";
import { driftSnapshot, type AccountDriftState, type DriftEvent, type DriftInput } from "./history-drift";
import { evaluateWithMemory, type EvaluationMemory } from "./memo-evaluation";

const START = new Date("2026-01-05T00:00:00Z");
const HOUR_MS = 3_600_000;

function replay(first: AccountSnapshot, seed: number, runs: number, mode?: DriftInput["mode"]) {
  let snapshot = first;
  let state: AccountDriftState = {};
  const history: Array<{ snapshot: AccountSnapshot; events: DriftEvent[] }> = [];
  for (let run = 1; run <= runs; run++) {
    const result = driftSnapshot({ seed, snapshot, state, run, collectedAt: new Date(START.getTime() + run * 6 * HOUR_MS), ...(mode ? { mode } : {}) });
    snapshot = result.snapshot;
    state = result.state;
    history.push({ snapshot, events: result.events });
  }
  return history;
}

const reportOf = (snapshot: AccountSnapshot) => (snapshot.parts["iam.credentialReport"] as PartResult<CredentialReport> & { status: "ok" }).data;

describe("bench:history drift", () => {
  let first: AccountSnapshot;
  beforeAll(async () => {
    const world = createSandboxWorld({ seed: 3, now: START, generatedAccounts: 1, externalId: "drift-test" });
    const account = world.accounts().at(-1)!;
    const clients = createAccountClients(
      { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [sandboxPlugin(world)] },
      { accountId: account.accountId, roleArn: account.roleArn, externalId: "drift-test" },
    );
    first = await collectAccount(clients, { now: () => START });
    clients.destroy();
  }, 60_000);

  it("gives the same history for the same seed and another for another seed", () => {
    const once = replay(first, 11, 400);
    const again = replay(first, 11, 400);
    expect(isDeepStrictEqual(once, again)).toBe(true);
    const events = (history: typeof once) => history.flatMap((entry, run) => entry.events.map((event) => `${run}:${event}`));
    expect(events(once).length).toBeGreaterThan(0);
    expect(events(replay(first, 12, 400))).not.toEqual(events(once));
  });

  it("keeps undrifted parts as the same objects and always writes a new credential report", () => {
    const [quiet] = replay(first, 11, 1, "quiet");
    expect(quiet!.events).toEqual([]);
    expect(quiet!.snapshot.parts["iam.authorizationDetails"]).toBe(first.parts["iam.authorizationDetails"]);
    expect(quiet!.snapshot.parts["s3.buckets"]).toBe(first.parts["s3.buckets"]);
    expect(reportOf(quiet!.snapshot).generatedAt).toBe("2026-01-05T05:55:00Z");
    expect(quiet!.snapshot.collectedAt).toBe("2026-01-05T06:00:00.000Z");
  });

  it("makes exactly one posture change per run in one-change mode, and turns a public bucket back", () => {
    const history = replay(first, 5, 60, "one-change");
    for (const entry of history) expect(entry.events.filter((event) => event !== "bucketBackToPrivate").length).toBeLessThanOrEqual(1);
    const all = history.flatMap((entry) => entry.events);
    expect(new Set(all)).toEqual(new Set(["userJoins", "userLeaves", "keyCreated", "keyDeactivated", "mfaToggled", "bucketTurnsPublic", "bucketBackToPrivate"]));
  });

  it("evaluates drifted snapshots with reused findings exactly as a full evaluation does", () => {
    const memory: EvaluationMemory = new Map();
    evaluateWithMemory(first, DEFAULT_THRESHOLDS, memory);
    const history = [...replay(first, 5, 12, "one-change"), ...replay(first, 5, 12, "quiet")];
    for (const { snapshot } of history) {
      expect(evaluateWithMemory(snapshot, DEFAULT_THRESHOLDS, memory)).toEqual(evaluateAccountSnapshot(snapshot, DEFAULT_THRESHOLDS));
    }
  });
});
