/**
 * Reads and checks an OpenID provider's discovery document (OpenID Connect Discovery 1.0, §4)
 * before SSO settings are saved, and for "Test discovery": can iamfit reach it, is it the issuer
 * the admin typed, does it offer what the sign-in flow needs (authorization code, PKCE with S256,
 * signed ID tokens, a JWKS with keys, a client-secret method). Every failure is one sentence an
 * admin can act on. The sign-in itself (Better Auth's generic OAuth) reads the document again.
 */
import { z } from "zod";
import type { TokenEndpointAuth } from "./sso-settings";

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

  const fetched = await getJson(fetchImpl, url, timeoutMs);
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

  const keys = await getJson(fetchImpl, document.jwks_uri, timeoutMs);
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

async function getJson(fetchImpl: typeof fetch, url: string, timeoutMs: number): Promise<{ ok: true; json: unknown } | { ok: false; message: string }> {
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { accept: "application/json" }, redirect: "follow", signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { ok: false, message: networkProblem(error, timeoutMs) };
  }
  if (!response.ok) return { ok: false, message: `the server answered HTTP ${response.status}${response.status === 404 ? " (is the issuer URL right?)" : ""}.` };
  try {
    return { ok: true, json: await response.json() };
  } catch {
    return { ok: false, message: "the answer is not JSON." };
  }
}

function networkProblem(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `no answer within ${timeoutMs / 1000} s.`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.message === "bad port") return "that port is one the Fetch standard blocks; use the provider's real port.";
  switch (cause?.code) {
    case "ECONNREFUSED":
      return "the connection was refused (nothing listens there).";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name does not resolve.";
    case "ECONNRESET":
      return "the connection was reset.";
    case "CERT_HAS_EXPIRED":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `its TLS certificate is not trusted (${cause.code}).`;
    default:
      return cause?.message ?? (error instanceof Error ? error.message : String(error));
  }
}
