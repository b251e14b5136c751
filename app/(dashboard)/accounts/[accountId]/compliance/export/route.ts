import { requireRoute } from "@/lib/auth/guards";
import { loadCompliance } from "@/lib/compliance/load";
import { filterReport, parseComplianceStatus } from "@/lib/compliance/view-params";
import { getScorecardAccount } from "@/lib/db/account-scorecard";
import { env } from "@/lib/env";
import { complianceExportResponse, exportFormatOf } from "@/lib/export/compliance-download";
import { publicBaseUrl } from "@/lib/http/public-url";
import { parseAccountParam } from "@/lib/scorecard/search-params";

export const dynamic = "force-dynamic";

/** One account's compliance view (the page's status filter) as a CSV or JSON download. */
export async function GET(request: Request, { params }: { params: Promise<{ accountId: string }> }) {
  const user = await requireRoute("browse");
  if (user instanceof Response) return user;
  const awsAccountId = parseAccountParam((await params).accountId);
  const account = awsAccountId ? await getScorecardAccount(awsAccountId) : undefined;
  if (!account) return new Response("Not found", { status: 404 });
  const search = new URL(request.url).searchParams;
  const now = new Date();
  const { report } = await loadCompliance({ account: { awsAccountId: account.awsAccountId, name: account.name }, baseUrl: publicBaseUrl(env(), request.headers), now });
  return complianceExportResponse(
    filterReport(report, parseComplianceStatus(search.get("status"))),
    exportFormatOf(search.get("format")),
    `iamfit-cis-aws-${account.awsAccountId}`,
    now,
  );
}
