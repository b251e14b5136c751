/**
 * Reads and checks an OpenID provider's discovery document (OpenID Connect Discovery 1.0, §4)
 * before SSO settings are saved, and for "Test discovery": can iamfit reach it, is it the issuer
 * the admin typed, does it offer what the sign-in flow needs (authorization code, PKCE with S256,
 * signed ID tokens, a JWKS with keys, a client-secret method). Every failure is one sentence an
 * admin can act on. The sign-in itself (Better Auth's generic OAuth) reads the document again.
 */
import { z } from "zod";
import type { TokenEndpointAuth } from "./sso-settings";
import { fetchableProviderUrl, PROVIDER_URL_RULE } from "./sso-url-rule";

export interface DiscoveredProvider {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  userinfoEndpoint: string | null;
  jwksUri: string;
  scopesSupported: string[] | null;
  tokenEndpointAuth: TokenEndpointAuth;
  /** The scopes iamfit will request: openid email profile, plus groups where the provider has it. */
  scopes: string[];
  signingKeyCount: number;
}

export type DiscoveryResult = { ok: true; provider: DiscoveredProvider } | { ok: false; message: string };

export interface DiscoveryOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const documentSchema = z.object({
  issuer: z.string().min(1),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  userinfo_endpoint: z.url().optional(),
  jwks_uri: z.url(),
  response_types_supported: z.array(z.string()),
  id_token_signing_alg_values_supported: z.array(z.string()).min(1),
  scopes_supported: z.array(z.string()).optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
});

const jwksSchema = z.object({ keys: z.array(z.object({ kty: z.string() }).loose()) });

export function discoveryUrlFor(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

export async function discoverOidcProvider(issuer: string, options: DiscoveryOptions = {}): Promise<DiscoveryResult> {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const url = discoveryUrlFor(issuer);

  const fetched = await getJson(fetchImpl, url, timeoutMs, "the discovery document");
  if (!fetched.ok) return { ok: false, message: `Could not read the discovery document at ${url}: ${fetched.message}` };
  const parsed = documentSchema.safeParse(fetched.json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "document")))];
    return { ok: false, message: `${url} is not a usable OpenID provider configuration: ${fields.join(", ")} missing or invalid.` };
  }
  const document = parsed.data;
  // Discovery §4.3: the document's issuer must be the URL it was requested for; a trailing slash
  // is the only difference tolerated (people type one), and the document's spelling is kept.
  if (document.issuer.replace(/\/+$/, "") !== issuer.replace(/\/+$/, "")) {
    return { ok: false, message: `The provider says its issuer is ${document.issuer}, not ${issuer}: enter exactly ${document.issuer}.` };
  }
  if (!document.response_types_supported.includes("code")) {
    return { ok: false, message: "The provider does not offer the authorization code flow (response type “code”), which iamfit uses." };
  }
  if (document.code_challenge_methods_supported && !document.code_challenge_methods_supported.includes("S256")) {
    return { ok: false, message: "The provider does not offer PKCE with S256, which iamfit requires." };
  }
  const tokenEndpointAuth = tokenEndpointAuthFor(document.token_endpoint_auth_methods_supported);
  if (!tokenEndpointAuth) {
    return { ok: false, message: "The provider accepts neither client_secret_basic nor client_secret_post at its token endpoint; iamfit authenticates with a client secret." };
  }

  const endpointProblem = providerEndpointProblem(document);
  if (endpointProblem) return { ok: false, message: endpointProblem };

  const keys = await getJson(fetchImpl, document.jwks_uri, timeoutMs, "the key set");
  if (!keys.ok) return { ok: false, message: `Could not read the provider's signing keys at ${document.jwks_uri}: ${keys.message}` };
  const jwks = jwksSchema.safeParse(keys.json);
  if (!jwks.success || jwks.data.keys.length === 0) return { ok: false, message: `${document.jwks_uri} holds no signing keys.` };

  return {
    ok: true,
    provider: {
      issuer: document.issuer,
      authorizationEndpoint: document.authorization_endpoint,
      tokenEndpoint: document.token_endpoint,
      userinfoEndpoint: document.userinfo_endpoint ?? null,
      jwksUri: document.jwks_uri,
      scopesSupported: document.scopes_supported ?? null,
      tokenEndpointAuth,
      scopes: scopesFor(document.scopes_supported),
      signingKeyCount: jwks.data.keys.length,
    },
  };
}

/**
 * The endpoints iamfit's server calls (token, UserInfo, keys) and the one it sends browsers to
 * (authorization) are held to the same rule as the issuer: a loopback issuer must not point the
 * server at a plain-http address elsewhere.
 */
