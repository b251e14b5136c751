import { z } from "zod";
import { EXPORT_FORMATS, findingsExportResponse } from "@/lib/export/findings-download";
import { parseExerciseParam, parseFindingsSearchParams } from "@/lib/scorecard/search-params";
import { requireRoute } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(EXPORT_FORMATS).catch("csv");

/** The exercise page's findings (its filters, every page) as a CSV or JSON download. */
export async function GET(request: Request, { params }: { params: Promise<{ exercise: string }> }) {
  const user = await requireRoute("browse");
  if (user instanceof Response) return user;
  const exercise = parseExerciseParam((await params).exercise);
  if (!exercise) return new Response("Not found", { status: 404 });
  const search = new URL(request.url).searchParams;
  const query = parseFindingsSearchParams(Object.fromEntries(search.entries()), { exercise });
  return findingsExportResponse(query, formatSchema.parse(search.get("format")), `iamfit-findings-exercise-${exercise}`);
}
