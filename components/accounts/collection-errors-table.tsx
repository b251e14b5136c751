import { formatUtc } from "@/components/ui/relative-time";
import type { StoredCollectionError } from "@/lib/db/collection-errors";
import { ErrorCode } from "./error-code";

export interface CollectionErrorRow {
  error: StoredCollectionError;
  /** Snapshot part the error is about, when known ("ec2.instances@eu-west-1"). */
  partKey?: string;
  /** undefined: not known (summary only); null: no older data; string: older data from then is shown. */
  staleCollectedAt?: string | null;
}

/** Per-API errors of one collection: the call, where, the AWS error code and message, and what data stands in. */
export function CollectionErrorsTable({ rows, caption }: { rows: CollectionErrorRow[]; caption: string }) {
  const showsStaleness = rows.some((row) => row.staleCollectedAt !== undefined);
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">API</th>
            <th scope="col">Region</th>
            <th scope="col">Error</th>
            <th scope="col">Message</th>
            {showsStaleness ? <th scope="col">Data shown</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${row.partKey ?? row.error.api ?? ""}-${row.error.region ?? ""}-${index}`}>
              <td className="font-mono text-xs whitespace-nowrap">{row.error.api ?? row.partKey ?? "—"}</td>
              <td className="text-xs whitespace-nowrap">{row.error.region ?? <span className="muted">global</span>}</td>
              <td className="text-xs font-semibold whitespace-nowrap text-red-800 dark:text-red-300">
                <ErrorCode code={row.error.code} />
              </td>
              <td className="max-w-xl min-w-64 text-xs break-words">{row.error.message}</td>
              {showsStaleness ? (
                <td className="text-xs whitespace-nowrap">
                  {row.staleCollectedAt ? (
                    <span className="text-amber-800 dark:text-amber-300">Stale, from {formatUtc(new Date(row.staleCollectedAt))}</span>
                  ) : row.staleCollectedAt === null ? (
                    <span className="muted">None (not assessed)</span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
