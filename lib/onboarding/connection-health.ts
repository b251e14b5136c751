/**
 * One account's connection health in words: its state, the error that stands, and what to do
 * about it. Shared by the connection-health page and `iamfit accounts health`.
 */
import { homeRegionOfArn } from "@/lib/aws/regions";
import { hintFor } from "@/lib/aws/test-connection";

export type ConnectionHealthState = "healthy" | "degraded" | "failing" | "pending" | "suspended" | "closed" | "left_organization";

export interface ConnectionHealthInput {
  roleArn: string;
  /** never | succeeded | partial | failed */
  lastStatus: string;
  lastCollectedAt: Date | null;
  lastError: { api?: string; code: string; message: string; region?: string } | null;
  /** Organizations' State at the last sync, LEFT, or null when not known. */
  organizationState: string | null;
}

export interface ConnectionHealth {
  state: ConnectionHealthState;
  label: string;
  /** What to do, in plain words; null when nothing needs doing. */
  fix: string | null;
}

export const HEALTH_LABELS: Record<ConnectionHealthState, string> = {
  healthy: "Healthy",
  degraded: "Partly readable",
  failing: "Failing",
  pending: "Not collected yet",
  suspended: "Suspended",
  closed: "Closed",
  left_organization: "Left the organization",
};

/** Worker-side failures that are not about AWS access (lib/collect/collection-job.ts, lib/db/collections.ts). */
const WORKER_FIXES: Record<string, string> = {
  TimedOut: "The collection took longer than allowed and was stopped. It runs again on the next schedule; if it keeps timing out, lower the concurrency or look for throttling in the run's errors.",
  WorkerLost: "The worker collecting this account stopped (restart or crash) before it finished. The next collection retries; nothing needs fixing unless it repeats.",
  InternalError: "iamfit hit an unexpected error while collecting this account. Test again; if it persists, the server log has the details.",
  Cancelled: "Someone cancelled the last collection. Collect again when ready.",
};

function fixFor(input: ConnectionHealthInput): string {
  const error = input.lastError;
  if (!error) return "The last collection failed without saying why. Test again to see which step fails.";
  const api = error.api ?? "sts:AssumeRole";
  // A failed session names no region: sessions are requested in the home region of the role's partition.
  const region = error.region ?? (api === "sts:AssumeRole" ? homeRegionOfArn(input.roleArn) : undefined);
  const hint = hintFor({ api, code: error.code, message: error.message, ...(region ? { region } : {}) }, { roleArn: input.roleArn });
  return hint ?? WORKER_FIXES[error.code] ?? "Read the error above, fix it in AWS, then press Test again.";
}

export function connectionHealth(input: ConnectionHealthInput): ConnectionHealth {
  const make = (state: ConnectionHealthState, fix: string | null): ConnectionHealth => ({ state, label: HEALTH_LABELS[state], fix });
  switch (input.organizationState) {
    case "SUSPENDED":
      return make("suspended", "AWS Organizations reports this account suspended, so no role can be assumed in it. Remove it from iamfit if it will not be reactivated.");
    case "PENDING_CLOSURE":
    case "CLOSED":
      return make("closed", "This account is closed in AWS Organizations. Remove it from iamfit; its history stays available until purged.");
    case "LEFT":
      return make("left_organization", "This account is no longer in the organization. If iamfit should keep auditing it, make sure its audit role still trusts iamfit; otherwise remove it.");
  }
  switch (input.lastStatus) {
    case "succeeded":
      return make("healthy", null);
    case "partial":
      return make("degraded", input.lastError ? fixFor(input) : "Some parts could not be read; the latest collection lists which.");
    case "failed":
      return make("failing", fixFor(input));
    default:
      return make("pending", "The first collection has not finished yet. Test the connection now to catch a trust-policy mistake early.");
  }
}

/** The health page's filters: what needs fixing, what cannot be read any more, what is new, what works. */
export const HEALTH_FILTERS = ["all", "failing", "unreachable", "pending", "healthy"] as const;
export type HealthFilter = (typeof HEALTH_FILTERS)[number];

const FILTER_STATES: Record<Exclude<HealthFilter, "all">, readonly ConnectionHealthState[]> = {
  failing: ["failing", "degraded"],
  unreachable: ["suspended", "closed", "left_organization"],
  pending: ["pending"],
  healthy: ["healthy"],
};

export function matchesHealthFilter(state: ConnectionHealthState, filter: HealthFilter): boolean {
  return filter === "all" || FILTER_STATES[filter].includes(state);
}

export function healthCounts(states: readonly ConnectionHealthState[]): Record<HealthFilter, number> {
  return Object.fromEntries(HEALTH_FILTERS.map((filter) => [filter, states.filter((state) => matchesHealthFilter(state, filter)).length])) as Record<HealthFilter, number>;
}
