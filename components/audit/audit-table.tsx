import { formatUtc, RelativeTime } from "@/components/ui/relative-time";
import type { AuditEventRow } from "@/lib/db/audit";

const OUTCOME_CLASS: Record<string, string> = {
  success: "text-emerald-800 dark:text-emerald-300",
  failure: "text-red-700 dark:text-red-400",
  denied: "text-amber-800 dark:text-amber-300",
};

function actorLabel(row: AuditEventRow): string {
  if (row.actorEmail) return row.actorEmail;
  return row.actorKind === "cli" ? "command line" : row.actorKind;
}

/** Audit events, newest first; every value from the event is rendered as text. */
export function AuditTable({ rows, now = new Date() }: { rows: AuditEventRow[]; now?: Date }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="text-left text-xs uppercase muted">
          <tr>
            <th scope="col" className="px-4 py-2">When</th>
            <th scope="col" className="px-4 py-2">Who</th>
            <th scope="col" className="px-4 py-2">Action</th>
            <th scope="col" className="px-4 py-2">Outcome</th>
            <th scope="col" className="px-4 py-2">Target</th>
            <th scope="col" className="px-4 py-2">From</th>
            <th scope="col" className="px-4 py-2">Detail</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 align-top dark:divide-zinc-800">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="px-4 py-2 whitespace-nowrap">
                <RelativeTime date={row.occurredAt} now={now} />
                <div className="text-xs muted">{formatUtc(row.occurredAt)}</div>
              </td>
              <td className="min-w-56 px-4 py-2 [overflow-wrap:anywhere]">
                {actorLabel(row)}
                {row.actorTokenId ? <div className="font-mono text-xs muted">token {row.actorTokenId}</div> : null}
              </td>
              <td className="px-4 py-2 font-mono text-xs">{row.action}</td>
              <td className={`px-4 py-2 font-medium ${OUTCOME_CLASS[row.outcome] ?? ""}`}>{row.outcome}</td>
              <td className="min-w-56 px-4 py-2 [overflow-wrap:anywhere]">
                {row.targetType ? (
                  <>
                    <span className="text-xs muted">{row.targetType} </span>
                    {row.targetLabel ?? row.targetId}
                    {row.targetLabel && row.targetId ? <div className="font-mono text-xs muted">{row.targetId}</div> : null}
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="px-4 py-2">
                <span className="font-mono text-xs">{row.ip ?? "—"}</span>
                {row.userAgent ? (
                  <div className="max-w-48 truncate text-xs muted" title={row.userAgent}>
                    {row.userAgent}
                  </div>
                ) : null}
              </td>
              <td className="px-4 py-2">
                {Object.keys(row.detail).length > 0 ? (
                  <details>
                    <summary className="cursor-pointer text-xs">Show</summary>
                    <pre className="mt-1 max-w-md overflow-x-auto text-xs whitespace-pre-wrap break-all">{JSON.stringify(row.detail, null, 2)}</pre>
                  </details>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
