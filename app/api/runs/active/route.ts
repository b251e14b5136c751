import { NextResponse } from "next/server";
import { getActiveRun } from "@/lib/db/runs";
import { toBannerRun } from "@/components/shell/banner-run";
import { requireRoute } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

/** The running collection's progress, polled by the shell's banner. */
export async function GET() {
  const user = await requireRoute("browse");
  if (user instanceof Response) return user;
  const run = await getActiveRun();
  return NextResponse.json({ run: run ? toBannerRun(run) : null }, { headers: { "Cache-Control": "no-store" } });
}
