/**
 * Connection health of every linked account: what the last collection achieved, when iamfit
 * last read the account successfully, the error that stands and how to fix it
 * (connection-health.ts), for the health page and `iamfit accounts health`.
 */
import "server-only";
import { listStoredAccountHealth, type StoredAccountHealth } from "@/lib/db/account-health";
import { connectionHealth, type ConnectionHealth } from "./connection-health";

export interface AccountHealthRow extends StoredAccountHealth {
  health: ConnectionHealth;
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
  const rows = await listStoredAccountHealth();
  return rows
    .map((row) => ({
      ...row,
      health: connectionHealth({
        roleArn: row.roleArn,
        lastStatus: row.lastStatus,
        lastCollectedAt: row.lastSuccessAt,
        lastError: row.error,
        organizationState: row.organizationState,
      }),
    }))
    .sort((a, b) => HEALTH_ORDER[a.health.state] - HEALTH_ORDER[b.health.state] || a.name.localeCompare(b.name) || a.awsAccountId.localeCompare(b.awsAccountId));
}
