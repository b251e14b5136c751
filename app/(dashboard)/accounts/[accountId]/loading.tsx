import { SkeletonBlock } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" className="space-y-6">
      <span className="sr-only">Loading the account…</span>
      <div className="space-y-2">
        <SkeletonBlock className="h-4 w-24" />
        <SkeletonBlock className="h-7 w-72" />
        <SkeletonBlock className="h-4 w-96 max-w-full" />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="card space-y-3 p-5">
          {Array.from({ length: 4 }, (_, index) => (
            <SkeletonBlock key={index} className="h-5 w-full" />
          ))}
        </div>
        <div className="card space-y-3 p-5">
          {Array.from({ length: 4 }, (_, index) => (
            <SkeletonBlock key={index} className="h-5 w-full" />
          ))}
        </div>
      </div>
      <div className="card space-y-3 p-5">
        {Array.from({ length: 5 }, (_, index) => (
          <SkeletonBlock key={index} className="h-5 w-full" />
        ))}
      </div>
    </div>
  );
}
