/**
 * What the onboarding commands print: the organization's accounts and the connection health of
 * linked ones, as tables for people or JSON for scripts.
 */
import type { AccountHealthRow } from "@/lib/onboarding/account-health";
import type { OrganizationAccountRow } from "@/lib/onboarding/organization-store";
import type { OrganizationSyncResult } from "@/lib/onboarding/organization-sync";
import { printTable } from "../context";
import { errorLabel } from "@/lib/collect/error-words";

const LINK_LABELS: Record<OrganizationAccountRow["linkState"], string> = {
  linked: "linked",
  failing: "failing",
  not_linked: "not linked",
  removed: "removed",
};

export function printOrganizationAccounts(rows: readonly OrganizationAccountRow[]): void {
  printTable(
    rows.map((row) => ({
      account: row.accountId,
      name: row.name,
      "ou path": row.ouPath,
      state: row.state.toLowerCase(),
      iamfit: LINK_LABELS[row.linkState],
    })),
    ["account", "name", "ou path", "state", "iamfit"],
  );
}

export function describeSync(result: OrganizationSyncResult): string[] {
  if (!result.ok) return [`Organization sync failed at ${result.error.api}: ${errorLabel(result.error.code)}`, result.error.message];
  return [
    `Organization ${result.organizationId}: ${result.accountsFound} accounts (${result.added.length} new since the last sync).`,
    ...(result.linked.length ? [`Linked automatically: ${result.linked.join(", ")}.`] : []),
    ...(result.marked.length ? [`Now suspended, closed or gone from the organization: ${result.marked.join(", ")}.`] : []),
    ...result.warnings.map((warning) => `Warning: ${warning}.`),
  ];
}

export function printAccountHealth(rows: readonly AccountHealthRow[], options: { json?: boolean } = {}): void {
  if (options.json) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  if (rows.length === 0) {
    console.log("No accounts linked. Add one with `iamfit accounts add`, or `iamfit accounts discover --link-all`.");
    return;
  }
  printTable(
    rows.map((row) => ({
      account: row.awsAccountId,
      name: row.name,
      "ou path": row.ouPath ?? "",
      health: row.health.label,
      "last success": row.lastSuccessAt?.toISOString() ?? "never",
      error: row.error ? `${row.error.api ? `${row.error.api} ` : ""}${errorLabel(row.error.code)}` : "",
    })),
    ["account", "name", "ou path", "health", "last success", "error"],
  );
  const needingAction = rows.filter((row) => row.health.fix);
  if (needingAction.length > 0) console.log("");
  for (const row of needingAction) console.log(`${row.awsAccountId} (${row.name}): ${row.health.fix}`);
}
