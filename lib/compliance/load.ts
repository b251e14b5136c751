/**
 * The compliance view of the current findings, read and evaluated: what the pages, the export
 * routes and the CLI all call, so they show the same answer.
 */
import "server-only";
import { readComplianceData } from "@/lib/db/compliance";
import { cisCheckIds } from "./cis-aws-v3";
import { evaluateCompliance, type ControlResult } from "./evaluate";
import { buildComplianceReport, type ComplianceReport } from "./report";

export interface ComplianceView {
  results: ControlResult[];
  report: ComplianceReport;
}

export async function loadCompliance(options: { account?: { awsAccountId: string; name: string }; baseUrl: string; now?: Date }): Promise<ComplianceView> {
  const awsAccountId = options.account?.awsAccountId;
  const data = await readComplianceData({ checkIds: cisCheckIds(), awsAccountId, withFindings: awsAccountId !== undefined });
  const results = evaluateCompliance(data);
  const report = buildComplianceReport(results, {
    scope: options.account ? { kind: "account", accountId: options.account.awsAccountId, name: options.account.name } : { kind: "organization" },
    accountsAssessed: data.accounts.length,
    accountsNotYetAssessed: data.notYetAssessed,
    baseUrl: options.baseUrl,
    now: options.now ?? new Date(),
  });
  return { results, report };
}
