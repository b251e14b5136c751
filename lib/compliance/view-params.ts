/**
 * The compliance pages' URL state: `?status=fail|unknown|pass|not-assessed` shows only the
 * controls of that status (pages and their exports alike). Anything else shows every control.
 */
import { z } from "zod";
import type { ControlStatus } from "./evaluate";
import type { ComplianceReport } from "./report";

const STATUS_PARAM = { fail: "fail", unknown: "unknown", pass: "pass", "not-assessed": "not_assessed" } as const satisfies Record<string, ControlStatus>;
export type ComplianceStatusParam = keyof typeof STATUS_PARAM;

const statusParamSchema = z.enum(Object.keys(STATUS_PARAM) as [ComplianceStatusParam, ...ComplianceStatusParam[]]);

export function parseComplianceStatus(raw: string | string[] | undefined | null): ComplianceStatusParam | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const parsed = statusParamSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function statusOfParam(param: ComplianceStatusParam): ControlStatus {
  return STATUS_PARAM[param];
}

export function paramOfStatus(status: ControlStatus): ComplianceStatusParam {
  return (Object.keys(STATUS_PARAM) as ComplianceStatusParam[]).find((key) => STATUS_PARAM[key] === status)!;
}

/** The report with only the controls of the chosen status (the summary still counts all). */
export function filterReport(report: ComplianceReport, param: ComplianceStatusParam | undefined): ComplianceReport {
  if (!param) return report;
  const status = statusOfParam(param);
  return { ...report, controls: report.controls.filter((control) => control.status === status) };
}
