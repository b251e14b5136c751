import Link from "next/link";
import { buttonClass } from "@/components/ui/button-classes";
import { ouWithAncestors } from "@/lib/scorecard/ou-choices";
import { PAGE_SIZES, type GridQuery, type UrlState } from "@/lib/scorecard/search-params";

const STATUS_OPTIONS: Array<{ value: GridQuery["status"]; label: string }> = [
  { value: "all", label: "All accounts" },
  { value: "not_assessed", label: "Not assessed yet" },
  { value: "failed", label: "Last collection failed" },
  { value: "partial", label: "Last collection partial" },
  { value: "succeeded", label: "Last collection succeeded" },
];

/** A plain GET form: filters land in the URL, so the filtered grid can be linked and reloaded. */
export function GridFilters({
  pathname,
  query,
  state,
  ouPaths,
}: {
  pathname: string;
  query: GridQuery;
  state: UrlState;
  /** The organizational units of linked accounts; the OU filter shows when there are any. */
  ouPaths: Array<{ ouPath: string; accounts: number }>;
}) {
  const tag = state.tag ?? "";
  const filtered = Boolean(query.q || query.tag || query.ou || query.status !== "all");
  // Parent OUs are choices too (they cover their children), with the accounts below them.
  const ouChoices = ouWithAncestors(ouPaths);
  return (
    <form method="get" action={pathname} role="search" aria-label="Filter accounts" className="flex flex-wrap items-end gap-3 border-b border-zinc-200 p-3 dark:border-zinc-800">
      {state.sort ? <input type="hidden" name="sort" value={state.sort} /> : null}
      {state.dir ? <input type="hidden" name="dir" value={state.dir} /> : null}
      <div className="min-w-48 flex-1">
        <label htmlFor="grid-q" className="field-label">
          Account name or id
        </label>
        <input id="grid-q" name="q" type="search" defaultValue={query.q ?? ""} className="input mt-1" placeholder="e.g. prod or 1234" />
      </div>
      <div className="w-44">
        <label htmlFor="grid-tag" className="field-label">
          Tag
        </label>
        <input id="grid-tag" name="tag" type="text" defaultValue={tag} className="input mt-1" placeholder="env=prod" aria-describedby="grid-tag-hint" />
        <span id="grid-tag-hint" className="sr-only">
          A tag key, or key=value
        </span>
      </div>
      {ouChoices.length > 0 ? (
        <div className="w-64">
          <label htmlFor="grid-ou" className="field-label">
            Organizational unit
          </label>
          <select id="grid-ou" name="ou" defaultValue={query.ou ?? ""} className="input mt-1">
            <option value="">All OUs</option>
            {ouChoices.map((choice) => (
              <option key={choice.ouPath} value={choice.ouPath}>
                {"\u00a0\u00a0".repeat(choice.depth)}
                {choice.ouPath.split("/").at(-1)} ({choice.accounts})
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="w-56">
        <label htmlFor="grid-status" className="field-label">
          Status
        </label>
        <select id="grid-status" name="status" defaultValue={query.status} className="input mt-1">
          {STATUS_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="w-28">
        <label htmlFor="grid-size" className="field-label">
          Per page
        </label>
        <select id="grid-size" name="size" defaultValue={String(query.pageSize)} className="input mt-1">
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply
        </button>
        {filtered ? (
          <Link href={pathname} className={buttonClass("ghost")}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
