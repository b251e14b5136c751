import { Pagination } from "@/components/ui/pagination";
import { listLinkedOuPaths } from "@/lib/db/organization-inventory";
import { listScorecardGrid } from "@/lib/db/scorecard";
import type { GridQuery, UrlState } from "@/lib/scorecard/search-params";
import { GridFilters } from "./grid-filters";
import { ScoreGrid } from "./score-grid";
import { loadWidget } from "./widget-state";

/** The accounts × exercises grid with its filters and pages, all in the URL. */
export async function GridSection({ pathname, query, state }: { pathname: string; query: GridQuery; state: UrlState }) {
  return (
    <section aria-labelledby="grid-heading" className="card overflow-hidden">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-zinc-200 p-4 dark:border-zinc-800">
        <h2 id="grid-heading" className="text-base font-semibold">
          Accounts × exercises
        </h2>
        <p className="text-xs muted">
          Red below 50, amber below 80, green from 80, grey not assessed; <span aria-hidden="true">?n</span>
          <span className="sr-only">a question mark and a number</span> counts checks that could not be evaluated. Open failures
          count failing resources by severity: critical, high, medium and low, left to right.
        </p>
      </div>
      <GridFilters pathname={pathname} query={query} state={state} ouPaths={await listLinkedOuPaths()} />
      {await loadWidget("The accounts grid", () => listScorecardGrid(query), (page) => (
        <>
          {page.rows.length === 0 ? (
            <p className="px-3 py-10 text-center text-sm muted">No accounts match these filters.</p>
          ) : (
            <ScoreGrid rows={page.rows} query={query} pathname={pathname} state={state} />
          )}
          {page.total > 0 ? (
            <Pagination pathname={pathname} state={state} page={page.page} pageCount={page.pageCount} pageSize={page.pageSize} total={page.total} noun="accounts" />
          ) : null}
        </>
      ))}
    </section>
  );
}