function providerEndpointProblem(document: z.output<typeof documentSchema>): string | null {
  const endpoints: Array<[string, string | undefined]> = [
    ["signing key set", document.jwks_uri],
    ["token endpoint", document.token_endpoint],
    ["UserInfo endpoint", document.userinfo_endpoint],
    ["authorization endpoint", document.authorization_endpoint],
  ];
  for (const [name, endpoint] of endpoints) {
    if (endpoint !== undefined && !fetchableProviderUrl(endpoint)) {
      return `The provider names ${safeLocation(endpoint, endpoint)} as its ${name}, which iamfit does not use: ${PROVIDER_URL_RULE}.`;
    }
  }
  return null;
}

/** RFC 8414 §2: a provider that lists no methods supports client_secret_basic. */
export function tokenEndpointAuthFor(methods: string[] | undefined): TokenEndpointAuth | null {
  if (!methods || methods.includes("client_secret_basic")) return "client_secret_basic";
  if (methods.includes("client_secret_post")) return "client_secret_post";
  return null;
}

/**
 * openid email profile, plus "groups" when the provider lists it: providers without such a scope
 * (Google, Entra ID) refuse a request for an unknown one, and send groups (if at all) without it.
 */
export function scopesFor(scopesSupported: string[] | undefined | null): string[] {
  return ["openid", "email", "profile", ...(scopesSupported?.includes("groups") ? ["groups"] : [])];
}

/** What "Test discovery" shows. */
export function describeDiscovery(provider: DiscoveredProvider): string[] {
  return [
    `Issuer: ${provider.issuer}`,
    `Authorization endpoint: ${provider.authorizationEndpoint}`,
    `Token endpoint: ${provider.tokenEndpoint} (${provider.tokenEndpointAuth})`,
    `Signing keys: ${provider.signingKeyCount} at ${provider.jwksUri}`,
    `Scopes iamfit will request: ${provider.scopes.join(" ")}`,
  ];
}

/** Discovery documents sit behind at most a hop or two (a trailing slash, a tenant alias). */
export const MAX_REDIRECTS = 5;

type Fetched = { ok: true; json: unknown } | { ok: false; message: string };

/**
 * GETs JSON, following redirects by hand so that each hop is held to the URL rule before iamfit
 * connects to it. The time limit covers all hops together.
 */
async function getJson(fetchImpl: typeof fetch, url: string, timeoutMs: number, what: string): Promise<Fetched> {
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: Response;
    try {
      response = await fetchImpl(current, { headers: { accept: "application/json" }, redirect: "manual", signal });
    } catch (error) {
      return { ok: false, message: networkProblem(error, current) };
    }
    if (REDIRECT_STATUSES.has(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get("location");
      const next = location ? fetchableProviderUrl(location, current) : null;
      if (!location) return { ok: false, message: `${current} answered a redirect (HTTP ${response.status}) without saying where to.` };
      if (!next) return { ok: false, message: `${current} redirects to ${safeLocation(location, current)}, which iamfit does not follow: ${PROVIDER_URL_RULE}.` };
      current = next.href;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, message: `the server answered HTTP ${response.status}${response.status === 404 ? " (is the issuer URL right?)" : ""}.` };
    }
    try {
      return { ok: true, json: await response.json() };
    } catch (error) {
      if (signal.aborted) return { ok: false, message: networkProblem(error, current) };
      return { ok: false, message: `the server answered, but ${what} is not valid JSON.` };
    }
  }
  return { ok: false, message: `it redirects more than ${MAX_REDIRECTS} times; enter the URL it finally lands on.` };
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A redirect target as the admin may read it: resolved, and cut short if a server sends a novel. */
function safeLocation(location: string, base: string): string {
  let shown: string;
  try {
    shown = new URL(location, base).href;
  } catch {
    shown = location;
  }
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}

/**
 * Why no HTTP answer came. A refused connection, a reset, silence until the time limit, a TLS
 * handshake with something that does not speak TLS and a port that does not speak HTTP all read
 * the same: telling them apart for any host and port an admin types would make this form a port
 * scanner of every network iamfit's server reaches. What stays distinct is what an admin needs and
 * what says nothing about ports: a host name that does not resolve, a TLS certificate that is not
 * trusted (a TLS server answered), and a port the Fetch standard blocks whatever listens there.
 */
function networkProblem(error: unknown, url: string): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.message === "bad port") return "that port is one the Fetch standard blocks; use the provider's real port.";
  const host = hostOf(url);
  switch (cause?.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host name ${host} does not resolve.`;
    case "CERT_HAS_EXPIRED":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `its TLS certificate is not trusted (${TLS_PROBLEMS[cause.code]}).`;
    default:
      return `could not reach ${host}: no HTTP answer came back. Check the address, and that iamfit's server may connect to it (firewall, proxy).`;
  }
}

const TLS_PROBLEMS: Record<string, string> = {
  CERT_HAS_EXPIRED: "it has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "it is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "a self-signed certificate is in its chain",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its issuer is not trusted here",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "its issuer is not trusted here",
  ERR_TLS_CERT_ALTNAME_INVALID: "it is for another host name",
};

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
