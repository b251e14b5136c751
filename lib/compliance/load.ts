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

export interface LoadComplianceOptions {
  /** One account; absent: every linked account. */
  account?: { awsAccountId: string; name: string };
  /** The base of the report's links; empty for iamfit's own pages (links relative to iamfit). */
  baseUrl: string;
  now?: Date;
}

export async function loadCompliance(options: LoadComplianceOptions): Promise<ComplianceView> {
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
