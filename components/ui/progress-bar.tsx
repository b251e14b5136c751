/** A labelled progress bar (native semantics via role="progressbar"). */
export function ProgressBar({ value, max, label, tone = "active" }: { value: number; max: number; label: string; tone?: "active" | "fail" }) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={`${value} of ${max}`}
      className="h-2.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
    >
      <div
        className={`h-full rounded-full transition-[width] duration-500 ${tone === "fail" ? "bg-red-500" : "bg-indigo-600 dark:bg-indigo-400"}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
