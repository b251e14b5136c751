import { NextResponse } from "next/server";
import { readOutboxRaw } from "@/lib/digest/outbox";
import { outboxDirectory } from "@/lib/digest/transport";
import { env } from "@/lib/env";
import { requireRoute } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

/** One outbox message as the .eml file it is (names are checked: never a path outside the outbox). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const user = await requireRoute("manageDigests");
  if (user instanceof Response) return user;
  const { file } = await params;
  const raw = await readOutboxRaw(outboxDirectory(env().dataDir), file);
  if (!raw) return new NextResponse("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new NextResponse(new Uint8Array(raw), {
    headers: { "content-type": "message/rfc822", "content-disposition": `attachment; filename="${file}"`, "x-content-type-options": "nosniff" },
  });
}
