import { buttonClass } from "@/components/ui/button-classes";
import { hrefWith } from "@/components/ui/href";
import type { UrlState } from "@/lib/scorecard/search-params";

/** Downloads of the whole filtered view: the page's URL state minus paging, to the view's export route. */
export function ExportLinks({ exportPathname, state }: { exportPathname: string; state: UrlState }) {
  const filters = { ...state, page: undefined, size: undefined };
  return (
    <div className="flex gap-2">
      <a href={hrefWith(exportPathname, filters, { format: "csv" })} className={buttonClass("secondary", "sm")} download>
        Export CSV
      </a>
      <a href={hrefWith(exportPathname, filters, { format: "json" })} className={buttonClass("secondary", "sm")} download>
        Export JSON
      </a>
    </div>
  );
}
