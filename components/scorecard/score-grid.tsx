import Link from "next/link";
import { hrefWith } from "@/components/ui/href";
import { SortableHeader } from "@/components/ui/sortable-header";
import { StatusBadge } from "@/components/ui/status-badge";
import type { GridRow } from "@/lib/db/scorecard";
import { exerciseFullName, exerciseInfo } from "@/lib/scorecard/catalogue";
import { EXERCISE_NUMBERS } from "@/lib/scorecard/exercise-cards";
import { accountExerciseHref, accountHref } from "@/lib/scorecard/links";
import { scoreBand } from "@/lib/scorecard/score-scale";
import type { GridQuery, UrlState } from "@/lib/scorecard/search-params";
import { FailureCountChips } from "./failure-counts";
import { BAND_CLASSES } from "./score-badge";
import { ErrorCode } from "@/components/accounts/error-code";

function sortDescription(query: GridQuery): string {
  if (query.sort === "failures") return query.dir === "desc" ? "open failures, most critical first" : "open failures, fewest critical first";
  const column = query.sort === "name" ? "name" : query.sort === "worst" ? "worst exercise" : query.sort === "score" ? "score" : `exercise ${query.sort.slice(1)}`;
  return `${column}, ${query.dir === "asc" ? "ascending" : "descending"}`;
}

/**
 * The heart of the product: accounts × the ten exercises, each cell coloured by score with the
 * number in it and linking to that account's exercise drill-down. Beside the score, the open
 * failures by severity, because a score averages and can hide a critical failure.
 *
 * Built to fit any account name: names truncate (the full name on hover, and shown whole while
 * the link has keyboard focus) and exercise headers wrap a short title between words, so all ten
 * exercise columns stay on a 1440-px screen.
 */
