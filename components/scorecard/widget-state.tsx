import type { ReactNode } from "react";
import { SkeletonBlock } from "@/components/ui/skeleton";

/** One widget's loading placeholder (each dashboard widget streams in behind its own Suspense). */
export function WidgetSkeleton({ label, rows = 4, className = "" }: { label: string; rows?: number; className?: string }) {
  return (
    <div role="status" aria-live="polite" className={`card space-y-3 p-4 ${className}`}>
      <span className="sr-only">{label}</span>
      <SkeletonBlock className="h-5 w-48" />
      {Array.from({ length: rows }, (_, index) => (
        <SkeletonBlock key={index} className="h-4 w-full" />
      ))}
    </div>
  );
}

/** A widget whose data could not be read: the rest of the page still works. */
export function WidgetError({ title, error }: { title: string; error: unknown }) {
  // The message is logged on the server; the page says what failed, not the internals.
  console.error(`scorecard widget "${title}" failed:`, error);
  return (
    <div role="alert" className="card border-red-300 p-4 text-sm dark:border-red-900">
      <p className="font-semibold text-red-800 dark:text-red-300">{title} could not be loaded.</p>
      <p className="mt-1 muted">The database did not answer as expected. Reload the page to try again; the server log has the details.</p>
    </div>
  );
}

/** Runs a widget's data load and renders the error state instead of failing the whole page. */
export async function loadWidget<T>(title: string, load: () => Promise<T>, render: (data: T) => ReactNode): Promise<ReactNode> {
  let data: T;
  try {
    data = await load();
  } catch (error) {
    return <WidgetError title={title} error={error} />;
  }
  return render(data);
}
