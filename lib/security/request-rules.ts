/**
 * The proxy's decisions for one request, as pure functions of what it sees (method, path,
 * headers), so each rule is tested as a table: which paths are public, which need a session,
 * and which state-changing requests are refused as cross-site (CSRF).
 */

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Reachable without signing in. */
const PUBLIC_PATHS = ["/sign-in", "/setup", "/two-factor", "/digests/unsubscribe", "/api/health", "/api/digest/unsubscribe", "/icon.svg", "/favicon.ico", "/robots.txt"];
const PUBLIC_PREFIXES = ["/api/auth/", "/_next/", "/openapi.json"];

/**
 * Not checked by the CSRF rule: Better Auth checks Origin on its own endpoints, and the digest's
 * one-click unsubscribe (RFC 8058) is a POST from a mail client with no cookie by design.
 */
const CSRF_EXEMPT_PREFIXES = ["/api/auth/", "/api/digest/unsubscribe"];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.includes(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

export interface RequestFacts {
  method: string;
  pathname: string;
  /** A session cookie is present (valid or not: the proxy does not look it up). */
  hasSessionCookie: boolean;
  authorization: string | null;
  origin: string | null;
  referer: string | null;
  /** The origins this site is reached at: IAMFIT_PUBLIC_URL's, else the request's own. */
  siteOrigins: string[];
}

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.origin === "null" ? null : parsed.origin;
  } catch {
    return null;
  }
}

export function hasBearerToken(authorization: string | null): boolean {
  return /^Bearer\s+\S+/i.test(authorization ?? "");
}

/**
 * Refuses a state-changing request that carries the session cookie but comes from another site
 * (Origin, or Referer when a browser sent no Origin, is not ours; or neither was sent). Requests
 * without the cookie have no session to abuse; bearer-token requests carry no ambient credential.
 */
export function isCrossSiteMutation(facts: RequestFacts): boolean {
  if (!STATE_CHANGING.has(facts.method.toUpperCase())) return false;
  if (!facts.hasSessionCookie || hasBearerToken(facts.authorization)) return false;
  if (CSRF_EXEMPT_PREFIXES.some((prefix) => facts.pathname.startsWith(prefix))) return false;
  const claimed = originOf(facts.origin) ?? originOf(facts.referer);
  return claimed === null || !facts.siteOrigins.includes(claimed);
}

export type Gate = { kind: "pass" } | { kind: "sign_in" } | { kind: "unauthorized" };

/**
 * Convenience gating (the pages and handlers check the real session): signed-out visitors to a
 * dashboard page go to sign-in, API calls without any credential get 401.
 */
export function gate(facts: Pick<RequestFacts, "pathname" | "hasSessionCookie" | "authorization">): Gate {
  if (isPublicPath(facts.pathname) || facts.hasSessionCookie) return { kind: "pass" };
  if (facts.pathname.startsWith("/api/")) return hasBearerToken(facts.authorization) ? { kind: "pass" } : { kind: "unauthorized" };
  return { kind: "sign_in" };
}
