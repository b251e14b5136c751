/**
 * A CSV or JSON download streamed from text chunks, so an export of any size never sits whole
 * in memory. Shared by the findings, checklist and audit-log exports. The stream pulls: the next
 * chunk is made only when the response has taken the previous one (Next.js waits for the socket
 * to drain), so a slow reader slows the database reads instead of filling memory.
 */
import { CSV_BOM } from "./csv";

export const EXPORT_FORMATS = ["csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function downloadResponse(chunks: AsyncGenerator<string>, format: ExportFormat, filename: string): Response {
  const encoder = new TextEncoder();
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
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}.${format}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
