import { describeFindingEvidence } from "@/lib/checks/evidence/describe";
import { requireRoute } from "@/lib/auth/guards";
import { getFindingEvidence } from "@/lib/db/findings";

export const dynamic = "force-dynamic";

/**
 * One finding's evidence as presentation blocks, for a findings table row opened in the browser:
 * long lists send their rows without evidence (which was most of a 100-row page's megabyte).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ findingId: string }> }) {
  const user = await requireRoute("browse");
  if (user instanceof Response) return user;
  const { findingId } = await params;
  if (!/^[0-9]{1,18}$/.test(findingId)) return Response.json({ message: "There is no such finding." }, { status: 404 });
  const found = await getFindingEvidence(BigInt(findingId));
  if (!found) return Response.json({ message: "This finding no longer exists: its account may have been removed." }, { status: 404 });
  if (found.evidence === undefined) return Response.json({ blocks: null });
  return Response.json({ blocks: describeFindingEvidence(found.checkId, found.evidence) });
}
