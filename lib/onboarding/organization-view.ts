/**
 * The organization page's rows, grouped by OU and filtered, from the stored inventory: one
 * status per account combining how iamfit stands with it (linked, failing, not linked, removed)
 * and what AWS Organizations says (suspended, closed).
 */
import { normalizeOuPath } from "./ou-filter";
import type { OrganizationLinkState } from "./organization-links";

export const ORGANIZATION_FILTERS = ["all", "not_linked", "linked", "failing", "unreachable"] as const;
export type OrganizationFilter = (typeof ORGANIZATION_FILTERS)[number];

export type OrganizationRowStatus = "linked" | "failing" | "not_linked" | "removed" | "suspended" | "closed" | "pending";

export interface OrganizationViewInput {
  accountId: string;
  name: string;
  state: string;
  ouPath: string;
  linkState: OrganizationLinkState;
}

export interface OrganizationViewRow extends OrganizationViewInput {
  status: OrganizationRowStatus;
  /** Can be linked now: active in Organizations and not linked (or removed earlier). */
  linkable: boolean;
  /** Is linked now: "Stop auditing" applies. */
  unlinkable: boolean;
}

export interface OrganizationView<Row extends OrganizationViewInput> {
  counts: Record<OrganizationFilter, number>;
  /** OU paths with how many accounts each holds (directly), for the OU filter. */
  ouPaths: Array<{ ouPath: string; accounts: number }>;
  groups: Array<{ ouPath: string; rows: Array<Row & OrganizationViewRow> }>;
}

export function organizationRowStatus(row: OrganizationViewInput): OrganizationRowStatus {
  if (row.state === "SUSPENDED") return "suspended";
  if (row.state === "CLOSED" || row.state === "PENDING_CLOSURE") return "closed";
  if (row.state === "PENDING_ACTIVATION") return "pending";
  return row.linkState;
}

function matchesFilter(row: OrganizationViewRow, filter: OrganizationFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "not_linked":
      return row.linkable;
    case "linked":
      return row.unlinkable;
    case "failing":
      return row.linkState === "failing";
    case "unreachable":
      return row.status === "suspended" || row.status === "closed" || row.status === "pending";
  }
}

export function organizationView<Row extends OrganizationViewInput>(rows: readonly Row[], options: { ou?: string; show: OrganizationFilter }): OrganizationView<Row> {
  const ouPrefix = options.ou ? normalizeOuPath(options.ou) : undefined;
  const decorated = rows.map((row) => {
    const status = organizationRowStatus(row);
    const active = row.state === "ACTIVE";
    return {
      ...row,
      status,
      linkable: active && (row.linkState === "not_linked" || row.linkState === "removed"),
      unlinkable: row.linkState === "linked" || row.linkState === "failing",
    };
  });
  const inOu = decorated.filter((row) => !ouPrefix || row.ouPath === ouPrefix || row.ouPath.startsWith(`${ouPrefix}/`));
  const counts = Object.fromEntries(ORGANIZATION_FILTERS.map((filter) => [filter, inOu.filter((row) => matchesFilter(row, filter)).length])) as Record<
    OrganizationFilter,
    number
  >;
  const groups = new Map<string, Array<Row & OrganizationViewRow>>();
  for (const row of inOu.filter((candidate) => matchesFilter(candidate, options.show))) {
    groups.set(row.ouPath, [...(groups.get(row.ouPath) ?? []), row]);
  }
  const ouCounts = new Map<string, number>();
  for (const row of decorated) ouCounts.set(row.ouPath, (ouCounts.get(row.ouPath) ?? 0) + 1);
  return {
    counts,
    ouPaths: [...ouCounts].map(([ouPath, accounts]) => ({ ouPath, accounts })).sort((a, b) => a.ouPath.localeCompare(b.ouPath)),
    groups: [...groups].map(([ouPath, groupRows]) => ({ ouPath, rows: groupRows })).sort((a, b) => a.ouPath.localeCompare(b.ouPath)),
  };
}
