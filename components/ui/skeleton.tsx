/** Grey placeholder blocks shown while a widget's data loads (each widget streams behind its own Suspense). */
export function SkeletonBlock({ className = "h-4 w-full" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-zinc-200 dark:bg-zinc-800 ${className}`} />;
}
