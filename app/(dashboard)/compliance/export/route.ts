import { requireRoute } from "@/lib/auth/guards";
import { loadCompliance } from "@/lib/compliance/load";
import { filterReport, parseComplianceStatus } from "@/lib/compliance/view-params";
import { env } from "@/lib/env";
import { complianceExportResponse, exportFormatOf } from "@/lib/export/compliance-download";
import { publicBaseUrl } from "@/lib/http/public-url";

export const dynamic = "force-dynamic";

/** The organization's compliance view (the page's status filter) as a CSV or JSON download. */
export async function GET(request: Request) {
  const user = await requireRoute("browse");
  if (user instanceof Response) return user;
  const search = new URL(request.url).searchParams;
  const now = new Date();
  const { report } = await loadCompliance({ baseUrl: publicBaseUrl(env(), request.headers), now });
  return complianceExportResponse(filterReport(report, parseComplianceStatus(search.get("status"))), exportFormatOf(search.get("format")), "iamfit-cis-aws-organization", now);
}
