/**
 * Which evaluations a trend chart shows over a year, chosen in SQL so a year of runs (1,460 at one
 * every six hours) never leaves the database: every run of the last two days, then the last run of
 * each day for `dailyDays`, then the last run of each week, back `days` before the newest run.
 * The last run of a day or week is the state the organization or account was left in, so every
 * point is a real evaluation (its run number and time are shown in the chart's table).
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

export interface TrendWindow {
  /** How far back from the newest run, in days. */
  days: number;
  /** Within this many days of the newest run, one point per day; before it, one per week. */
  dailyDays: number;
}

export const DEFAULT_TREND_WINDOW: TrendWindow = { days: 365, dailyDays: 30 };

/** Every run within this many hours of the newest is its own point. */
const EVERY_RUN_HOURS = 48;

/**
 * The bucket of a point at `at` (a timestamptz expression) against the newest point `latest`:
 * the run itself, its UTC day, or its UTC week (Monday). DISTINCT ON this, ordered by run id
 * descending, keeps each bucket's last run.
 */
export function trendBucketSql(at: Prisma.Sql, runId: Prisma.Sql, latest: Prisma.Sql, window: TrendWindow): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN ${at} >= ${latest} - make_interval(hours => ${EVERY_RUN_HOURS}::int) THEN 'r' || ${runId}::text
    WHEN ${at} >= date_trunc('day', ${latest} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(days => ${window.dailyDays}::int)
      THEN 'd' || to_char(${at} AT TIME ZONE 'UTC', 'YYYY-MM-DD')
    ELSE 'w' || to_char(date_trunc('week', ${at} AT TIME ZONE 'UTC'), 'YYYY-MM-DD') END`;
}

/** Keeps points within the window: no older than `days` before the newest. */
export function trendWindowSql(at: Prisma.Sql, latest: Prisma.Sql, window: TrendWindow): Prisma.Sql {
  return Prisma.sql`${at} >= ${latest} - make_interval(days => ${window.days}::int)`;
}

export function validTrendWindow(window: TrendWindow): TrendWindow {
  const days = Math.min(Math.max(Math.trunc(window.days), 1), 800);
  return { days, dailyDays: Math.min(Math.max(Math.trunc(window.dailyDays), 0), days) };
}
