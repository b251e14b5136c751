/**
 * Reads the facts of one digest through lib/db and narrows them to the subscription's scope.
 * "Last week" is the change window of the changes page (lib/db/changes.ts): the latest run
 * against the latest run at least seven days older, so the digest and /changes agree.
 */
import "server-only";
import { resolveChangeWindow, listChanges, type ChangeRow, type ChangeWindow } from "@/lib/db/changes";
import { getOrganizationChecklist } from "@/lib/remediation/checklist-read";
import { getOrganizationScores, listDigestAccounts, listExpiringRiskAcceptances } from "@/lib/db/digest";
import type { Counted, DigestChecklistEntry, DigestData, DigestFindingChange } from "./digest-data";
import { accountInScope, type DigestScope } from "./scope";

export const WINDOW_DAYS = 7;
/** Risk acceptances ending within this many days are listed. */
export const EXPIRY_HORIZON_DAYS = 14;
const PAGE_SIZE = 500;
/** Changed findings read for one digest at most; beyond, totals of a narrow scope are a lower bound. */
const SCAN_LIMIT = 5000;
const KEPT_ITEMS = 50;

function toChange(row: ChangeRow): DigestFindingChange {
  return {
    awsAccountId: row.awsAccountId,
    accountName: row.accountName,
    checkId: row.checkId,
    exercise: row.exercise,
    resourceId: row.resourceId,
    resourceName: row.resourceName,
    severity: row.severity,
    reason: row.reason,
    changedAt: row.changedAt,
  };
}

/**
 * Changes of one kind in scope. listChanges orders by severity first, so critical and high rows
 * come before the rest and the scan of new failures stops at the first medium one.
 */
async function scopedChanges(window: ChangeWindow, kind: "worse" | "fixed", inScope: (awsAccountId: string) => boolean, onlySevere: boolean): Promise<Counted<DigestFindingChange>> {
  const items: DigestFindingChange[] = [];
  let total = 0;
  for (let page = 1, scanned = 0; scanned < SCAN_LIMIT; page++) {
    const result = await listChanges(window, { kind, page, pageSize: PAGE_SIZE });
    if (result.page !== page) break; // past the last page: listChanges clamps to it
    let reachedMinor = false;
    for (const row of result.rows) {
      if (onlySevere && row.severity !== "critical" && row.severity !== "high") {
        reachedMinor = true;
        break;
      }
      if (!inScope(row.awsAccountId)) continue;
      total += 1;
      if (items.length < KEPT_ITEMS) items.push(toChange(row));
    }
    scanned += result.rows.length;
    if (reachedMinor || page >= result.pageCount) break;
  }
  return { items, total };
}

async function scopedOverdue(now: Date, inScope: (awsAccountId: string) => boolean): Promise<Counted<DigestChecklistEntry>> {
  const checklist = await getOrganizationChecklist(now);
  // Per-account counts are exact; the listed items are the organization's oldest, narrowed.
  const total = checklist.accounts.filter((account) => inScope(account.awsAccountId)).reduce((sum, account) => sum + account.overdue, 0);
  const items = checklist.overdue
    .filter((item) => inScope(item.awsAccountId))
    .slice(0, KEPT_ITEMS)
    .map((item) => ({
      itemId: item.id,
      awsAccountId: item.awsAccountId,
      accountName: item.accountName,
      checkId: item.checkId,
      exercise: item.exercise,
      resourceName: item.resourceName,
      severity: item.severity,
      day: item.dueOn,
      assignee: item.assignee,
    }));
  return { items, total };
}

export async function gatherDigestData(scope: DigestScope, now: Date): Promise<DigestData> {
  const window = await resolveChangeWindow({ days: WINDOW_DAYS }, now);
  const fromRunId = window.from?.runId ?? null;
  const accounts = (await listDigestAccounts(fromRunId)).filter((account) => accountInScope(scope, account));
  const scoped = new Set(accounts.map((account) => account.awsAccountId));
  const inScope = (awsAccountId: string) => scoped.has(awsAccountId);
  const [organization, newFailures, fixed, overdue, expiringAcceptances] = await Promise.all([
    scope.kind === "all" ? getOrganizationScores(fromRunId) : Promise.resolve(null),
    scopedChanges(window, "worse", inScope, true),
    scopedChanges(window, "fixed", inScope, false),
    scopedOverdue(now, inScope),
    listExpiringRiskAcceptances(now, EXPIRY_HORIZON_DAYS, scope.kind === "all" ? null : [...scoped]),
  ]);
  return {
    generatedAt: now.toISOString(),
    scope,
    window: { fromAt: window.from?.at ?? null, toAt: window.to?.at ?? null },
    accounts: accounts.map(({ tags: _tags, ...facts }) => facts),
    organization,
    newFailures,
    fixed,
    overdue,
    expiringAcceptances,
  };
}
