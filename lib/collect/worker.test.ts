import { describe, expect, it } from "vitest";
import type { CollectionJobContext, CollectionJobHooks } from "./collection-job";
import { trailingCommits } from "./worker";

/** A job the test steps through: its AWS calls end on `collected()`, its commit on `committed()`. */
function steppedJob() {
  let collected!: () => void;
  let committed!: (outcome?: Error) => void;
  const awsCallsOver = new Promise<void>((resolve) => (collected = resolve));
  const commitOver = new Promise<void>((resolve, reject) => (committed = (outcome) => (outcome ? reject(outcome) : resolve())));
  let committing = false;
  const run = async (_id: bigint, _context: CollectionJobContext, hooks: CollectionJobHooks = {}) => {
    await awsCallsOver;
    hooks.onCollected?.();
    committing = true;
    await commitOver;
    return null;
  };
  return { run, collected: () => collected(), committed: (outcome?: Error) => committed(outcome), isCommitting: () => committing };
}

const context = {} as CollectionJobContext;
const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true), () => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 5));
  return done;
};

describe("trailing commits", () => {
  it("hands the poller back once the account's AWS calls are over, while its commit goes on", async () => {
    const job = steppedJob();
    const commits = trailingCommits(2, () => undefined, job.run);
    const poller = commits.collect(1n, context);
    expect(await settled(poller)).toBe(false);
    job.collected();
    expect(await settled(poller)).toBe(true);
    expect(job.isCommitting()).toBe(true);
    const drained = commits.drain();
    expect(await settled(drained)).toBe(false);
    job.committed();
    expect(await settled(drained)).toBe(true);
  });

  it("keeps the poller once `limit` commits trail, until one of them is over", async () => {
    const first = steppedJob();
    const second = steppedJob();
    const jobs = [first, second];
    const commits = trailingCommits(1, () => undefined, (...args) => jobs.shift()!.run(...args));
    first.collected();
    await commits.collect(1n, context);
    const secondPoller = commits.collect(2n, context);
    second.collected();
    expect(await settled(secondPoller)).toBe(false);
    first.committed();
    expect(await settled(secondPoller)).toBe(true);
    second.committed();
    await commits.drain();
  });

  it("hands the poller back when a job ends without reaching its AWS calls", async () => {
    const commits = trailingCommits(2, () => undefined, async () => null);
    await commits.collect(1n, context);
    await commits.drain();
  });

  it("logs a commit that fails instead of failing the worker", async () => {
    const job = steppedJob();
    const lines: string[] = [];
    const commits = trailingCommits(2, (line) => lines.push(line), job.run);
    job.collected();
    await commits.collect(7n, context);
    job.committed(new Error("connection lost"));
    await commits.drain();
    expect(lines).toEqual(["collection 7 failed: connection lost"]);
  });
});
