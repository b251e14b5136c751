import type { StoredCollectionError } from "@/lib/db/collection-errors";
import { ErrorCode } from "./error-code";

/** An AWS error in one or two lines: code (and API, region), then the message. */
export function ErrorSummary({ error, clamp = true }: { error: StoredCollectionError; clamp?: boolean }) {
  return (
    <div className="min-w-0 text-xs">
      <p className="font-medium text-red-800 dark:text-red-300">
        <ErrorCode code={error.code} />
        {error.api ? <span className="font-normal muted"> · {error.api}</span> : null}
        {error.region ? <span className="font-normal muted"> · {error.region}</span> : null}
      </p>
      <p className={`mt-0.5 text-zinc-700 dark:text-zinc-300 ${clamp ? "line-clamp-2" : ""}`} title={clamp ? error.message : undefined}>
        {error.message}
      </p>
    </div>
  );
}
