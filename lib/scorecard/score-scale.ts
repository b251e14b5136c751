/**
 * How a score reads on every scorecard view: the colour band (red < 50, amber < 80, green ≥ 80,
 * grey when not assessed) and the change since an earlier score. The band
 * is never the only signal: the number is always shown with it.
 */
export type ScoreBand = "low" | "medium" | "high" | "none";

export function scoreBand(score: number | null | undefined): ScoreBand {
  if (score === null || score === undefined) return "none";
  if (score < 50) return "low";
  if (score < 80) return "medium";
  return "high";
}

export const SCORE_BAND_LABEL: Record<ScoreBand, string> = {
  low: "needs work",
  medium: "fair",
  high: "good",
  none: "not assessed",
};

/** Points gained (positive) or lost since the earlier score; null when either is missing. */
export function scoreChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  return current - previous;
}

/** "+5", "−3", "±0"; with a true minus sign so screen readers say "minus". */
export function formatChange(change: number | null): string {
  if (change === null) return "";
  if (change === 0) return "±0";
  return change > 0 ? `+${change}` : `\u2212${Math.abs(change)}`;
}
