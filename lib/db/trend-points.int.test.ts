/**
 * Trends over a year: every run of the last two days, the last run of each day for a month, the
 * last run of each week before that, chosen in SQL from a year of runs every six hours.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { getAccountTrend } from "./account-scorecard";
import { db } from "./client";
import { getOrgTrend } from "./organization";
import { insertAccount } from "./scorecard-test-factories";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// A Monday at midnight UTC; the last run lands 365 days later, on a Tuesday at midnight.
const START = Date.parse("2025-12-01T00:00:00Z");
const RUNS = 365 * 4 + 1;
const LATEST = START + 365 * DAY_MS;
const runAt = (index: number) => new Date(START + index * 6 * HOUR_MS);
const scoreOf = (index: number) => index % 101;

/** Monday 00:00 UTC of the week holding `time`. */
const weekOf = (time: number) => {
  const day = Math.floor(time / DAY_MS);
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
  return (day - weekday) * DAY_MS;
};

describe("trends over a year", () => {
  let database: TestDatabase;
  let accountId: string;
  const runIds: bigint[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    accountId = (await insertAccount({ name: "Prod" })).id;
    const times = Array.from({ length: RUNS }, (_, index) => runAt(index));
    const runs = await db().$queryRaw<Array<{ id: bigint }>>`
      INSERT INTO collection_run (trigger, status, created_at, started_at, finished_at)
      SELECT 'schedule', 'succeeded', at, at, at FROM unnest(${times}::timestamptz[]) WITH ORDINALITY AS t(at, n) ORDER BY n
      RETURNING id`;
    runIds.push(...runs.map((run) => run.id).sort((a, b) => (a < b ? -1 : 1)));
    const scores = times.map((_, index) => scoreOf(index));
    await db().$executeRaw`
      INSERT INTO org_score (run_id, score, exercise_scores, accounts_assessed, worst)
      SELECT run_id, score, ARRAY[score, 100 - score]::smallint[], 1, '[]'::jsonb
        FROM unnest(${runIds}::bigint[], ${scores}::int[]) AS t(run_id, score)`;
    await db().$executeRaw`INSERT INTO fact_blob (hash, content, byte_size) VALUES (${Buffer.alloc(32)}, '{}'::jsonb, 2)`;
    await db().$executeRaw`
      INSERT INTO account_score (account_id, run_id, score, exercise_scores, passed, failed, unknown, unknown_checks, detail_hash, collected_at)
      SELECT ${accountId}::uuid, run_id, score, ARRAY[score]::smallint[], 1, 1, 0, 0, ${Buffer.alloc(32)}, at
        FROM unnest(${runIds}::bigint[], ${scores}::int[], ${times}::timestamptz[]) AS t(run_id, score, at)`;
  }, 120_000);
  afterAll(async () => database?.drop());

  /** The points the rule gives, worked out run by run. */
  function expectedPoints(): Array<{ index: number; at: string; score: number }> {
    const dailyFrom = LATEST - 30 * DAY_MS;
    const buckets = new Map<string, number>();
    for (let index = 0; index < RUNS; index++) {
      const time = runAt(index).getTime();
      const bucket = time >= LATEST - 48 * HOUR_MS ? `r${index}` : time >= dailyFrom ? `d${Math.floor(time / DAY_MS)}` : `w${weekOf(time)}`;
      buckets.set(bucket, index); // runs ascend, so the last one written is the bucket's last run
    }
    return [...buckets.values()].sort((a, b) => a - b).map((index) => ({ index, at: runAt(index).toISOString(), score: scoreOf(index) }));
  }

  it("keeps every run of the last two days, the last of each day for a month and of each week before, as real evaluations", async () => {
    const trend = await getOrgTrend();
    const expected = expectedPoints();
    // 9 runs in the last 48 hours, 28 whole days, and the 48 weeks from 1 December to the daily window.
    expect(expected.length).toBe(9 + 28 + 48);
    expect(trend.map((point) => ({ runId: point.runId, at: point.at, score: point.score }))).toEqual(
      expected.map((point) => ({ runId: runIds[point.index]!.toString(), at: point.at, score: point.score })),
    );
    expect(trend[0]!.exerciseScores).toEqual([scoreOf(expected[0]!.index), 100 - scoreOf(expected[0]!.index)]);
    // A week's point is its Sunday's last run; a day's point is its 18:00 run.
    expect(trend[0]!.at).toBe("2025-12-07T18:00:00.000Z");
    expect(trend[9 + 28 + 48 - 10]!.at).toBe("2026-11-28T18:00:00.000Z");
    expect(trend.at(-1)!.at).toBe(new Date(LATEST).toISOString());
  });

  it("aggregates an account's trend the same way, and narrows to a shorter window", async () => {
    const trend = await getAccountTrend(accountId);
    expect(trend.map((point) => point.at)).toEqual(expectedPoints().map((point) => point.at));
    const month = await getAccountTrend(accountId, { days: 30, dailyDays: 30 });
    // The window opens with the run exactly 30 days back, whose day's last run stands for it.
    expect(month).toHaveLength(9 + 28);
    expect(month[0]!.at).toBe(new Date(LATEST - 30 * DAY_MS + 18 * HOUR_MS).toISOString());
    const weekly = await getOrgTrend({ days: 365, dailyDays: 0 });
    expect(weekly.length).toBeLessThan(9 + 53 + 1);
    expect(weekly.slice(-9).map((point) => point.at)).toEqual(expectedPoints().slice(-9).map((point) => point.at));
  });
});
