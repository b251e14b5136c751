import { formatChange, SCORE_BAND_LABEL, scoreBand, type ScoreBand } from "@/lib/scorecard/score-scale";

/** Cell and badge colours per band (app/globals.css); the number is always printed too, so colour is never the only signal. */
export const BAND_CLASSES: Record<ScoreBand, string> = {
  low: "band-low",
  medium: "band-medium",
  high: "band-high",
  none: "band-none",
};

/** A score with its colour band, and the checks that could not be evaluated beside it ("72 · 3 unknown"). */
export function ScoreBadge({
  score,
  unknownChecks = 0,
  size = "md",
  notAssessedLabel = "not assessed",
}: {
  score: number | null;
  unknownChecks?: number;
  size?: "sm" | "md" | "lg";
  notAssessedLabel?: string;
}) {
  const band = scoreBand(score);
  const sizes = { sm: "px-1.5 py-0.5 text-xs", md: "px-2 py-0.5 text-sm", lg: "px-3 py-1 text-3xl" };
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1.5">
      <span
        className={`inline-flex items-baseline rounded-md border font-semibold tabular-nums ${sizes[size]} ${BAND_CLASSES[band]}`}
        title={score === null ? notAssessedLabel : `${score} of 100: ${SCORE_BAND_LABEL[band]}`}
      >
        {score === null ? (size === "lg" ? "—" : notAssessedLabel) : score}
        {score !== null && size === "lg" ? <span className="ml-1 text-base font-normal">/ 100</span> : null}
      </span>
      {unknownChecks > 0 ? (
        <span className="text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
          · {unknownChecks} unknown
        </span>
      ) : null}
    </span>
  );
}

/** "▲ +5 since last run"; nothing when there is no earlier score to compare with. */
export function ScoreChange({ change, since = "since last run" }: { change: number | null; since?: string }) {
  if (change === null) return null;
  const tone =
    change > 0 ? "text-emerald-700 dark:text-emerald-400" : change < 0 ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400";
  const arrow = change > 0 ? "▲" : change < 0 ? "▼" : "■";
  return (
    <span className={`text-xs font-medium whitespace-nowrap tabular-nums ${tone}`}>
      <span aria-hidden="true">{arrow} </span>
      {formatChange(change)} <span className="font-normal">{since}</span>
    </span>
  );
}
