/** IAM Access Analyzer analyzers, per region (exercise 5: one should be active in each enabled region). */
import { paginateListAnalyzers, type AnalyzerSummary } from "@aws-sdk/client-accessanalyzer";
import { analyzersSchema, type Analyzer } from "@/lib/snapshot/schema";
import type { AccountClients } from "../client-factory";
import { awsCall, validatePart } from "./aws-call";
import { sortBy } from "./sdk-values";

export async function collectAnalyzers(clients: AccountClients, region: string, signal?: AbortSignal): Promise<Analyzer[]> {
  const analyzers = await awsCall("access-analyzer:ListAnalyzers", region, async () => {
    const all: AnalyzerSummary[] = [];
    for await (const page of paginateListAnalyzers({ client: clients.accessAnalyzer(region), pageSize: 100 }, {}, { abortSignal: signal })) {
      all.push(...(page.analyzers ?? []));
    }
    return all;
  });
  const mapped = analyzers.map((analyzer) => ({
    name: analyzer.name,
    arn: analyzer.arn,
    type: analyzer.type,
    status: analyzer.status,
  }));
  return validatePart(analyzersSchema, sortBy(mapped, (analyzer) => analyzer.arn ?? ""), "access-analyzer:ListAnalyzers", region);
}
