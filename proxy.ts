/**
 * Runs before every request (Next 16's "proxy", formerly middleware; the custom server in
 * scripts/start.ts runs it too, through Next's request handler): security headers and a
 * per-request CSP nonce, the CSRF rule for state-changing requests, and convenience gating of
 * signed-out visitors. The real authorization is in every page and handler (lib/auth/guards.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { contentSecurityPolicy, generateNonce, securityHeaders } from "@/lib/security/headers";
import { publicBaseUrl, publicUrl, publicUrlSettingsFromProcessEnv } from "@/lib/http/public-url";
import { gate, isCrossSiteMutation } from "@/lib/security/request-rules";
import { signInPath } from "@/lib/security/safe-next";

function siteOrigins(request: NextRequest): string[] {
  return [new URL(publicBaseUrl(publicUrlSettingsFromProcessEnv(), request.headers)).origin];
}

function servedOverHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded === "https" || request.nextUrl.protocol === "https:" || (process.env.IAMFIT_PUBLIC_URL?.startsWith("https://") ?? false);
}

function harden(response: NextResponse, request: NextRequest, policy: string): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(securityHeaders({ https: servedOverHttps(request) }))) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  const nonce = generateNonce();
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });
  const { pathname, search } = request.nextUrl;
  const hasCookie = hasSessionCookie(request.headers);
  const authorization = request.headers.get("authorization");

  if (
    isCrossSiteMutation({
      method: request.method,
      pathname,
      hasSessionCookie: hasCookie,
      authorization,
      origin: request.headers.get("origin"),
      referer: request.headers.get("referer"),
      siteOrigins: siteOrigins(request),
    })
  ) {
    const refusal = NextResponse.json(
      { error: { code: "cross_site_request", message: "Refused: this request came from another site." } },
      { status: 403, headers: { "Cache-Control": "no-store" } },
    );
    return harden(refusal, request, policy);
  }

  const verdict = gate({ pathname, hasSessionCookie: hasCookie, authorization });
  if (verdict.kind === "unauthorized") {
    const unauthorized = NextResponse.json(
      { error: { code: "unauthorized", message: "Sign in, or send `Authorization: Bearer <token>` (create one under API tokens)." } },
      { status: 401, headers: { "Cache-Control": "no-store" } },
    );
    return harden(unauthorized, request, policy);
  }
  if (verdict.kind === "sign_in") {
    const destination = publicUrl(signInPath(`${pathname}${search}`), publicUrlSettingsFromProcessEnv(), request.headers);
    return harden(NextResponse.redirect(destination), request, policy);
  }

  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  return harden(NextResponse.next({ request: { headers: requestHeaders } }), request, policy);
}

export const config = {
  matcher: [
    {
      // Everything but Next's static files (their URLs are hashed, they carry no session).
      source: "/((?!_next/static|_next/image).*)",
    },
  ],
};
