/**
 * What the /api/auth/* route adds around Better Auth's handler: cookies marked Secure on a
 * request that arrived over https (when IAMFIT_PUBLIC_URL does not say so already), and an
 * audit entry for a sign-in refused by the per-address rate limit (Better Auth answers those
 * before any hook runs).
 */
import "server-only";
import { requestOriginFrom } from "@/lib/audit/request-context";
import { findAuthUserByEmail } from "@/lib/db/auth-users";
import { env } from "@/lib/env";
import { publicBaseUrl } from "@/lib/http/public-url";
import { getAuth } from "./auth";
import { normalizeEmail } from "./lockout";
import { auditSignIn } from "./sign-in-policy";

/** x-forwarded-proto is the proxy's word for the scheme; a client forging it only hardens its own cookies. */
export function arrivedOverHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded ? forwarded === "https" : new URL(request.url).protocol === "https:";
}

export function withSecureCookies(response: Response): Response {
  const cookies = response.headers.getSetCookie();
  if (cookies.length === 0 || cookies.every((cookie) => /;\s*secure\b/i.test(cookie))) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of cookies) headers.append("set-cookie", /;\s*secure\b/i.test(cookie) ? cookie : `${cookie}; Secure`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function isSignInPath(pathname: string): boolean {
  return pathname.endsWith("/sign-in/email") || pathname.includes("/two-factor/verify");
}

function emailOf(body: ArrayBuffer | undefined): string | null {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as { email?: unknown };
    return typeof parsed.email === "string" ? normalizeEmail(parsed.email) : null;
  } catch {
    return null;
  }
}

/**
 * The request as the browser addressed it. Next hands route handlers a URL built from the
 * server's own host name (0.0.0.0, localhost); Better Auth derives its base URL, the one origin it
 * trusts and the single sign-on redirect URI from the request URL when IAMFIT_PUBLIC_URL is
 * unset, so it must see the public address (lib/http/public-url.ts), the same the settings page shows.
 */
function asAddressed(request: Request, body: ArrayBuffer | undefined): Request {
  const url = new URL(request.url);
  const target = new URL(`${url.pathname}${url.search}`, `${publicBaseUrl(env(), request.headers)}/`);
  return new Request(target, { method: request.method, headers: request.headers, body, redirect: "manual" });
}

export async function handleAuthRequest(request: Request): Promise<Response> {
  const auth = await getAuth();
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  const signIn = request.method === "POST" && isSignInPath(new URL(request.url).pathname);
  let response = await auth.handler(asAddressed(request, body));
  // Better Auth's rate limiter answers 429 with X-Retry-After; the lockout's 429 (audited by
  // sign-in-policy.ts already) carries no such header.
  if (signIn && response.status === 429 && response.headers.has("x-retry-after")) {
    const email = emailOf(body);
    const user = email ? await findAuthUserByEmail(email) : null;
    await auditSignIn("failure", { email, userId: user?.id }, requestOriginFrom(request.headers), { reason: "rate_limited" });
  }
  if (arrivedOverHttps(request)) response = withSecureCookies(response);
  return response;
}
