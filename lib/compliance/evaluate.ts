/**
 * The compliance view of the current findings: per control of the benchmark, pass, fail,
 * unknown or not assessed, for one account or across accounts. Pure: the caller reads the open
 * findings (counted per account, check and status) and the failing and unknown ones by name.
 *
 * Per account and check: fail when any finding fails; otherwise unknown when any is unknown, or
 * when an assessed account has no finding of the check at all (iamfit has no answer, and no
 * answer is never shown as pass); otherwise pass (a check that found nothing to judge, "not
 * applicable", leaves nothing in breach). A control takes the worst of its checks, and across
 * accounts the worst of its accounts.
 */
import type { FindingStatus } from "@/lib/checks/types";
import type { CheckDefinition } from "@/lib/checks/types";
import { CHECKS } from "@/lib/checks/registry";
import { CIS_AWS_V3_CONTROLS, CIS_SECTIONS, controlChecks, type CisControl, type CisSectionId } from "./cis-aws-v3";

export const CONTROL_STATUSES = ["fail", "unknown", "pass", "not_assessed"] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export interface ComplianceAccount {
  awsAccountId: string;
  name: string;
}

export interface CheckStatusCount {
  awsAccountId: string;
  checkId: string;
  status: FindingStatus;
  count: number;
}

/** A failing or unknown finding, named so a person can follow it to its resource. */
export interface ComplianceFinding {
  id: string;
  awsAccountId: string;
  accountName: string;
  checkId: string;
  status: "fail" | "unknown";
  resourceId: string;
  resourceName: string;
  region: string | null;
  reason: string;
}

export interface ComplianceInput {
  /** The accounts judged: those with a current evaluation. */
  accounts: ComplianceAccount[];
  counts: CheckStatusCount[];
  /** Failing and unknown findings of the implementing checks, listed under their controls. */
  findings?: ComplianceFinding[];
}

export interface ControlResult {
  control: CisControl;
  sectionTitle: string;
  checks: Array<{ id: string; title: string }>;
  status: ControlStatus;
  /** Accounts whose status for this control is fail, pass or unknown (zero when not assessed). */
  accounts: { fail: number; pass: number; unknown: number };
  /** Findings of the implementing checks by status. */
  findings: { fail: number; pass: number; unknown: number };
  /** The failing findings, then the unknown ones. */
  problems: ComplianceFinding[];
}

type JudgedStatus = Exclude<ControlStatus, "not_assessed">;

function worst(statuses: JudgedStatus[]): JudgedStatus {
  if (statuses.includes("fail")) return "fail";
  if (statuses.includes("unknown")) return "unknown";
  return "pass";
}

function checkStatus(counts: Map<FindingStatus, number> | undefined): JudgedStatus {
  if (!counts) return "unknown";
  if ((counts.get("fail") ?? 0) > 0) return "fail";
  if ((counts.get("unknown") ?? 0) > 0) return "unknown";
  return "pass";
}

const SECTION_TITLES = new Map<CisSectionId, string>(CIS_SECTIONS.map((section) => [section.id, `${section.id} ${section.title}`]));

export function evaluateCompliance(input: ComplianceInput, checks: readonly CheckDefinition[] = CHECKS, controls: readonly CisControl[] = CIS_AWS_V3_CONTROLS): ControlResult[] {
  const byAccountCheck = new Map<string, Map<FindingStatus, number>>();
  for (const row of input.counts) {
    const key = `${row.awsAccountId}\u0000${row.checkId}`;
    const counts = byAccountCheck.get(key) ?? new Map<FindingStatus, number>();
    counts.set(row.status, (counts.get(row.status) ?? 0) + row.count);
    byAccountCheck.set(key, counts);
  }
  const judgedAccounts = new Set(input.accounts.map((account) => account.awsAccountId));
  return controls.map((control) => {
    const implementing = controlChecks(control.id, checks);
    const checkIds = new Set(implementing.map((check) => check.id));
    const result: ControlResult = {
      control,
      sectionTitle: SECTION_TITLES.get(control.section) ?? control.section,
      checks: implementing.map((check) => ({ id: check.id, title: check.title })),
      status: "not_assessed",
      accounts: { fail: 0, pass: 0, unknown: 0 },
      findings: { fail: 0, pass: 0, unknown: 0 },
      problems: [],
    };
    if (implementing.length === 0) return result;
    const accountStatuses = input.accounts.map((account) =>
      worst(implementing.map((check) => checkStatus(byAccountCheck.get(`${account.awsAccountId}\u0000${check.id}`)))),
    );
    for (const status of accountStatuses) result.accounts[status] += 1;
    for (const row of input.counts) {
      if (!checkIds.has(row.checkId) || !judgedAccounts.has(row.awsAccountId)) continue;
      if (row.status === "fail" || row.status === "unknown") result.findings[row.status] += row.count;
      else result.findings.pass += row.count;
    }
    // No account judged: iamfit has no answer yet, which is unknown, not pass.
    result.status = accountStatuses.length === 0 ? "unknown" : worst(accountStatuses);
    const problems = (input.findings ?? []).filter((finding) => checkIds.has(finding.checkId) && judgedAccounts.has(finding.awsAccountId));
    result.problems = [...problems.filter((finding) => finding.status === "fail"), ...problems.filter((finding) => finding.status === "unknown")];
    return result;
  });
}

/** Controls per status, for the filter chips and the summary line. */
export function countByStatus(results: ControlResult[]): Record<ControlStatus, number> {
  const counts: Record<ControlStatus, number> = { fail: 0, unknown: 0, pass: 0, not_assessed: 0 };
  for (const result of results) counts[result.status] += 1;
  return counts;
}

export const CONTROL_STATUS_LABELS: Record<ControlStatus, string> = {
  fail: "Fail",
  unknown: "Unknown",
  pass: "Pass",
  not_assessed: "Not assessed by iamfit",
};
