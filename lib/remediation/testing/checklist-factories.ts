/** Checklist items made the way collections make them, for the checklist integration tests. */
import type { Finding, FindingStatus } from "@/lib/checks/types";
import { planFindingIntervals } from "@/lib/collect/finding-intervals";
import { hexToBytes, putBlobs } from "@/lib/db/blobs";
import { syncChecklistForAccount } from "../checklist-store";
import { getAccountChecklist } from "../checklist-read";
import { db } from "@/lib/db/client";
import { getOpenFindingIntervals } from "@/lib/db/collections";
import { insertRun } from "@/lib/db/scorecard-test-factories";

export const T0 = new Date("2026-11-20T12:00:00Z");

export function userFinding(accountId: string, name: string, status: FindingStatus, checkId = "users.console-mfa"): Finding {
  return {
    checkId,
    exercise: 2,
    resourceId: `arn:aws:iam::${accountId}:user/${name}`,
    resourceType: "user",
    resourceName: name,
    status,
    severity: "high",
    evidence: { user: name, arn: `arn:aws:iam::${accountId}:user/${name}`, password_enabled: true, mfa_active: status === "pass" },
    reason: status === "pass" ? `${name} has MFA` : `${name} has a console password and no MFA`,
  };
}

export function rootKeyFinding(accountId: string, status: FindingStatus): Finding {
  return {
    checkId: "root.access-keys",
    exercise: 1,
    resourceId: `arn:aws:iam::${accountId}:root`,
    resourceType: "root",
    resourceName: "root",
    status,
    severity: "critical",
    evidence: { user: "<root_account>", access_key_1_active: status === "fail" },
    reason: status === "fail" ? "The root user has 1 active access key (key 1)." : "The root user has no active access key.",
  };
}

/** What commitAccountCollection does with findings, then the checklist sync in the same transaction. */
export async function collect(account: { id: string }, collectedAt: Date, findings: Finding[]): Promise<bigint> {
  const runId = await insertRun({ createdAt: collectedAt });
  await db().$transaction(async (tx) => {
    const plan = planFindingIntervals(await getOpenFindingIntervals(account.id, tx), findings);
    await putBlobs(tx, plan.evidenceBlobs);
    if (plan.close.length > 0) await tx.finding.updateMany({ where: { id: { in: plan.close } }, data: { closedRunId: runId, closedAt: collectedAt } });
    if (plan.insert.length > 0) {
      await tx.finding.createMany({
        data: plan.insert.map(({ finding, evidenceHash }) => ({
          accountId: account.id,
          checkId: finding.checkId,
          exercise: finding.exercise,
          resourceId: finding.resourceId,
          resourceType: finding.resourceType,
          resourceName: finding.resourceName,
          region: finding.region ?? null,
          status: finding.status,
          severity: finding.severity,
          reason: finding.reason,
          evidenceHash: hexToBytes(evidenceHash),
          firstRunId: runId,
          firstSeenAt: collectedAt,
        })),
      });
    }
    await syncChecklistForAccount(tx, { accountId: account.id, runId, collectedAt, findings });
  });
  return runId;
}

export async function itemsByName(awsAccountId: string) {
  const checklist = await getAccountChecklist(awsAccountId);
  return new Map(checklist!.items.map((item) => [item.resourceName, item]));
}

export async function eventCount(): Promise<number> {
  return db().checklistEvent.count();
}
