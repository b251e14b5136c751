import { NextResponse } from "next/server";
import { healthCheck } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the e2e harness. */
export async function GET() {
  const database = await healthCheck();
  return NextResponse.json({ ok: database.ok, database }, { status: database.ok ? 200 : 503 });
}
