import Link from "next/link";
import { buttonClass } from "./button-classes";
import { hrefWith, type UrlState } from "./href";

/** Previous/next links with "51–100 of 1,000"; the page number lives in the URL (`page` unless told). */
export function Pagination({
  pathname,
  state,
  page,
  pageCount,
  pageSize,
  total,
  noun,
  param = "page",
}: {
  pathname: string;
  state: UrlState;
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  noun: string;
  /** The URL parameter that holds the page, when a view pages two lists. */
  param?: string;
}) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const number = new Intl.NumberFormat("en");
  const linkTo = (target: number) => hrefWith(pathname, state, { [param]: target === 1 ? undefined : target });
  const disabled = `${buttonClass("secondary", "sm")} pointer-events-none opacity-50`;
  return (
    <nav aria-label={`${noun} pages`} className="flex flex-wrap items-center justify-between gap-3 px-3 py-3 text-sm">
      <p className="muted">
        {total === 0 ? `No ${noun}` : `${number.format(first)}–${number.format(last)} of ${number.format(total)} ${noun}`}
      </p>
      {pageCount > 1 ? (
        <div className="flex items-center gap-2">
          {page > 1 ? (
            <Link className={buttonClass("secondary", "sm")} href={linkTo(page - 1)} rel="prev">
              ← Previous
            </Link>
          ) : (
            <span className={disabled} aria-disabled="true">
              ← Previous
            </span>
          )}
          <span className="muted">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link className={buttonClass("secondary", "sm")} href={linkTo(page + 1)} rel="next">
              Next →
            </Link>
          ) : (
            <span className={disabled} aria-disabled="true">
              Next →
            </span>
          )}
        </div>
      ) : null}
    </nav>
  );
}
