/**
 * A whole findings view (every page, with the view's filters) streamed as a CSV or JSON
 * download. The JSON has the API's finding shape.
 */
import "server-only";
import { toApiFinding, type ApiFinding } from "@/lib/api/finding-json";
import type { JsonValue } from "@/lib/checks/types";
import { getEvidence, iterateFindings } from "@/lib/db/findings";
import type { FindingsQuery } from "@/lib/scorecard/search-params";
import { CSV_BOM } from "./csv";
import { findingsCsvHeader, findingsCsvRows } from "./findings-csv";

export const EXPORT_FORMATS = ["csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The view's findings with their evidence, batch by batch. */
export async function* exportFindings(query: FindingsQuery): AsyncGenerator<ApiFinding[]> {
  for await (const rows of iterateFindings(query)) {
    const evidence = await getEvidence(rows);
    yield rows.map((row) => toApiFinding(row, evidence.get(row.evidenceHash) as JsonValue | undefined));
  }
}

/** The text chunks of the whole view: CSV with a header, or a JSON document `{ generatedAt, findings }`. */
export async function* findingsExportChunks(query: FindingsQuery, format: ExportFormat, now: Date): AsyncGenerator<string> {
  if (format === "csv") {
    yield findingsCsvHeader();
    for await (const findings of exportFindings(query)) yield findingsCsvRows(findings);
    return;
  }
  yield `{"generatedAt":${JSON.stringify(now.toISOString())},"findings":[`;
  let first = true;
  for await (const findings of exportFindings(query)) {
    const items = findings.map((finding) => JSON.stringify(finding));
    yield (first ? "\n" : ",\n") + items.join(",\n");
    first = false;
  }
  yield "\n]}\n";
}

export function findingsExportResponse(query: FindingsQuery, format: ExportFormat, filenameStem: string, now = new Date()): Response {
  const encoder = new TextEncoder();
  const chunks = findingsExportChunks(query, format, now);
  // The BOM makes spreadsheet programs read the CSV as UTF-8.
  let prefix = format === "csv" ? CSV_BOM : "";
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else {
        controller.enqueue(encoder.encode(prefix + next.value));
        prefix = "";
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const stamp = now.toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filenameStem}-${stamp}.${format}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
