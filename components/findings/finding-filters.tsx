import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button-classes";
import { RESOURCE_TYPES, SEVERITIES } from "@/lib/checks/types";
import type { CheckInfo } from "@/lib/scorecard/catalogue";
import type { FindingsQuery, UrlState } from "@/lib/scorecard/search-params";

const STATUS_OPTIONS = [
  { value: "fail", label: "Failing" },
  { value: "unknown", label: "Unknown" },
  { value: "pass", label: "Passing" },
  { value: "not_applicable", label: "Not applicable" },
  { value: "all", label: "Any status" },
];

/** A GET form over the findings list; every filter is a URL parameter. */
export function FindingFilters({
  pathname,
  query,
  state,
  checks,
  showAccount,
}: {
  pathname: string;
  query: FindingsQuery;
  state: UrlState;
  checks: CheckInfo[];
  showAccount: boolean;
}) {
  const status = query.statuses.length === 0 ? "all" : query.statuses[0];
  const filtered = Boolean(query.check || query.severity || query.resourceType || query.q || (showAccount && query.account) || status !== "fail");
  return (
    <form method="get" action={pathname} role="search" aria-label="Filter findings" className="flex flex-wrap items-end gap-3 border-b border-zinc-200 p-3 dark:border-zinc-800">
      {state.sort ? <input type="hidden" name="sort" value={state.sort} /> : null}
      {state.dir ? <input type="hidden" name="dir" value={state.dir} /> : null}
      {state.run ? <input type="hidden" name="run" value={state.run} /> : null}
      <Field id="findings-check" label="Check">
        <select id="findings-check" name="check" defaultValue={query.check ?? ""} className="input mt-1">
          <option value="">All checks</option>
          {checks.map((check) => (
            <option key={check.id} value={check.id}>
              {check.title}
            </option>
          ))}
        </select>
      </Field>
      <Field id="findings-status" label="Status" width="w-36">
        <select id="findings-status" name="status" defaultValue={status} className="input mt-1">
          {STATUS_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="findings-severity" label="Severity" width="w-32">
        <select id="findings-severity" name="severity" defaultValue={query.severity ?? ""} className="input mt-1">
          <option value="">Any</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {severity}
            </option>
          ))}
        </select>
      </Field>
      <Field id="findings-type" label="Resource type" width="w-40">
        <select id="findings-type" name="type" defaultValue={query.resourceType ?? ""} className="input mt-1">
          <option value="">Any</option>
          {RESOURCE_TYPES.map((type) => (
            <option key={type} value={type}>
              {type.replace(/_/g, " ")}
            </option>
          ))}
        </select>
      </Field>
      {showAccount ? (
        <Field id="findings-account" label="Account id" width="w-36">
          <input id="findings-account" name="account" inputMode="numeric" pattern="[0-9]{12}" defaultValue={query.account ?? ""} className="input mt-1" placeholder="12 digits" />
        </Field>
      ) : null}
      <Field id="findings-q" label="Resource or account name" width="min-w-44 flex-1">
        <input id="findings-q" name="q" type="search" defaultValue={query.q ?? ""} className="input mt-1" />
      </Field>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply
        </button>
        {filtered ? (
          <Link href={state.run ? `${pathname}?run=${state.run}` : pathname} className={buttonClass("ghost")}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}

function Field({ id, label, width = "w-56", children }: { id: string; label: string; width?: string; children: ReactNode }) {
  return (
    <div className={width}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
    </div>
  );
}
