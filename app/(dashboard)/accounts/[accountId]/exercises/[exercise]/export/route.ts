import { z } from "zod";
import { getScorecardAccount } from "@/lib/db/account-scorecard";
import { EXPORT_FORMATS, findingsExportResponse } from "@/lib/export/findings-download";
import { parseAccountParam, parseExerciseParam, parseFindingsSearchParams } from "@/lib/scorecard/search-params";
import { requireRoute } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(EXPORT_FORMATS).catch("csv");

/** One account's findings of one exercise (the page's filters, every page) as a CSV or JSON download. */
export async function GET(request: Request, { params }: { params: Promise<{ accountId: string; exercise: string }> }) {
  const user = await requireRoute("browse");
  if (user instanceof Response) return user;
  const route = await params;
  const awsAccountId = parseAccountParam(route.accountId);
  const exercise = parseExerciseParam(route.exercise);
  if (!awsAccountId || !exercise || !(await getScorecardAccount(awsAccountId))) return new Response("Not found", { status: 404 });
  const search = new URL(request.url).searchParams;
  const query = parseFindingsSearchParams(Object.fromEntries(search.entries()), { account: awsAccountId, exercise });
  return findingsExportResponse(query, formatSchema.parse(search.get("format")), `iamfit-findings-${awsAccountId}-exercise-${exercise}`);
}
