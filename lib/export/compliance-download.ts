/**
 * The compliance view as a CSV or JSON download (the same document the CLI prints as JSON).
 */
import { z } from "zod";
import { complianceCsv, type ComplianceReport } from "@/lib/compliance/report";
import { downloadResponse, EXPORT_FORMATS, type ExportFormat } from "./download";

const formatSchema = z.enum(EXPORT_FORMATS).catch("csv");

export function exportFormatOf(raw: string | null): ExportFormat {
  return formatSchema.parse(raw);
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

export function complianceExportResponse(report: ComplianceReport, format: ExportFormat, filenameStem: string, now: Date): Response {
  const body = format === "csv" ? complianceCsv(report) : `${JSON.stringify(report, null, 2)}\n`;
  return downloadResponse(once(body), format, `${filenameStem}-${now.toISOString().slice(0, 10)}`);
}