export function ScoreGrid({ rows, query, pathname, state }: { rows: GridRow[]; query: GridQuery; pathname: string; state: UrlState }) {
  const sortProps = { pathname, state, currentSort: query.sort, currentDirection: query.dir, defaultDirection: "asc" as const };
  return (
    <div className="relative overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">
          Accounts and their score on each of the ten exercises, with their open failures by severity; sorted by {sortDescription(query)}. Each
          cell links to the exercise for that account.
        </caption>
        <thead>
          <tr>
            <SortableHeader label="Account" sortKey="name" {...sortProps} className="sticky left-0 z-10 w-32 sm:w-48" />
            <SortableHeader label="Score" sortKey="score" {...sortProps} className="px-2 text-center" />
            <SortableHeader label="Worst" sortKey="worst" {...sortProps} className="px-2 text-center" />
            {/* Descending first: the column exists to put the most critical accounts on top. */}
            <SortableHeader
              label="Open failures"
              sortKey="failures"
              {...sortProps}
              defaultDirection="desc"
              title="Failing resources by severity: critical, high, medium, low. Sorts most critical first."
              className="px-2 text-center"
            />
            {EXERCISE_NUMBERS.map((exercise) => {
              const info = exerciseInfo(exercise);
              return (
                <th
                  key={exercise}
                  scope="col"
                  aria-sort={query.sort === `e${exercise}` ? (query.dir === "asc" ? "ascending" : "descending") : "none"}
                  className="w-16 px-1 text-center align-bottom"
                >
                  <Link
                    href={hrefFor(pathname, state, `e${exercise}`, query)}
                    title={`${exerciseFullName(exercise)}: sort by this exercise`}
                    className="inline-flex flex-col items-center text-inherit no-underline hover:no-underline"
                  >
                    <span className="tabular-nums">{exercise}</span>
                    {/* Wraps between words only: a short title is never cut mid-word. */}
                    <span className="text-[10px] leading-tight font-normal tracking-normal break-normal whitespace-normal normal-case">
                      {info.shortTitle}
                    </span>
                    <span className="sr-only">
                      : {info.title} ({info.subtitle})
                      {query.sort === `e${exercise}` ? `, sorted ${query.dir === "asc" ? "ascending" : "descending"}` : ", activate to sort"}
                    </span>
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <GridRowView key={row.accountId} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Exercise columns sort like SortableHeader (worst first, then flip), with a two-line label. */
function hrefFor(pathname: string, state: UrlState, sort: string, query: GridQuery): string {
  return hrefWith(pathname, state, { sort, dir: query.sort === sort && query.dir === "asc" ? "desc" : "asc", page: undefined });
}

function GridRowView({ row }: { row: GridRow }) {
  const assessed = row.runId !== null;
  return (
    <tr>
      <th scope="row" className="sticky left-0 z-10 w-32 max-w-32 bg-white text-left font-normal tracking-normal normal-case sm:w-48 sm:max-w-48 dark:bg-zinc-900">
        {/* The link's text is the whole name (what screen readers read); it is only cut visually, and
            shown whole while it has keyboard focus. */}
        <Link
          href={accountHref(row.awsAccountId)}
          title={row.name}
          className="block truncate font-medium text-zinc-900 focus-visible:overflow-visible focus-visible:break-words focus-visible:whitespace-normal dark:text-zinc-100"
        >
          {row.name}
        </Link>
        <div className="font-mono text-xs muted">{row.awsAccountId}</div>
        {!assessed || row.lastStatus === "failed" ? (
          <div className="mt-1 flex flex-wrap items-center gap-1">
            <StatusBadge status={row.lastStatus} />
            {row.lastError?.code ? <ErrorCode code={row.lastError.code} className="text-xs text-red-800 dark:text-red-300" /> : null}
          </div>
        ) : null}
      </th>
      <td className="px-2 text-center">
        <Cell score={row.score} unknown={row.unknownChecks} label={`${row.name}: overall score`} />
      </td>
      <td className="px-2 text-center">
        <Cell score={row.worstScore} unknown={0} label={`${row.name}: worst exercise score`} />
      </td>
      <td className="px-2 text-center whitespace-nowrap">
        {assessed ? <FailureCountChips counts={row.failures} label={row.name} /> : <span className="muted" title={`${row.name}: not assessed`}>—</span>}
      </td>
      {EXERCISE_NUMBERS.map((exercise) => {
        const score = row.exerciseScores[exercise - 1] ?? null;
        const unknown = row.exerciseUnknownChecks[exercise - 1] ?? 0;
        return (
          <td key={exercise} className="px-1 py-1 text-center">
            {assessed ? (
              <Cell
                score={score}
                unknown={unknown}
                href={accountExerciseHref(row.awsAccountId, exercise)}
                label={`${row.name}, exercise ${exercise} ${exerciseInfo(exercise).title}`}
              />
            ) : (
              <Cell score={null} unknown={0} label={`${row.name}, exercise ${exercise}: not assessed`} />
            )}
          </td>
        );
      })}
    </tr>
  );
}

function Cell({ score, unknown, href, label }: { score: number | null; unknown: number; href?: string; label: string }) {
  const band = scoreBand(score);
  const text = score === null ? "—" : String(score);
  const description = `${label}: ${score === null ? "not assessed" : `${score} of 100`}${unknown > 0 ? `, ${unknown} check${unknown === 1 ? "" : "s"} unknown` : ""}`;
  const content = (
    <>
      <span aria-hidden="true">{text}</span>
      {unknown > 0 ? (
        <span aria-hidden="true" className="ml-0.5 align-super text-[10px] font-normal">
          ?{unknown}
        </span>
      ) : null}
      <span className="sr-only">{description}</span>
    </>
  );
  const classes = `grid-cell ${BAND_CLASSES[band]}`;
  return href ? (
    <Link href={href} className={`${classes} hover:ring-2 hover:ring-indigo-400`} title={description}>
      {content}
    </Link>
  ) : (
    <span className={classes} title={description}>
      {content}
    </span>
  );
}
