/** What accessanalyzer.enabled stores: the region and every analyzer in it, active or not, of any type. */
import { z } from "zod";

export const accessAnalyzerEvidenceSchema = z
  .object({ region: z.string(), analyzers: z.array(z.object({ name: z.string(), type: z.string(), status: z.string() }).strict()) })
  .strict();
export type AccessAnalyzerEvidence = z.infer<typeof accessAnalyzerEvidenceSchema>;

/** Analyzers of external access; the unused-access analyzer types answer a different question. */
export const EXTERNAL_ACCESS_TYPES = new Set(["ACCOUNT", "ORGANIZATION"]);

export function isActiveExternalAccess(analyzer: AccessAnalyzerEvidence["analyzers"][number]): boolean {
  return analyzer.status === "ACTIVE" && EXTERNAL_ACCESS_TYPES.has(analyzer.type);
}
