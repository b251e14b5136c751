import { buttonClass } from "@/components/ui/button-classes";
import { FilterChips, type FilterChip } from "@/components/ui/filter-chips";
import { CHECKLIST_SORT_LABELS, CHECKLIST_SORTS, type ChecklistSort } from "@/lib/remediation/checklist-listing";
import { STATE_FILTER_LABELS, STATE_FILTERS, UNASSIGNED, type ChecklistFilters, type StateFilter } from "@/lib/remediation/checklist-params";

/** State chips and sort chips (links) and an assignee picker (a GET form): the filters and the order live in the URL. */
export function ChecklistFiltersBar({
  pathname,
  filters,
  sort,
  counts,
  assignees,
}: {
  pathname: string;
  filters: ChecklistFilters;
  sort: ChecklistSort;
  counts: Record<StateFilter, number>;
  /** The assignee filter's choices: value (an email) and what a person reads. */
  assignees: Array<{ value: string; label: string }>;
}) {
  const chips: FilterChip[] = STATE_FILTERS.map((state) => ({ label: STATE_FILTER_LABELS[state], value: state === "unresolved" ? undefined : state, count: counts[state] }));
  const state = { state: filters.state === "unresolved" ? undefined : filters.state, assignee: filters.assignee, sort: sort === "severity" ? undefined : sort };
  return (
    <section aria-label="Filters" className="space-y-3 print:hidden">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterChips chips={chips} param="state" pathname={pathname} state={state} label="Filter by state" />
        <form method="get" action={pathname} className="flex items-end gap-2">
          {state.state ? <input type="hidden" name="state" value={state.state} /> : null}
          {state.sort ? <input type="hidden" name="sort" value={state.sort} /> : null}
          <div>
            <label htmlFor="checklist-assignee" className="field-label">
              Assignee
            </label>
            <select id="checklist-assignee" name="assignee" defaultValue={filters.assignee ?? ""} className="input mt-1 max-w-60">
              <option value="">Anyone</option>
              <option value={UNASSIGNED}>Unassigned</option>
              {assignees.map((assignee) => (
                <option key={assignee.value} value={assignee.value}>
                  {assignee.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            Filter
          </button>
        </form>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="muted">Order:</span>
        <FilterChips
          chips={CHECKLIST_SORTS.map((candidate) => ({ label: CHECKLIST_SORT_LABELS[candidate], value: candidate === "severity" ? undefined : candidate }))}
          param="sort"
          pathname={pathname}
          state={state}
          label="Order items"
        />
      </div>
    </section>
  );
}
