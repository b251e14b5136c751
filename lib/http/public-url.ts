/**
 * The one place an absolute iamfit URL comes from: links in emails and alerts, the unsubscribe
 * redirect, the sign-in redirect, the single sign-on redirect URI and the API examples.
 *
 * 1. IAMFIT_PUBLIC_URL, when set: the address people use, whatever the request says.
 * 2. Else, for a request: the Host the browser addressed, over http (iamfit's own server speaks
 *    only http). X-Forwarded-Host and X-Forwarded-Proto count only with IAMFIT_TRUST_PROXY=1:
 *    otherwise they are the client's to forge.
 * 3. Else (background jobs such as the weekly digest, which have no request):
 *    http://localhost:PORT, documented in the README as the reason to set IAMFIT_PUBLIC_URL.
 *
 * Never the URL Next hands a route handler: it is built from the address the server listens on
 * (http://0.0.0.0:PORT), which no browser can open.
 */

export interface PublicUrlSettings {
  IAMFIT_PUBLIC_URL?: string;
  IAMFIT_TRUST_PROXY?: boolean;
  PORT: number;
}

/** What a request tells about its address: its headers (Host, and the proxy's X-Forwarded-*). */
type RequestHeaders = Pick<Headers, "get">;

function firstValue(header: string | null): string | null {
  const first = header?.split(",")[0]?.trim();
  return first ? first : null;
}

/** A Host header value we are willing to put in a URL: a name or address, with an optional port. */
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The origin the request was addressed to, or null when it names none we can use. */
export function requestOrigin(headers: RequestHeaders, trustProxy: boolean): string | null {
  const forwardedHost = trustProxy ? firstValue(headers.get("x-forwarded-host")) : null;
  const host = forwardedHost ?? firstValue(headers.get("host"));
  if (!host || !HOST.test(host)) return null;
  const forwardedProto = trustProxy ? firstValue(headers.get("x-forwarded-proto"))?.toLowerCase() : undefined;
  const scheme = forwardedProto === "https" ? "https" : "http";
  return `${scheme}://${host}`;
}

/** Where background jobs point their links when IAMFIT_PUBLIC_URL is unset. */
export function backgroundDefaultBaseUrl(port: number): string {
  return `http://localhost:${port}`;
}

/** The base of every absolute URL, without a trailing slash; `headers` is the request's, when there is one. */
export function publicBaseUrl(settings: PublicUrlSettings, headers?: RequestHeaders | null): string {
  if (settings.IAMFIT_PUBLIC_URL) return settings.IAMFIT_PUBLIC_URL.replace(/\/+$/, "");
  const fromRequest = headers ? requestOrigin(headers, settings.IAMFIT_TRUST_PROXY === true) : null;
  return fromRequest ?? backgroundDefaultBaseUrl(settings.PORT);
}

/** An absolute URL for an iamfit path ("/digests/unsubscribe?…"). */
export function publicUrl(pathWithQuery: string, settings: PublicUrlSettings, headers?: RequestHeaders | null): string {
  return `${publicBaseUrl(settings, headers)}${pathWithQuery.startsWith("/") ? "" : "/"}${pathWithQuery}`;
}

/**
 * The same settings read straight from process.env, for code that runs before (or without)
 * lib/env's validation: the proxy. Values were validated at start-up by lib/env.
 */
export function publicUrlSettingsFromProcessEnv(source: Record<string, string | undefined> = process.env): PublicUrlSettings {
  const trust = source.IAMFIT_TRUST_PROXY;
  return {
    IAMFIT_PUBLIC_URL: source.IAMFIT_PUBLIC_URL || undefined,
    IAMFIT_TRUST_PROXY: trust === "1" || trust === "true" || trust === "yes",
    PORT: Number(source.PORT) || 3000,
  };
}
