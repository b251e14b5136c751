/**
 * Which URLs iamfit's server fetches on an identity provider's behalf (discovery, its redirects,
 * the signing keys, and the endpoints the sign-in calls): https anywhere, plain http only on this
 * machine. The issuer field, every redirect hop and every endpoint of the discovery document are
 * held to this one rule, so an issuer cannot hand the server a plain-http address elsewhere.
 */

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

export const PROVIDER_URL_RULE = "use https:// (plain http:// only for an identity provider on this machine)";

/** The URL, or null when it is not one iamfit's server may fetch from an identity provider. */
export function fetchableProviderUrl(value: string | URL, base?: string): URL | null {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.test(url.hostname)) return url;
  return null;
}
