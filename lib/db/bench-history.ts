/**
 * What bench:history needs beyond the collection path it drives: moving a finished run's clock
 * stamps to its simulated time (the commit writes the wall clock where it stamps "now"), picking
 * checklist items to move, and the database's size.
 */
import "server-only";
import { db } from "./client";

/** Stamps a finished run, its collections, score and touched rows with the simulated time. */
export async function stampRunAt(runId: bigint, startedAt: Date, finishedAt: Date): Promise<void> {
  await db().$transaction([
    db().$executeRaw`UPDATE collection_run SET created_at = ${startedAt}, started_at = ${startedAt}, finished_at = ${finishedAt} WHERE id = ${runId}`,
    db().$executeRaw`UPDATE account_collection SET started_at = ${startedAt}, heartbeat_at = ${finishedAt}, finished_at = ${finishedAt} WHERE run_id = ${runId}`,
    db().$executeRaw`UPDATE org_score SET created_at = ${finishedAt} WHERE run_id = ${runId}`,
    db().$executeRaw`UPDATE linked_account SET updated_at = ${finishedAt} WHERE last_evaluated_run_id = ${runId}`,
  ]);
}

/** Checklist items of an account a person could still act on, oldest first. */
export async function listActionableChecklistItems(accountId: string): Promise<Array<{ id: string; state: string }>> {
  const rows = await db().$queryRaw<Array<{ id: bigint; state: string }>>`
    SELECT id, state FROM checklist_item
     WHERE account_id = ${accountId}::uuid AND state IN ('open', 'in_progress', 'done', 'risk_accepted')
     ORDER BY id LIMIT 200`;
  return rows.map((row) => ({ id: row.id.toString(), state: row.state }));
}

export interface DatabaseSize {
  /** pg_database_size: everything, pg-boss's tables and the catalogue included. */
  databaseBytes: number;
  /** Tables, indexes and TOAST of iamfit's own tables (pg-boss's schema excluded). */
  iamfitBytes: number;
}

export async function measureDatabaseSize(): Promise<DatabaseSize> {
  const rows = await db().$queryRaw<Array<{ database_bytes: bigint; iamfit_bytes: bigint }>>`
    SELECT pg_database_size(current_database())::bigint AS database_bytes,
           (SELECT COALESCE(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind = 'r')::bigint AS iamfit_bytes`;
  const row = rows[0];
  return { databaseBytes: Number(row?.database_bytes ?? 0), iamfitBytes: Number(row?.iamfit_bytes ?? 0) };
}

/** Rewrites every table compactly (VACUUM FULL): what the data kept takes once pruned space is returned. */
export async function vacuumFull(): Promise<void> {
  await db().$executeRaw`VACUUM (FULL, ANALYZE)`;
}

export interface BenchTargets {
  /** The account with the most open findings: the heaviest account page. */
  awsAccountId: string;
  /** A failing resource of that account. */
  resourceId: string;
  latestRunId: string;
  accounts: number;
  openFindings: number;
}

/** What bench:pages asks the pages about, read from the benched database. */
export async function pickBenchTargets(): Promise<BenchTargets | undefined> {
  const rows = await db().$queryRaw<Array<{ aws_account_id: string; resource_id: string; latest_run_id: bigint; accounts: number; open_findings: number }>>`
    WITH heaviest AS (
      SELECT account_id FROM finding WHERE closed_run_id IS NULL GROUP BY account_id ORDER BY count(*) DESC, account_id LIMIT 1
    )
    SELECT a.aws_account_id,
           (SELECT f.resource_id FROM finding f WHERE f.account_id = a.id AND f.closed_run_id IS NULL AND f.status = 'fail'
             ORDER BY f.id LIMIT 1) AS resource_id,
           (SELECT max(id) FROM collection_run) AS latest_run_id,
           (SELECT count(*)::int FROM linked_account WHERE removed_at IS NULL) AS accounts,
           (SELECT count(*)::int FROM finding WHERE closed_run_id IS NULL) AS open_findings
      FROM heaviest h JOIN linked_account a ON a.id = h.account_id`;
  const row = rows[0];
  if (!row?.resource_id) return undefined;
  return {
    awsAccountId: row.aws_account_id,
    resourceId: row.resource_id,
    latestRunId: row.latest_run_id.toString(),
    accounts: row.accounts,
    openFindings: row.open_findings,
  };
}
