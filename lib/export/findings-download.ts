/**
 * A whole findings view (every page, with the view's filters) streamed as a CSV or JSON
 * download. The JSON has the API's finding shape.
 */
import "server-only";
import { toApiFinding, type ApiFinding } from "@/lib/api/finding-json";
import type { JsonValue } from "@/lib/checks/types";
import { getEvidence, iterateFindings } from "@/lib/db/findings";
import type { FindingsQuery } from "@/lib/scorecard/search-params";
import { downloadResponse } from "./download";
import { findingsCsvHeader, findingsCsvRows } from "./findings-csv";

export { EXPORT_FORMATS, type ExportFormat } from "./download";
import type { ExportFormat } from "./download";

/** Findings read (and held) at a time: one batch, whatever the size of the view. */
export const EXPORT_BATCH_SIZE = 500;

/** The view's findings with their evidence, batch by batch, each read only when the previous one is consumed. */
export async function* exportFindings(query: FindingsQuery, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<ApiFinding[]> {
  for await (const rows of iterateFindings(query, batchSize)) {
    const evidence = await getEvidence(rows);
    yield rows.map((row) => toApiFinding(row, evidence.get(row.evidenceHash) as JsonValue | undefined));
  }
}

/**
 * The text chunks of the whole view: CSV with a header, or a JSON document `{ generatedAt, findings }`
 * whose array is written a batch at a time. One chunk per batch of `batches` (the view's, unless given).
 */
export async function* findingsExportChunks(
  query: FindingsQuery,
  format: ExportFormat,
  now: Date,
  batches: AsyncIterable<ApiFinding[]> = exportFindings(query),
): AsyncGenerator<string> {
  if (format === "csv") {
    yield findingsCsvHeader();
    for await (const findings of batches) yield findingsCsvRows(findings);
    return;
  }
  yield `{"generatedAt":${JSON.stringify(now.toISOString())},"findings":[`;
  let first = true;
  for await (const findings of batches) {
    const items = findings.map((finding) => JSON.stringify(finding));
    yield (first ? "\n" : ",\n") + items.join(",\n");
    first = false;
  }
  yield "\n]}\n";
}

export function findingsExportResponse(query: FindingsQuery, format: ExportFormat, filenameStem: string, now = new Date()): Response {
  return downloadResponse(findingsExportChunks(query, format, now), format, `${filenameStem}-${now.toISOString().slice(0, 10)}`);
}
