/**
 * Where to go after signing in (?next=…): only a path on this site is ever honoured, so a link
 * like /sign-in?next=https://evil.example cannot bounce someone off-site after they sign in.
 */
const FALLBACK = "/";
/** Pages that make no sense as a destination after signing in. */
const NOT_DESTINATIONS = ["/sign-in", "/setup", "/two-factor", "/api/"];

export function safeNextPath(value: string | null | undefined): string {
  if (!value || value.length > 2048) return FALLBACK;
  // "//host" and "/\host" are protocol-relative to browsers; control characters hide tricks.
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || /[\u0000-\u001f\u007f\\]/.test(value)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, "http://iamfit.invalid");
  } catch {
    return FALLBACK;
  }
  if (url.origin !== "http://iamfit.invalid") return FALLBACK;
  if (NOT_DESTINATIONS.some((prefix) => url.pathname === prefix || url.pathname.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`))) {
    return FALLBACK;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

/** /sign-in, remembering where the person was going. */
export function signInPath(next?: string | null): string {
  const destination = safeNextPath(next);
  return destination === FALLBACK ? "/sign-in" : `/sign-in?${new URLSearchParams({ next: destination }).toString()}`;
}

/** ?next=… from a page's search params (a repeated parameter counts by its first value). */
export function nextFromSearchParams(params: Record<string, string | string[] | undefined>): string {
  const value = params.next;
  return safeNextPath(Array.isArray(value) ? value[0] : value);
}
