/**
 * The /api/v1 resources read from the database in their API shape; the CLI prints the same
 * objects, so `iamfit … --format json` and the API answer alike.
 */
import "server-only";
import type { JsonValue } from "@/lib/checks/types";
import { listCurrentAccountScores, sumCurrentExerciseCounts } from "@/lib/db/account-scores";
import { listLinkedAccounts } from "@/lib/db/accounts";
import { getEvidence, listFindings } from "@/lib/db/findings";
import { getOrgOverview } from "@/lib/db/organization";
import { listRuns } from "@/lib/db/runs";
import { toApiAccount, type ApiAccountList } from "./account-json";
import { toApiFinding, type ApiFindingsPage } from "./finding-json";
import { toFindingsQuery, type FindingsApiQuery } from "./query-params";
import { toApiRun, type ApiRunsPage } from "./run-json";
import { toApiScorecard, type ApiScorecard } from "./scorecard-json";

/** One page of accounts for the API; every account when `paging` is left out (the CLI). */
export async function readScorecard(
  filter: { account?: string; paging?: { page: number; pageSize: number } } = {},
  now = new Date(),
): Promise<ApiScorecard> {
  const { paging } = filter;
  const [overview, accounts, organizationCounts] = await Promise.all([
    getOrgOverview(),
    listCurrentAccountScores({ awsAccountId: filter.account, ...(paging ? { page: { number: paging.page, size: paging.pageSize } } : {}) }),
    sumCurrentExerciseCounts(),
  ]);
  return toApiScorecard(overview, accounts, organizationCounts, paging ?? { page: 1, pageSize: Math.max(1, accounts.total) }, now);
}

export async function readFindingsPage(query: FindingsApiQuery): Promise<ApiFindingsPage> {
  const page = await listFindings(toFindingsQuery(query));
  const evidence = await getEvidence(page.rows);
  return {
    findings: page.rows.map((row) => toApiFinding(row, evidence.get(row.evidenceHash) as JsonValue | undefined)),
    page: page.page,
    pageSize: page.pageSize,
    pageCount: page.pageCount,
    total: page.total,
  };
}

export async function readAccounts(): Promise<ApiAccountList> {
  return { accounts: (await listLinkedAccounts()).map(toApiAccount) };
}

export async function readRuns(query: { limit: number; before?: string }): Promise<ApiRunsPage> {
  // One extra run tells whether an older page exists.
  const runs = await listRuns({ limit: query.limit + 1, ...(query.before ? { beforeId: BigInt(query.before) } : {}) });
  const page = runs.slice(0, query.limit);
  return { runs: page.map(toApiRun), nextBefore: runs.length > query.limit ? (page.at(-1)?.id.toString() ?? null) : null };
}
