import { scorecardQuerySchema } from "@/lib/api/query-params";
import { readScorecard } from "@/lib/api/read-models";
import { apiError, apiRoute } from "@/lib/api/route-handler";

export const dynamic = "force-dynamic";

/** The organization's and every account's latest scores, per exercise (public/openapi.json). */
export const GET = apiRoute(scorecardQuerySchema, async (query) => {
  const scorecard = await readScorecard({ account: query.account, paging: { page: query.page, pageSize: query.pageSize } });
  if (query.account && scorecard.accounts.length === 0) {
    return apiError(404, { code: "not_found", parameter: "account", message: `account ${query.account} is not linked` });
  }
  return scorecard;
});
