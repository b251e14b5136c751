/**
 * What connection health is judged from, for every linked account: what the last collection
 * achieved, when iamfit last read the account successfully and the error that stands. The
 * judgement and its order are lib/onboarding/account-health.ts's.
 */
import "server-only";
import { parseStoredError, parseStoredErrors, type StoredCollectionError } from "./collection-errors";
import { db } from "./client";

export interface StoredAccountHealth {
  awsAccountId: string;
  name: string;
  roleArn: string;
  ouPath: string | null;
  organizationState: string | null;
  lastStatus: string;
  /** The last collection that read the account (completely or partly). */
  lastSuccessAt: Date | null;
  /** The error that stands: the account-level failure, or the first part that could not be read. */
  error: StoredCollectionError | null;
  /** Parts the latest finished collection could not read. */
  unreadableParts: number;
}

interface HealthSqlRow {
  aws_account_id: string;
  name: string;
  role_arn: string;
  ou_path: string | null;
  organization_state: string | null;
  last_status: string;
  last_collected_at: Date | null;
  last_error: unknown;
  part_errors: unknown;
}

/** Every linked account not removed, in no particular order. */
export async function listStoredAccountHealth(): Promise<StoredAccountHealth[]> {
  const rows = await db().$queryRaw<HealthSqlRow[]>`SELECT account.aws_account_id, account.name, account.role_arn, account.ou_path, account.organization_state,
            account.last_status, account.last_collected_at, account.last_error, latest.part_errors
       FROM linked_account AS account
       LEFT JOIN LATERAL (
         SELECT collection.part_errors FROM account_collection AS collection
          WHERE collection.account_id = account.id AND collection.finished_at IS NOT NULL
          ORDER BY collection.id DESC LIMIT 1
       ) AS latest ON true
      WHERE account.removed_at IS NULL`;
  return rows.map((row) => ({
    awsAccountId: row.aws_account_id.trim(),
    name: row.name,
    roleArn: row.role_arn,
    ouPath: row.ou_path,
    organizationState: row.organization_state,
    lastStatus: row.last_status,
    lastSuccessAt: row.last_collected_at,
    error: parseStoredError(row.last_error),
    unreadableParts: parseStoredErrors(row.part_errors).length,
  }));
}
