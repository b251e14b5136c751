/** The audit log (with the page's filters, every page) as a CSV or JSON download. */
import "server-only";
import { auditEventBatches, type AuditEventRow, type AuditQuery } from "@/lib/db/audit";
import { csvLines } from "./csv";
import { downloadResponse, type ExportFormat } from "./download";

const COLUMNS = ["occurredAt", "action", "outcome", "actorKind", "actorEmail", "actorTokenId", "targetType", "targetId", "targetLabel", "ip", "userAgent", "detail"] as const;

function cells(row: AuditEventRow): string[] {
  return COLUMNS.map((column) => {
    const value = row[column];
    if (value instanceof Date) return value.toISOString();
    if (column === "detail") return JSON.stringify(value);
    return value === null ? "" : String(value);
  });
}

async function* auditChunks(query: AuditQuery, format: ExportFormat, now: Date): AsyncGenerator<string> {
  if (format === "csv") {
    yield csvLines([[...COLUMNS]]);
    for await (const rows of auditEventBatches(query)) yield csvLines(rows.map(cells));
    return;
  }
  yield `{"generatedAt":${JSON.stringify(now.toISOString())},"events":[`;
  let first = true;
  for await (const rows of auditEventBatches(query)) {
    yield (first ? "\n" : ",\n") + rows.map((row) => JSON.stringify({ ...row, occurredAt: row.occurredAt.toISOString() })).join(",\n");
    first = false;
  }
  yield "\n]}\n";
}

export function auditExportResponse(query: AuditQuery, format: ExportFormat, now = new Date()): Response {
  return downloadResponse(auditChunks(query, format, now), format, `iamfit-audit-log-${now.toISOString().slice(0, 10)}`);
}
