import Link from "next/link";
import { hrefWith, type UrlState } from "./href";

export interface FilterChip {
  label: string;
  /** The URL value; undefined for "all". */
  value: string | undefined;
  /** Shown beside the label; left out for choices that are not filters (an order). */
  count?: number;
}

/** Link chips that set one URL parameter (e.g. `status`), each with its count; resets paging. */
export function FilterChips({
  chips,
  param,
  pathname,
  state,
  label,
}: {
  chips: FilterChip[];
  param: string;
  pathname: string;
  state: UrlState;
  label: string;
}) {
  const number = new Intl.NumberFormat("en");
  const currentValue = state[param] ?? undefined;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={label}>
      {chips.map((chip) => {
        const current = currentValue === chip.value;
        return (
          <li key={chip.label}>
            <Link
              href={hrefWith(pathname, state, { [param]: chip.value, page: undefined })}
              aria-current={current ? "true" : undefined}
              className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium no-underline hover:no-underline ${
                current
                  ? "border-indigo-600 bg-indigo-600 text-white dark:border-indigo-400 dark:bg-indigo-600"
                  : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"
              }`}
            >
              {chip.label}
              {chip.count === undefined ? null : <span className={current ? "text-indigo-100" : "text-zinc-500 dark:text-zinc-400"}>{number.format(chip.count)}</span>}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
