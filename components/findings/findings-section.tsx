import { WidgetError } from "@/components/scorecard/widget-state";
import { Pagination } from "@/components/ui/pagination";
import type { JsonValue } from "@/lib/checks/types";
import { getEvidence, listFindings } from "@/lib/db/findings";
import type { CheckInfo } from "@/lib/scorecard/catalogue";
import type { FindingsQuery, UrlState } from "@/lib/scorecard/search-params";
import { ExportLinks } from "./export-links";
import { FindingFilters } from "./finding-filters";
import { FindingsTable, type FindingsTableOptions } from "./findings-table";

/** A filtered, sorted, paged findings list with the evidence of the page's findings. */
export async function FindingsSection({
  title,
  query,
  pathname,
  state,
  checks,
  options,
  exportPathname,
}: {
  title: string;
  query: FindingsQuery;
  pathname: string;
  state: UrlState;
  checks: CheckInfo[];
  options: FindingsTableOptions;
  /** The view's export route; without it the section offers no download. */
  exportPathname?: string;
}) {
  let content;
  try {
    const page = await listFindings(query);
    // Rows fetch their evidence when opened, unless the table shows it open.
    const evidence = options.openEvidence ? await getEvidence(page.rows) : new Map<string, JsonValue>();
    content = (
      <>
        {page.rows.length === 0 ? (
          <p className="px-3 py-10 text-center text-sm muted">{emptyText(query)}</p>
        ) : (
          <FindingsTable rows={page.rows} evidence={evidence} query={query} pathname={pathname} state={state} options={options} />
        )}
        {page.total > 0 ? (
          <Pagination pathname={pathname} state={state} page={page.page} pageCount={page.pageCount} pageSize={page.pageSize} total={page.total} noun="findings" />
        ) : null}
      </>
    );
  } catch (error) {
    content = <WidgetError title="The findings" error={error} />;
  }
  return (
    <section aria-labelledby="findings-heading" className="card overflow-hidden">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 p-4 dark:border-zinc-800">
        <h2 id="findings-heading" className="text-base font-semibold">
          {title}
        </h2>
        {exportPathname ? <ExportLinks exportPathname={exportPathname} state={state} /> : null}
      </div>
      <FindingFilters pathname={pathname} query={query} state={state} checks={checks} showAccount={options.showAccount} />
      {content}
    </section>
  );
}

function emptyText(query: FindingsQuery): string {
  const filtered = Boolean(query.check || query.severity || query.resourceType || query.q);
  if (query.statuses.length === 1 && query.statuses[0] === "fail") {
    return filtered ? "No failing resources match these filters." : "No failing resources: everything checked here passes.";
  }
  return "No findings match these filters.";
}
