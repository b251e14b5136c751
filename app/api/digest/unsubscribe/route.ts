import { NextResponse, type NextRequest } from "next/server";
import { unsubscribeWithLink } from "@/lib/digest/unsubscribe";
import { env } from "@/lib/env";
import { publicUrl } from "@/lib/http/public-url";

export const dynamic = "force-dynamic";

/** Absolute, from the public address: request.url names the address the server listens on (0.0.0.0). */
function confirmationPage(request: NextRequest, query: Record<string, string>): string {
  return publicUrl(`/digests/unsubscribe?${new URLSearchParams(query).toString()}`, env(), request.headers);
}

/**
 * RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` to the URL of
 * the List-Unsubscribe header, which carries the subscription and its signature. The
 * confirmation page posts the same form (with source=page) and is sent back to a result page.
 */
export async function POST(request: NextRequest) {
  const subscriptionId = request.nextUrl.searchParams.get("s");
  const token = request.nextUrl.searchParams.get("t");
  const form = await request.formData().catch(() => null);
  const fromPage = form?.get("source") === "page";
  const result = await unsubscribeWithLink(subscriptionId, token, new Date());
  if (fromPage) {
    const query: Record<string, string> = result.valid ? { s: subscriptionId ?? "", t: token ?? "", done: "1" } : { invalid: "1" };
    return NextResponse.redirect(confirmationPage(request, query), 303);
  }
  if (!result.valid) return new NextResponse("This unsubscribe link is not valid.\n", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new NextResponse("Unsubscribed from the iamfit weekly digest.\n", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** Opening the header's URL in a browser never unsubscribes (link scanners fetch every URL): it shows the confirmation page. */
export async function GET(request: NextRequest) {
  const query: Record<string, string> = {};
  for (const name of ["s", "t"]) {
    const value = request.nextUrl.searchParams.get(name);
    if (value) query[name] = value;
  }
  return NextResponse.redirect(confirmationPage(request, query), 303);
}
