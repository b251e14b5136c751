import { z } from "zod";
import { ACCOUNT_ID_PATTERN } from "@/lib/accounts/link-input";
import { getAccountChecklist } from "@/lib/remediation/checklist-read";
import { matchesFilters, parseChecklistFilters } from "@/lib/remediation/checklist-params";
import { compareItems } from "@/lib/remediation/checklist-view";
import { checklistCsv } from "@/lib/remediation/export-csv";
import { checklistMarkdown } from "@/lib/remediation/export-markdown";
import { requireRoute } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(["csv", "md"]).catch("csv");

/** The checklist (with the page's filters) as CSV or Markdown, downloaded. */
export async function GET(request: Request, { params }: { params: Promise<{ accountId: string }> }) {
  const user = await requireRoute("browse");
  if (user instanceof Response) return user;
  const { accountId } = await params;
  if (!ACCOUNT_ID_PATTERN.test(accountId)) return new Response("Not found", { status: 404 });
  const checklist = await getAccountChecklist(accountId);
  if (!checklist) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const search = Object.fromEntries(url.searchParams.entries());
  const filters = parseChecklistFilters(search);
  const format = formatSchema.parse(search.format);
  const now = new Date();
  const items = checklist.items.filter((item) => matchesFilters(item, filters, now)).sort((a, b) => a.exercise - b.exercise || compareItems(a, b));
  const stamp = now.toISOString().slice(0, 10);
  const body = format === "csv" ? checklistCsv(items, now) : checklistMarkdown(checklist.account, items, now);
  return new Response(format === "csv" ? `\uFEFF${body}` : body, {
    headers: {
      // The BOM makes spreadsheet programs read the CSV as UTF-8.
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="iamfit-checklist-${accountId}-${stamp}.${format}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
