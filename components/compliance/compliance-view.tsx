import Link from "next/link";
import { ExportLinks } from "@/components/findings/export-links";
import { FilterChips } from "@/components/ui/filter-chips";
import { getCheck } from "@/lib/checks/registry";
import { CIS_SECTIONS } from "@/lib/compliance/cis-aws-v3";
import { CONTROL_STATUS_LABELS, CONTROL_STATUSES } from "@/lib/compliance/evaluate";
import type { ComplianceReport, ComplianceReportControl } from "@/lib/compliance/report";
import { paramOfStatus, type ComplianceStatusParam } from "@/lib/compliance/view-params";
import { accountExerciseHref, exerciseHref } from "@/lib/scorecard/links";
import { ControlStatusBadge } from "./control-status-badge";

/** The filter chips, the export buttons, and one table per section of the benchmark. */
export function ComplianceView({
  report,
  status,
  pathname,
}: {
  /** Already filtered by `status`; its summary counts every control. */
  report: ComplianceReport;
  status: ComplianceStatusParam | undefined;
  pathname: string;
}) {
  const total = Object.values(report.summary).reduce((sum, count) => sum + count, 0);
  const chips = [
    { label: "All controls", value: undefined, count: total },
    ...CONTROL_STATUSES.map((controlStatus) => ({ label: CONTROL_STATUS_LABELS[controlStatus], value: paramOfStatus(controlStatus), count: report.summary[controlStatus] })),
  ];
  const state = { status };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <FilterChips chips={chips} param="status" pathname={pathname} state={state} label="Show controls by status" />
        <ExportLinks exportPathname={`${pathname}/export`} state={state} />
      </div>
      {report.controls.length === 0 ? <p className="card p-4 text-sm muted">No control has this status.</p> : null}
      {CIS_SECTIONS.map((section) => {
        const controls = report.controls.filter((control) => control.id.startsWith(`${section.id}.`));
        if (controls.length === 0) return null;
        const headingId = `section-${section.id.replace(".", "-")}`;
        return (
          <section key={section.id} aria-labelledby={headingId} className="card overflow-hidden">
            <h2 id={headingId} className="border-b border-zinc-200 p-4 text-base font-semibold dark:border-zinc-800">
              {section.id} {section.title}
            </h2>
            <div className="relative overflow-x-auto">
              <ControlTable controls={controls} scope={report.scope} />
            </div>
          </section>
        );
      })}
    </div>
  );
}

function checkHref(checkId: string, scope: ComplianceReport["scope"]): string | undefined {
  const check = getCheck(checkId);
  if (!check) return undefined;
  return scope.kind === "account" ? accountExerciseHref(scope.accountId, check.exercise, { check: check.id, status: "all" }) : exerciseHref(check.exercise, { check: check.id });
}

function ControlTable({ controls, scope }: { controls: ComplianceReportControl[]; scope: ComplianceReport["scope"] }) {
  const forAccount = scope.kind === "account";
  return (
    <table className="data-table">
      <caption className="sr-only">Controls of this section with their status</caption>
      <thead>
        <tr>
          <th scope="col">Control</th>
          <th scope="col">Status</th>
          {forAccount ? (
            <th scope="col">Failing and unknown resources</th>
          ) : (
            <>
              <th scope="col" className="text-right">Accounts failing</th>
              <th scope="col" className="text-right">Unknown</th>
              <th scope="col" className="text-right">Passing</th>
            </>
          )}
          <th scope="col">Judged by</th>
        </tr>
      </thead>
      <tbody>
        {controls.map((control) => (
          <tr key={control.id} id={`control-${control.id}`} data-control={control.id}>
            <td className="min-w-72 align-top">
              <span className="font-medium tabular-nums">{control.id}</span> {control.title}
              {control.note ? <p className="mt-1 text-xs muted">{control.note}</p> : null}
            </td>
            <td className="align-top">
              <ControlStatusBadge status={control.status} />
            </td>
            {forAccount ? (
              <td className="min-w-64 align-top">
                <ResourceList control={control} />
              </td>
            ) : control.status === "not_assessed" ? (
              <td colSpan={3} className="text-center align-top text-xs muted">
                –
              </td>
            ) : (
              <>
                <td className="text-right align-top tabular-nums">{control.accounts.fail}</td>
                <td className="text-right align-top tabular-nums">{control.accounts.unknown}</td>
                <td className="text-right align-top tabular-nums">{control.accounts.pass}</td>
              </>
            )}
            <td className="min-w-56 align-top text-sm">
              {control.checks.length === 0 ? (
                <span className="text-xs muted">No iamfit check</span>
              ) : (
                <ul className="space-y-1">
                  {control.checks.map((check) => {
                    const href = checkHref(check.id, scope);
                    return <li key={check.id}>{href ? <Link href={href}>{check.title}</Link> : check.title}</li>;
                  })}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SHOWN_RESOURCES = 10;

function ResourceList({ control }: { control: ComplianceReportControl }) {
  if (control.status === "not_assessed") return <span className="text-xs muted">–</span>;
  const resources = control.resources ?? [];
  if (resources.length === 0) {
    return <span className="text-xs muted">{control.status === "unknown" ? "No result from iamfit's checks yet" : "None"}</span>;
  }
  return (
    <>
      <ul className="space-y-1">
        {resources.slice(0, SHOWN_RESOURCES).map((resource) => (
          <li key={`${resource.check}-${resource.resource}`}>
            <Link href={resource.link} className="font-medium break-all">
              {resource.resourceName}
            </Link>
            {resource.region ? <span className="text-xs muted"> · {resource.region}</span> : null}
            {resource.status === "unknown" ? <span className="text-xs muted"> · unknown</span> : null}
            <p className="text-xs muted">{resource.reason}</p>
          </li>
        ))}
      </ul>
      {resources.length > SHOWN_RESOURCES ? (
        <p className="mt-1 text-xs muted">
          and {resources.length - SHOWN_RESOURCES} more (follow a check on the right for all of them, or export)
        </p>
      ) : null}
    </>
  );
}
