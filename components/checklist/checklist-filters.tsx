import { buttonClass } from "@/components/ui/button-classes";
import { FilterChips, type FilterChip } from "@/components/ui/filter-chips";
import { STATE_FILTER_LABELS, STATE_FILTERS, UNASSIGNED, type ChecklistFilters, type StateFilter } from "@/lib/remediation/checklist-params";

/** State chips (links) and an assignee picker (a GET form): the filters live in the URL. */
export function ChecklistFiltersBar({
  pathname,
  filters,
  counts,
  assignees,
}: {
  pathname: string;
  filters: ChecklistFilters;
  counts: Record<StateFilter, number>;
  assignees: string[];
}) {
  const chips: FilterChip[] = STATE_FILTERS.map((state) => ({ label: STATE_FILTER_LABELS[state], value: state === "unresolved" ? undefined : state, count: counts[state] }));
  const state = { state: filters.state === "unresolved" ? undefined : filters.state, assignee: filters.assignee };
  return (
    <section aria-label="Filters" className="flex flex-wrap items-end justify-between gap-3 print:hidden">
      <FilterChips chips={chips} param="state" pathname={pathname} state={state} label="Filter by state" />
      <form method="get" action={pathname} className="flex items-end gap-2">
        {state.state ? <input type="hidden" name="state" value={state.state} /> : null}
        <div>
          <label htmlFor="checklist-assignee" className="field-label">
            Assignee
          </label>
          <select id="checklist-assignee" name="assignee" defaultValue={filters.assignee ?? ""} className="input mt-1">
            <option value="">Anyone</option>
            <option value={UNASSIGNED}>Unassigned</option>
            {assignees.map((assignee) => (
              <option key={assignee} value={assignee}>
                {assignee}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
      </form>
    </section>
  );
}
