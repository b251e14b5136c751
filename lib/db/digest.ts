/**
 * The facts a digest needs that no other read model has: every account's score now and as of a
 * past run, the organization score then, and risk acceptances about to expire. Changes, overdue
 * items and the rest come from lib/db/changes.ts and lib/remediation/checklist-read.ts.
 */
import "server-only";
import type { ExerciseNumber, Severity } from "@/lib/checks/types";
import type { DigestAccountFacts, DigestChecklistEntry } from "@/lib/digest/digest-data";
import { dayOf, startOfDay } from "@/lib/dates/calendar-days";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";
import { parseAccountError } from "./collection-errors";
import { parseTags, severityRankSql, toIso } from "./sql-params";

export interface DigestAccountRow extends DigestAccountFacts {
  tags: Record<string, string>;
}

interface AccountSqlRow {
  aws_account_id: string;
  name: string;
  tags: unknown;
  last_status: string;
  last_collected_at: Date | null;
  last_error: unknown;
  assessed_now: boolean;
  score_now: number | null;
  assessed_before: boolean;
  score_before: number | null;
}

/**
 * Every linked account with its current score (its last evaluation, as the scorecard shows it)
 * and its score as of run `fromRunId` (the latest evaluation at or before it).
 */
export async function listDigestAccounts(fromRunId: string | null): Promise<DigestAccountRow[]> {
  const rows = await db().$queryRaw<AccountSqlRow[]>`SELECT a.aws_account_id, a.name, a.tags, a.last_status, a.last_collected_at, a.last_error,
            a.last_evaluated_run_id IS NOT NULL AS assessed_now, cur.score::int AS score_now,
            prev.run_id IS NOT NULL AS assessed_before, prev.score::int AS score_before
       FROM linked_account a
       LEFT JOIN account_score cur ON cur.account_id = a.id AND cur.run_id = a.last_evaluated_run_id
       LEFT JOIN LATERAL (
         SELECT s.run_id, s.score FROM account_score s
          WHERE s.account_id = a.id AND s.run_id <= ${fromRunId}::bigint
          ORDER BY s.run_id DESC LIMIT 1) prev ON true
      WHERE a.removed_at IS NULL
      ORDER BY lower(a.name), a.aws_account_id`;
  return rows.map((row) => ({
    awsAccountId: row.aws_account_id,
    name: row.name,
    tags: parseTags(row.tags),
    scoreNow: row.score_now,
    scoreBefore: row.score_before,
    assessedNow: row.assessed_now,
    assessedBefore: row.assessed_before,
    lastStatus: row.last_status,
    lastCollectedAt: toIso(row.last_collected_at),
    lastError: parseAccountError(row.last_error),
  }));
}

/** The stored organization score now (latest) and as of run `fromRunId`; null before any run was scored. */
export async function getOrganizationScores(fromRunId: string | null): Promise<{ now: number | null; before: number | null } | null> {
  const rows = await db().$queryRaw<Array<{ now_score: number | null; before_score: number | null }>>`SELECT latest.score::int AS now_score,
            (SELECT o.score::int FROM org_score o WHERE o.run_id <= ${fromRunId}::bigint ORDER BY o.run_id DESC LIMIT 1) AS before_score
       FROM (SELECT score FROM org_score ORDER BY run_id DESC LIMIT 1) latest`;
  const row = rows[0];
  return row ? { now: row.now_score, before: row.before_score } : null;
}

/**
 * Accepted risks whose acceptance ends within `withinDays` days, and those already ended that
 * wait for the next collection to reopen them; soonest first. `awsAccountIds` null: every account.
 */
export async function listExpiringRiskAcceptances(
  now: Date,
  withinDays: number,
  awsAccountIds: string[] | null,
  limit = 50,
): Promise<{ items: DigestChecklistEntry[]; total: number }> {
  // An acceptance that expires on a day ends when that day begins (lib/dates/calendar-days.ts).
  const horizon = new Date(startOfDay(dayOf(now)).getTime() + (withinDays + 1) * 86_400_000);
  const rows = await db().$queryRaw<
    Array<{ id: string; aws_account_id: string; account_name: string; check_id: string; exercise: number; resource_name: string; severity: string; risk_expires_on: Date; assignee: string | null; total: number }>
  >`SELECT i.id::text AS id, a.aws_account_id, a.name AS account_name, i.check_id, i.exercise::int AS exercise, i.resource_name,
            i.severity, i.risk_expires_on, i.assignee, count(*) OVER ()::int AS total
       FROM checklist_item i JOIN linked_account a ON a.id = i.account_id
      WHERE a.removed_at IS NULL AND i.state = 'risk_accepted' AND i.risk_expires_on < ${horizon}
        AND (${awsAccountIds}::text[] IS NULL OR a.aws_account_id = ANY(${awsAccountIds}::text[]))
      ORDER BY i.risk_expires_on, ${severityRankSql(Prisma.sql`i.severity`)}, lower(a.name), i.id
      LIMIT ${Math.min(Math.max(limit, 1), 500)}::int`;

  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      itemId: row.id,
      awsAccountId: row.aws_account_id,
      accountName: row.account_name,
      checkId: row.check_id,
      exercise: row.exercise as ExerciseNumber,
      resourceName: row.resource_name,
      severity: row.severity as Severity,
      day: dayOf(row.risk_expires_on),
      assignee: row.assignee,
    })),
  };
}
