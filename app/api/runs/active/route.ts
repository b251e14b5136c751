import { NextResponse } from "next/server";
import { getActiveRun } from "@/lib/db/runs";
import { toBannerRun } from "@/components/shell/banner-run";

export const dynamic = "force-dynamic";

/** The running collection's progress, polled by the shell's banner. */
export async function GET() {
  const run = await getActiveRun();
  return NextResponse.json({ run: run ? toBannerRun(run) : null }, { headers: { "Cache-Control": "no-store" } });
}
