/** Grey placeholder blocks shown by loading.tsx while a page's data loads. */
export function SkeletonBlock({ className = "h-4 w-full" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-zinc-200 dark:bg-zinc-800 ${className}`} />;
}

export function PageSkeleton({ label, rows = 8 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">{label}</span>
      <div className="space-y-2">
        <SkeletonBlock className="h-7 w-64" />
        <SkeletonBlock className="h-4 w-96 max-w-full" />
      </div>
      <div className="card space-y-3 p-4">
        {Array.from({ length: rows }, (_, index) => (
          <SkeletonBlock key={index} className="h-5 w-full" />
        ))}
      </div>
    </div>
  );
}
