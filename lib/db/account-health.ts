/**
 * Connection health of every linked account: what the last collection achieved, when iamfit
 * last read the account successfully, the error that stands and how to fix it
 * (lib/onboarding/connection-health.ts), for the health page and `iamfit accounts health`.
 */
import "server-only";
import { connectionHealth, type ConnectionHealth } from "@/lib/onboarding/connection-health";
import { parseStoredError, parseStoredErrors, type StoredCollectionError } from "./collection-errors";
import { db } from "./client";

export interface AccountHealthRow {
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
  health: ConnectionHealth;
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

const HEALTH_ORDER: Record<ConnectionHealth["state"], number> = {
  failing: 0,
  degraded: 1,
  suspended: 2,
  closed: 3,
  left_organization: 4,
  pending: 5,
  healthy: 6,
};

/** Linked accounts, worst first (failing, partly readable, unreachable, not yet collected, healthy), then by name. */
export async function listAccountHealth(): Promise<AccountHealthRow[]> {
  const rows = await db().$queryRawUnsafe<HealthSqlRow[]>(
    `SELECT account.aws_account_id, account.name, account.role_arn, account.ou_path, account.organization_state,
            account.last_status, account.last_collected_at, account.last_error, latest.part_errors
       FROM linked_account AS account
       LEFT JOIN LATERAL (
         SELECT collection.part_errors FROM account_collection AS collection
          WHERE collection.account_id = account.id AND collection.finished_at IS NOT NULL
          ORDER BY collection.id DESC LIMIT 1
       ) AS latest ON true
      WHERE account.removed_at IS NULL`,
  );
  return rows
    .map((row) => {
      const error = parseStoredError(row.last_error);
      const input = {
        roleArn: row.role_arn,
        lastStatus: row.last_status,
        lastCollectedAt: row.last_collected_at,
        lastError: error,
        organizationState: row.organization_state,
      };
      return {
        awsAccountId: row.aws_account_id.trim(),
        name: row.name,
        roleArn: row.role_arn,
        ouPath: row.ou_path,
        organizationState: row.organization_state,
        lastStatus: row.last_status,
        lastSuccessAt: row.last_collected_at,
        error,
        unreadableParts: parseStoredErrors(row.part_errors).length,
        health: connectionHealth(input),
      };
    })
    .sort((a, b) => HEALTH_ORDER[a.health.state] - HEALTH_ORDER[b.health.state] || a.name.localeCompare(b.name) || a.awsAccountId.localeCompare(b.awsAccountId));
}
