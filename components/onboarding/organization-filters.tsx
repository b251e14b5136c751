import { FilterChips } from "@/components/ui/filter-chips";
import type { OrganizationFilter } from "@/lib/onboarding/organization-view";

const LABELS: Record<OrganizationFilter, string> = {
  all: "All",
  not_linked: "Not linked",
  linked: "Linked",
  failing: "Failing",
  unreachable: "Suspended or closed",
};

/** Status chips and an OU picker; both live in the URL so a filtered view can be shared. */
export function OrganizationFilters({
  pathname,
  state,
  counts,
  ouPaths,
}: {
  pathname: string;
  state: { ou?: string; show?: string };
  counts: Record<OrganizationFilter, number>;
  ouPaths: Array<{ ouPath: string; accounts: number }>;
}) {
  const chips = (Object.keys(LABELS) as OrganizationFilter[]).map((filter) => ({
    label: LABELS[filter],
    value: filter === "all" ? undefined : filter,
    count: counts[filter],
  }));
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <FilterChips chips={chips} param="show" pathname={pathname} state={state} label="Filter by status" />
      <form method="get" action={pathname} className="flex items-center gap-2">
        {state.show ? <input type="hidden" name="show" value={state.show} /> : null}
        <label htmlFor="organization-ou" className="text-xs muted">
          Organizational unit
        </label>
        <select id="organization-ou" name="ou" defaultValue={state.ou ?? ""} className="input py-1 text-sm">
          <option value="">Whole organization</option>
          {ouPaths.map((item) => (
            <option key={item.ouPath} value={item.ouPath}>
              {item.ouPath.split("/").join(" / ")} ({item.accounts})
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-md border border-zinc-300 px-2 py-1 text-xs dark:border-zinc-700">
          Show
        </button>
      </form>
    </div>
  );
}
