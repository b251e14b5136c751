/**
 * A short bench:history on a real PostgreSQL: runs, scores, findings and checklist land through
 * the collection's own commit path, at the simulated times.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { buildHistory, commitSimulatedRun, type AccountTimeline, type HistoryStats } from "./history-builder";

const START = new Date("2026-03-02T00:00:00Z");

describe("bench:history on a real database", () => {
  let database: TestDatabase;
  let stats: HistoryStats;
  let timelines: AccountTimeline[];

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ stats, timelines } = await buildHistory({ accounts: 3, days: 2, everyHours: 6, seed: 9, start: START, concurrency: 2 }));
  }, 180_000);
  afterAll(async () => database?.drop());

  it("stores one finished run every six hours, at the simulated times, with a score per account", async () => {
    expect(stats).toMatchObject({ runs: 9, accountRuns: 27 });
    const runs = await db().collectionRun.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, createdAt: true, finishedAt: true } });
    expect(runs.map((run) => run.createdAt.toISOString())).toEqual(
      Array.from({ length: 9 }, (_, index) => new Date(START.getTime() + index * 6 * 3_600_000).toISOString()),
    );
    expect(runs.every((run) => ["succeeded", "partial"].includes(run.status))).toBe(true);
    expect(await db().accountScore.count()).toBe(27);
    expect(await db().orgScore.count()).toBe(9);
    const accounts = await db().linkedAccount.findMany({ select: { lastEvaluatedRunId: true, lastCollectedAt: true } });
    expect(accounts).toHaveLength(3);
    for (const account of accounts) {
      expect(account.lastEvaluatedRunId).toBe(runs.at(-1)!.id);
      expect(account.lastCollectedAt?.toISOString()).toBe("2026-03-04T00:00:00.000Z");
    }
  });

  it("stores findings as intervals opened by the first run and checklist items for the failures", async () => {
    const firstRun = (await db().collectionRun.findFirst({ orderBy: { id: "asc" } }))!.id;
    const opened = await db().finding.count({ where: { firstRunId: firstRun } });
    expect(opened).toBeGreaterThan(3 * 20);
    // Unchanged findings are extended, not stored again: far fewer rows than findings per run times runs.
    expect(await db().finding.count()).toBeLessThan(opened * 2);
    expect(await db().checklistItem.count()).toBeGreaterThan(0);
    const seen = await db().finding.findFirst({ where: { firstRunId: firstRun }, select: { firstSeenAt: true } });
    expect(seen?.firstSeenAt.toISOString()).toBe(START.toISOString());
  });

  it("closes and opens finding intervals when the posture changes", async () => {
    const closedBefore = await db().finding.count({ where: { closedRunId: { not: null } } });
    const at = new Date("2026-03-04T06:00:00Z");
    const changed = await commitSimulatedRun(timelines, { seed: 9, concurrency: 2, run: stats.runs, at, mode: "one-change" });
    expect(changed.changedAccounts).toBe(3);
    const closedAfter = await db().finding.count({ where: { closedRunId: { not: null } } });
    const openedNow = await db().finding.count({ where: { firstRunId: changed.runId } });
    // Each account's change closes an interval, opens one, or both.
    expect(closedAfter - closedBefore + openedNow).toBeGreaterThanOrEqual(3);
  });
});
