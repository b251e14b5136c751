import type { ExerciseInfo } from "@/lib/scorecard/catalogue";

/** Under an exercise page's title (the guide's wording): what it covers in plain words, then what it asks for. */
export function ExerciseDescription({ info, scope }: { info: ExerciseInfo; scope?: string }) {
  return (
    <>
      <span className="block font-medium text-zinc-800 dark:text-zinc-200">{info.subtitle}</span>
      <span className="block">
        {info.summary}
        {scope ? ` ${scope}` : null}
      </span>
    </>
  );
}
