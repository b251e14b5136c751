import Link from "next/link";
import { buttonClass } from "@/components/ui/button-classes";
import { FilterChips } from "@/components/ui/filter-chips";
import type { AccountStatusFilter } from "@/lib/db/account-list";

const STATUS_CHIPS: Array<{ value: AccountStatusFilter | undefined; label: string }> = [
  { value: undefined, label: "All" },
  { value: "failed", label: "Failed" },
  { value: "partial", label: "Partial" },
  { value: "succeeded", label: "Succeeded" },
  { value: "never", label: "Never collected" },
  { value: "collecting", label: "Collecting" },
];

/**
 * Text search (a plain GET form, so it works without JavaScript) and status chips with counts.
 * Both write the URL; the page filters in SQL.
 */
export function AccountsFilter({
  pathname,
  state,
  counts,
}: {
  pathname: string;
  state: { q?: string; status?: string; sort?: string; dir?: string };
  counts: Record<AccountStatusFilter | "all", number>;
}) {
  return (
    <div className="flex flex-col gap-3 border-b border-zinc-200 p-3 dark:border-zinc-800">
      <form method="get" action={pathname} role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <label htmlFor="account-search" className="field-label">
            Search accounts
          </label>
          <input
            id="account-search"
            name="q"
            type="search"
            defaultValue={state.q ?? ""}
            placeholder="Name, account id, tag, or key=value (env=prod)"
            className="input mt-1"
          />
        </div>
        {state.status ? <input type="hidden" name="status" value={state.status} /> : null}
        {state.sort ? <input type="hidden" name="sort" value={state.sort} /> : null}
        {state.dir ? <input type="hidden" name="dir" value={state.dir} /> : null}
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
        {state.q || state.status ? (
          <Link href={pathname} className={buttonClass("ghost")}>
            Clear filters
          </Link>
        ) : null}
      </form>
      <FilterChips
        label="Filter by status"
        param="status"
        pathname={pathname}
        state={state}
        chips={STATUS_CHIPS.map((chip) => ({ ...chip, count: counts[chip.value ?? "all"] }))}
      />
    </div>
  );
}
