import { SCORING_EXPLANATION } from "@/lib/scoring/explanation";

/** How the scores are computed, in plain words (CHECKS.md, "Scoring"), from the scoring code itself. */
export function ScoringExplanation({ open = false }: { open?: boolean }) {
  return (
    <details id="how-scores-work" open={open} className="card p-4 text-sm">
      <summary className="cursor-pointer font-semibold">How the scores are computed</summary>
      <div className="mt-2 max-w-3xl space-y-2">
        {SCORING_EXPLANATION.split("\n\n").map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <p className="muted">Colours: red below 50, amber from 50 to 79, green from 80; grey means not assessed. The number is always shown.</p>
      </div>
    </details>
  );
}
