import Link from "next/link";
import { hrefWith, type UrlState } from "./href";

/**
 * A column header that sorts the table through the URL (`sort`, `dir`); sorting happens in SQL,
 * so it works across pages. Clicking the current column flips the direction.
 */
export function SortableHeader({
  label,
  sortKey,
  pathname,
  state,
  currentSort,
  currentDirection,
  defaultDirection = "asc",
  className,
  title,
}: {
  label: string;
  sortKey: string;
  pathname: string;
  state: UrlState;
  currentSort: string;
  currentDirection: "asc" | "desc";
  defaultDirection?: "asc" | "desc";
  className?: string;
  /** Said on hover: what the column holds or how it sorts, when the label alone does not say. */
  title?: string;
}) {
  const active = currentSort === sortKey;
  const nextDirection = active ? (currentDirection === "asc" ? "desc" : "asc") : defaultDirection;
  const ariaSort = active ? (currentDirection === "asc" ? "ascending" : "descending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      <Link
        href={hrefWith(pathname, state, { sort: sortKey, dir: nextDirection, page: undefined })}
        title={title}
        className="inline-flex items-center gap-1 text-inherit no-underline hover:text-zinc-900 hover:no-underline dark:hover:text-zinc-100"
      >
        {label}
        <span aria-hidden="true" className={active ? "" : "opacity-30"}>
          {active ? (currentDirection === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">{active ? `, sorted ${ariaSort}; activate to reverse` : ", activate to sort"}</span>
      </Link>
    </th>
  );
}
