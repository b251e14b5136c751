/**
 * The compliance view as a document: the JSON export, the CLI's JSON and its table, and the CSV
 * export are all this one shape, so the page, the downloads and the command line cannot disagree.
 * Links are absolute (lib/http/public-url.ts): an export is read outside iamfit.
 */
import { getCheck } from "@/lib/checks/registry";
import { csvLines } from "@/lib/export/csv";
import { resourceHref } from "@/lib/scorecard/links";
import { CIS_AWS_FRAMEWORK } from "./cis-aws-v3";
import { CONTROL_STATUS_LABELS, countByStatus, type ControlResult, type ControlStatus } from "./evaluate";

export interface ComplianceReportControl {
  id: string;
  section: string;
  title: string;
  status: ControlStatus;
  note: string | null;
  checks: Array<{ id: string; title: string }>;
  accounts: { fail: number; pass: number; unknown: number };
  findings: { fail: number; pass: number; unknown: number };
  /** One account's report only: its failing and unknown resources. */
  resources?: Array<{ status: "fail" | "unknown"; check: string; resource: string; resourceName: string; region: string | null; reason: string; link: string }>;
}

export interface ComplianceReport {
  framework: { name: string; version: string };
  generatedAt: string;
  scope: { kind: "organization" } | { kind: "account"; accountId: string; name: string };
  accountsAssessed: number;
  accountsNotYetAssessed: number;
  summary: Record<ControlStatus, number>;
  controls: ComplianceReportControl[];
}

export interface ReportContext {
  scope: ComplianceReport["scope"];
  accountsAssessed: number;
  accountsNotYetAssessed: number;
  baseUrl: string;
  now: Date;
}

export function buildComplianceReport(results: ControlResult[], context: ReportContext): ComplianceReport {
  const forAccount = context.scope.kind === "account";
  return {
    framework: { name: CIS_AWS_FRAMEWORK.name, version: CIS_AWS_FRAMEWORK.version },
    generatedAt: context.now.toISOString(),
    scope: context.scope,
    accountsAssessed: context.accountsAssessed,
    accountsNotYetAssessed: context.accountsNotYetAssessed,
    summary: countByStatus(results),
    controls: results.map((result) => ({
      id: result.control.id,
      section: result.sectionTitle,
      title: result.control.title,
      status: result.status,
      note: result.control.note ?? null,
      checks: result.checks,
      accounts: result.accounts,
      findings: result.findings,
      ...(forAccount
        ? {
            resources: result.problems.map((problem) => ({
              status: problem.status,
              check: getCheck(problem.checkId)?.title ?? problem.checkId,
              resource: problem.resourceId,
              resourceName: problem.resourceName,
              region: problem.region,
              reason: problem.reason,
              link: `${context.baseUrl}${resourceHref(problem.awsAccountId, problem.resourceId)}`,
            })),
          }
        : {}),
    })),
  };
}

const ORGANIZATION_HEADER = ["Control", "Section", "Title", "Status", "Accounts failing", "Accounts passing", "Accounts unknown", "iamfit checks", "How iamfit reads it"];
const ACCOUNT_HEADER = ["Control", "Section", "Title", "Status", "Failing findings", "Unknown findings", "Passing findings", "iamfit checks", "Failing or unknown resources", "How iamfit reads it"];

/** The report as CSV: one row per control, headers and statuses in words. */
export function complianceCsv(report: ComplianceReport): string {
  const forAccount = report.scope.kind === "account";
  const rows = report.controls.map((control) => {
    const checks = control.checks.map((check) => check.title).join("; ");
    const base = [control.id, control.section, control.title, CONTROL_STATUS_LABELS[control.status]];
    if (!forAccount) {
      return [...base, String(control.accounts.fail), String(control.accounts.pass), String(control.accounts.unknown), checks, control.note ?? ""];
    }
    const resources = (control.resources ?? []).map((resource) => `${resource.resourceName} (${resource.status === "fail" ? "fails" : "unknown"}): ${resource.link}`).join("\n");
    return [...base, String(control.findings.fail), String(control.findings.unknown), String(control.findings.pass), checks, resources, control.note ?? ""];
  });
  return csvLines([forAccount ? ACCOUNT_HEADER : ORGANIZATION_HEADER, ...rows]);
}

export const COMPLIANCE_TABLE_COLUMNS = ["control", "status", "fail", "pass", "unknown", "title"];

/** Rows for the CLI's table: accounts per status across the organization, findings per status for one account. */
export function complianceTableRows(report: ComplianceReport): Array<Record<string, string>> {
  const forAccount = report.scope.kind === "account";
  return report.controls.map((control) => {
    const counts = forAccount ? control.findings : control.accounts;
    const assessed = control.status !== "not_assessed";
    return {
      control: control.id,
      status: CONTROL_STATUS_LABELS[control.status],
      fail: assessed ? String(counts.fail) : "–",
      pass: assessed ? String(counts.pass) : "–",
      unknown: assessed ? String(counts.unknown) : "–",
      title: control.title,
    };
  });
}
