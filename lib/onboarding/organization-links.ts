/**
 * Deciding which organization accounts to link: by hand (a selection on the organization page or
 * `iamfit accounts discover --link`) or automatically after a sync. Pure: the caller reads the
 * inventory and the linked accounts, and writes what this returns.
 */
import type { InventoryAccount, LinkedAccountState } from "@/lib/db/organization-inventory";
import { passesOuFilter, type OuFilter } from "./ou-filter";

export type { InventoryAccount, LinkedAccountState };

/** How an organization account stands in iamfit. */
export type OrganizationLinkState = "linked" | "failing" | "not_linked" | "removed";

export function organizationLinkState(linked: LinkedAccountState | undefined): OrganizationLinkState {
  if (!linked) return "not_linked";
  if (linked.removed) return "removed";
  return linked.lastStatus === "failed" ? "failing" : "linked";
}

export interface LinkRequest {
  accountId: string;
  name: string;
  roleArn: string;
  externalId: string;
  tags: Record<string, string>;
  ouPath: string;
  organizationState: string;
}

export interface SkippedAccount {
  accountId: string;
  name: string;
  reason: string;
}

export interface LinkPlan {
  toLink: LinkRequest[];
  skipped: SkippedAccount[];
}

/** arn:aws-us-gov:organizations::…:account/o-…/1234 → aws-us-gov; "aws" when the ARN says nothing. */
export function partitionOf(organizationsArn: string): string {
  return /^arn:(aws[a-z-]*):/.exec(organizationsArn)?.[1] ?? "aws";
}

export function roleArnFor(account: Pick<InventoryAccount, "accountId" | "arn">, roleName: string): string {
  return `arn:${partitionOf(account.arn)}:iam::${account.accountId}:role/${roleName}`;
}

function request(account: InventoryAccount, role: { roleName: string; externalId: string }): LinkRequest {
  return {
    accountId: account.accountId,
    name: account.name,
    roleArn: roleArnFor(account, role.roleName),
    externalId: role.externalId,
    tags: {},
    ouPath: account.ouPath,
    organizationState: account.state,
  };
}

/** Why iamfit cannot audit an account in this Organizations state (account state docs, Organizations User Guide). */
export function unreachableReason(state: string): string | undefined {
  switch (state) {
    case "ACTIVE":
      return undefined;
    case "SUSPENDED":
      return "suspended in AWS Organizations: no role can be assumed until it is reactivated";
    case "PENDING_CLOSURE":
    case "CLOSED":
      return "closed in AWS Organizations: there is nothing left to audit";
    case "PENDING_ACTIVATION":
      return "still being created in AWS Organizations: link it once it is active";
    default:
      return `in state ${state} in AWS Organizations`;
  }
}

/**
 * The accounts chosen by hand: linked unless already linked or not active. An account removed
 * earlier is linked again (with its history) because someone asked for it now.
 */
export function planSelectedLinks(
  inventory: readonly InventoryAccount[],
  selectedIds: readonly string[],
  linkedById: ReadonlyMap<string, LinkedAccountState>,
  role: { roleName: string; externalId: string },
): LinkPlan {
  const byId = new Map(inventory.map((account) => [account.accountId, account]));
  const plan: LinkPlan = { toLink: [], skipped: [] };
  for (const accountId of [...new Set(selectedIds)]) {
    const account = byId.get(accountId);
    if (!account) {
      plan.skipped.push({ accountId, name: accountId, reason: "not in the organization any more; discover again" });
      continue;
    }
    const linked = linkedById.get(accountId);
    if (linked && !linked.removed) {
      plan.skipped.push({ accountId, name: account.name, reason: "already linked" });
      continue;
    }
    const unreachable = unreachableReason(account.state);
    if (unreachable) {
      plan.skipped.push({ accountId, name: account.name, reason: unreachable });
      continue;
    }
    plan.toLink.push(request(account, role));
  }
  return plan;
}

/**
 * After a sync with automatic linking on: every active account that passes the OU filter and was
 * never linked. Accounts someone removed stay removed; excluded and inactive ones are skipped
 * quietly (they are listed, not reported as problems).
 */
export function planAutomaticLinks(
  inventory: readonly InventoryAccount[],
  linkedById: ReadonlyMap<string, LinkedAccountState>,
  settings: OuFilter & { excludeAccounts: readonly string[]; roleName: string; externalId: string },
): LinkPlan {
  const plan: LinkPlan = { toLink: [], skipped: [] };
  for (const account of inventory) {
    if (linkedById.has(account.accountId)) continue;
    const skip = (reason: string) => plan.skipped.push({ accountId: account.accountId, name: account.name, reason });
    if (settings.excludeAccounts.includes(account.accountId)) skip("excluded by excludeAccounts");
    else if (!passesOuFilter(settings, account)) skip(`${account.ouPath} is outside the OUs to include`);
    else if (unreachableReason(account.state)) skip(unreachableReason(account.state) ?? "");
    else plan.toLink.push(request(account, settings));
  }
  return plan;
}
