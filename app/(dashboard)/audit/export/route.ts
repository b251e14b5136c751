import { z } from "zod";
import { auditQueryFrom, parseAuditParams } from "@/lib/audit/audit-params";
import { requireRoute } from "@/lib/auth/guards";
import { EXPORT_FORMATS } from "@/lib/export/download";
import { auditExportResponse } from "@/lib/export/audit-download";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(EXPORT_FORMATS).catch("csv");

/** The audit log with the page's filters, every page, as CSV or JSON. */
export async function GET(request: Request) {
  const user = await requireRoute("readAuditLog");
  if (user instanceof Response) return user;
  const search = new URL(request.url).searchParams;
  const now = new Date();
  return auditExportResponse(auditQueryFrom(parseAuditParams(Object.fromEntries(search.entries())), now), formatSchema.parse(search.get("format")), now);
}
