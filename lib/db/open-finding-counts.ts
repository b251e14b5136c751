/**
 * The read model `open_finding_count`: open finding intervals counted per account, check, status
 * and severity. Pages that count findings across accounts (the scorecard grid, the accounts
 * needing attention, the worst problems, an exercise's checks) read these few rows per account
 * instead of the ~330 open intervals each account has.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbTransaction } from "./transaction";

/**
 * Recounts one account's open intervals, inside the transaction that changed them, so the counts
 * are never seen out of step with `finding`. Two statements: a DELETE and an INSERT of the same
 * keys in one statement would race within it.
 */
export async function refreshOpenFindingCounts(tx: DbTransaction, accountId: string): Promise<void> {
  await tx.$executeRaw(Prisma.sql`DELETE FROM open_finding_count WHERE account_id = ${accountId}::uuid`);
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO open_finding_count (account_id, check_id, exercise, status, severity, findings)
    SELECT account_id, check_id, min(exercise), status, severity, count(*)::int
      FROM finding
     WHERE account_id = ${accountId}::uuid AND closed_run_id IS NULL
     GROUP BY account_id, check_id, status, severity`);
}

/** Per account: its open failures by severity, as columns `critical`, `high`, `medium`, `low`. */
export function openFailuresBySeveritySql(accountCondition: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT c.account_id,
       COALESCE(sum(c.findings) FILTER (WHERE c.severity = 'critical'), 0)::int AS critical,
       COALESCE(sum(c.findings) FILTER (WHERE c.severity = 'high'), 0)::int AS high,
       COALESCE(sum(c.findings) FILTER (WHERE c.severity = 'medium'), 0)::int AS medium,
       COALESCE(sum(c.findings) FILTER (WHERE c.severity = 'low'), 0)::int AS low
  FROM open_finding_count c
 WHERE c.status = 'fail' AND ${accountCondition}
 GROUP BY c.account_id`;
}
