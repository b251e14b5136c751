import Link from "next/link";
import { buttonClass } from "@/components/ui/button-classes";
import { formatUtc } from "@/components/ui/relative-time";
import type { RunPoint } from "@/lib/db/changes";
import { exerciseFullName } from "@/lib/scorecard/catalogue";
import { EXERCISE_NUMBERS } from "@/lib/scorecard/exercise-cards";
import { CHANGE_WINDOW_DAYS, type ChangesQuery } from "@/lib/scorecard/search-params";

/** Which two runs to compare (a window in days, or two runs), and for which account or exercise. */
export function ChangesWindowForm({ query, runs, pathname }: { query: ChangesQuery; runs: RunPoint[]; pathname: string }) {
  const runLabel = (run: RunPoint) => `#${run.runId} · ${formatUtc(new Date(run.at))}`;
  const custom = query.fromRunId !== undefined || query.toRunId !== undefined;
  return (
    <form method="get" action={pathname} aria-label="Choose what to compare" className="flex flex-wrap items-end gap-3 border-b border-zinc-200 p-3 dark:border-zinc-800">
      {query.kind !== "worse" ? <input type="hidden" name="kind" value={query.kind} /> : null}
      <div className="w-40">
        <label htmlFor="changes-days" className="field-label">
          Compare with
        </label>
        <select id="changes-days" name="days" defaultValue={String(query.days)} className="input mt-1">
          {CHANGE_WINDOW_DAYS.map((days) => (
            <option key={days} value={days}>
              {days === 1 ? "1 day ago" : `${days} days ago`}
            </option>
          ))}
        </select>
      </div>
      <div className="w-64">
        <label htmlFor="changes-from" className="field-label">
          Or from run
        </label>
        <select id="changes-from" name="from" defaultValue={query.fromRunId?.toString() ?? ""} className="input mt-1">
          <option value="">(by days)</option>
          {runs.map((run) => (
            <option key={run.runId} value={run.runId}>
              {runLabel(run)}
            </option>
          ))}
        </select>
      </div>
      <div className="w-64">
        <label htmlFor="changes-to" className="field-label">
          To run
        </label>
        <select id="changes-to" name="to" defaultValue={query.toRunId?.toString() ?? ""} className="input mt-1">
          <option value="">Latest</option>
          {runs.map((run) => (
            <option key={run.runId} value={run.runId}>
              {runLabel(run)}
            </option>
          ))}
        </select>
      </div>
      <div className="w-36">
        <label htmlFor="changes-account" className="field-label">
          Account id
        </label>
        <input id="changes-account" name="account" inputMode="numeric" pattern="[0-9]{12}" defaultValue={query.account ?? ""} className="input mt-1" placeholder="all accounts" />
      </div>
      <div className="w-56">
        <label htmlFor="changes-exercise" className="field-label">
          Exercise
        </label>
        <select id="changes-exercise" name="exercise" defaultValue={query.exercise?.toString() ?? ""} className="input mt-1">
          <option value="">All exercises</option>
          {EXERCISE_NUMBERS.map((exercise) => (
            <option key={exercise} value={exercise}>
              {exerciseFullName(exercise)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Compare
        </button>
        {custom || query.account || query.exercise || query.days !== 7 ? (
          <Link href={pathname} className={buttonClass("ghost")}>
            Reset
          </Link>
        ) : null}
      </div>
    </form>
  );
}
