/**
 * What the compliance view reads: the current (open) findings of the checks that implement a
 * benchmark control, counted per account, check and status, and, for one account, its failing
 * and unknown findings by name (through the findings list every other view reads).
 */
import "server-only";
import type { FindingStatus } from "@/lib/checks/types";
import type { ComplianceFinding, ComplianceInput, CheckStatusCount } from "@/lib/compliance/evaluate";
import type { FindingsQuery } from "@/lib/scorecard/search-params";
import { listLinkedAccounts } from "./accounts";
import { db } from "./client";
import { iterateFindings } from "./findings";
import { Prisma } from "@/lib/generated/prisma/client";
import { whereSql } from "./sql-params";

export interface ComplianceReadOptions {
  checkIds: string[];
  /** One account (12 digits); absent: every linked account. */
  awsAccountId?: string;
  /** Also read the failing and unknown findings by name (one account's page and export). */
  withFindings?: boolean;
}

export interface ComplianceData extends ComplianceInput {
  /** Linked accounts in scope without an evaluation yet: they are not judged. */
  notYetAssessed: number;
}

async function countCurrentFindings(checkIds: string[], awsAccountId: string | undefined): Promise<CheckStatusCount[]> {
  const conditions = [Prisma.sql`a.removed_at IS NULL`, Prisma.sql`f.closed_run_id IS NULL`, Prisma.sql`f.check_id = ANY(${checkIds}::text[])`];
  if (awsAccountId) conditions.push(Prisma.sql`a.aws_account_id = ${awsAccountId}`);
  const rows = await db().$queryRaw<Array<{ aws_account_id: string; check_id: string; status: string; count: number }>>`
    SELECT a.aws_account_id, f.check_id, f.status, count(*)::int AS count
       FROM finding f JOIN linked_account a ON a.id = f.account_id ${whereSql(conditions)}
      GROUP BY a.aws_account_id, f.check_id, f.status`;
  return rows.map((row) => ({ awsAccountId: row.aws_account_id, checkId: row.check_id, status: row.status as FindingStatus, count: row.count }));
}

async function listProblemFindings(checkIds: string[], awsAccountId: string): Promise<ComplianceFinding[]> {
  const findings: ComplianceFinding[] = [];
  for (const check of checkIds) {
    const query: FindingsQuery = { account: awsAccountId, check, statuses: ["fail", "unknown"], sort: "severity", dir: "asc", page: 1, pageSize: 500 };
    for await (const rows of iterateFindings(query)) {
      for (const row of rows) {
        findings.push({
          id: row.id,
          awsAccountId: row.awsAccountId,
          accountName: row.accountName,
          checkId: row.checkId,
          status: row.status === "fail" ? "fail" : "unknown",
          resourceId: row.resourceId,
          resourceName: row.resourceName,
          region: row.region,
          reason: row.reason,
        });
      }
    }
  }
  return findings;
}

export async function readComplianceData(options: ComplianceReadOptions): Promise<ComplianceData> {
  const linked = (await listLinkedAccounts()).filter((account) => !options.awsAccountId || account.awsAccountId === options.awsAccountId);
  const assessed = linked.filter((account) => account.lastEvaluatedRunId !== null);
  const [counts, findings] = await Promise.all([
    countCurrentFindings(options.checkIds, options.awsAccountId),
    options.withFindings && options.awsAccountId ? listProblemFindings(options.checkIds, options.awsAccountId) : Promise.resolve([]),
  ]);
  return {
    accounts: assessed.map((account) => ({ awsAccountId: account.awsAccountId, name: account.name })),
    counts,
    findings,
    notYetAssessed: linked.length - assessed.length,
  };
}
