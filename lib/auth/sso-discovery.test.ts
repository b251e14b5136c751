import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOidcProvider, type RunningOidcProvider } from "@/lib/testing/oidc-provider";
import { describeDiscovery, discoverOidcProvider, scopesFor, tokenEndpointAuthFor } from "./sso-discovery";

const ISSUER = "https://idp.example.test";

function discoveryDocument(overrides: Record<string, unknown> = {}) {
  return {
    issuer: ISSUER,
    authorization_endpoint: `${ISSUER}/auth`,
    token_endpoint: `${ISSUER}/token`,
    userinfo_endpoint: `${ISSUER}/me`,
    jwks_uri: `${ISSUER}/jwks`,
    response_types_supported: ["code"],
    id_token_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid", "email", "profile", "groups"],
    code_challenge_methods_supported: ["S256"],
    ...overrides,
  };
}

/** A fetch answering from a table of URL → JSON body (or status). */
function fakeFetch(routes: Record<string, unknown>): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!(url in routes)) return new Response("not found", { status: 404 });
    const body = routes[url];
    if (typeof body === "number") return new Response("", { status: body });
    if (typeof body === "string") return new Response(body, { status: 200 });
    return Response.json(body);
  }) as typeof fetch;
}

const JWKS = { keys: [{ kty: "RSA", n: "x", e: "AQAB", kid: "k1" }] };

describe("discoverOidcProvider against a document", () => {
  it("reads a good document: endpoints, client authentication, scopes with groups", async () => {
    const result = await discoverOidcProvider(ISSUER, {
      fetch: fakeFetch({ [`${ISSUER}/.well-known/openid-configuration`]: discoveryDocument(), [`${ISSUER}/jwks`]: JWKS }),
    });
    expect(result).toEqual({
      ok: true,
      provider: expect.objectContaining({ issuer: ISSUER, tokenEndpointAuth: "client_secret_basic", scopes: ["openid", "email", "profile", "groups"], signingKeyCount: 1 }),
    });
  });

  it.each([
    ["answers 404", { [`${ISSUER}/.well-known/openid-configuration`]: 404 }, /HTTP 404 \(is the issuer URL right\?\)/],
    ["answers HTML", { [`${ISSUER}/.well-known/openid-configuration`]: "<html>sign in</html>" }, /not valid JSON/],
    ["lacks the token endpoint", { [`${ISSUER}/.well-known/openid-configuration`]: discoveryDocument({ token_endpoint: undefined }) }, /token_endpoint missing or invalid/],
    ["names another issuer", { [`${ISSUER}/.well-known/openid-configuration`]: discoveryDocument({ issuer: "https://other.test" }) }, /issuer is https:\/\/other.test, not https:\/\/idp.example.test: enter exactly https:\/\/other.test/],
    ["offers no code flow", { [`${ISSUER}/.well-known/openid-configuration`]: discoveryDocument({ response_types_supported: ["id_token"] }) }, /authorization code flow/],
    ["offers PKCE without S256", { [`${ISSUER}/.well-known/openid-configuration`]: discoveryDocument({ code_challenge_methods_supported: ["plain"] }) }, /PKCE with S256/],
    ["takes no client secret", { [`${ISSUER}/.well-known/openid-configuration`]: discoveryDocument({ token_endpoint_auth_methods_supported: ["private_key_jwt"] }) }, /client secret/],
    ["has an empty key set", { [`${ISSUER}/.well-known/openid-configuration`]: discoveryDocument(), [`${ISSUER}/jwks`]: { keys: [] } }, /no signing keys/],
    ["has an unreachable key set", { [`${ISSUER}/.well-known/openid-configuration`]: discoveryDocument() }, /signing keys at https:\/\/idp.example.test\/jwks: the server answered HTTP 404/],
  ])("refuses a provider that %s", async (_, routes, message) => {
    const result = await discoverOidcProvider(ISSUER, { fetch: fakeFetch(routes) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("accepts the issuer typed with a trailing slash and keeps the document's spelling", async () => {
    const result = await discoverOidcProvider(`${ISSUER}/`, {
      fetch: fakeFetch({ [`${ISSUER}/.well-known/openid-configuration`]: discoveryDocument(), [`${ISSUER}/jwks`]: JWKS }),
    });
    expect(result.ok && result.provider.issuer).toBe(ISSUER);
  });
});

describe("scopes and client authentication", () => {
  it.each([
    [undefined, ["openid", "email", "profile"]],
    [["openid", "email"], ["openid", "email", "profile"]],
    [["openid", "groups"], ["openid", "email", "profile", "groups"]],
  ])("requests groups only where offered (%j)", (supported, scopes) => {
    expect(scopesFor(supported)).toEqual(scopes);
  });

  it.each([
    [undefined, "client_secret_basic"],
    [["client_secret_post", "client_secret_basic"], "client_secret_basic"],
    [["client_secret_post"], "client_secret_post"],
    [["private_key_jwt"], null],
  ] as const)("picks the client authentication for %j", (methods, expected) => {
    expect(tokenEndpointAuthFor(methods ? [...methods] : undefined)).toBe(expected);
  });
});

describe("discoverOidcProvider over the network", () => {
  let provider: RunningOidcProvider;
  beforeAll(async () => {
    provider = await startOidcProvider({ client: { clientId: "iamfit", clientSecret: "secret-secret-secret", redirectUris: ["http://127.0.0.1:9/cb"] } });
  });
  afterAll(async () => provider?.close());

  it("reads the test provider (a real oidc-provider)", async () => {
    const result = await discoverOidcProvider(provider.issuer);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.provider).toMatchObject({ issuer: provider.issuer, scopes: ["openid", "email", "profile", "groups"], tokenEndpointAuth: "client_secret_basic" });
    expect(describeDiscovery(result.provider)).toContain(`Issuer: ${provider.issuer}`);
  });

  it("says it could not reach the issuer when nothing listens", async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await discoverOidcProvider(`http://127.0.0.1:${port}`);
    expect(result).toEqual({
      ok: false,
      message: `Could not read the discovery document at http://127.0.0.1:${port}/.well-known/openid-configuration: could not reach 127.0.0.1:${port}: no HTTP answer came back. Check the address, and that iamfit's server may connect to it (firewall, proxy).`,
    });
  });

  it("gives up after the timeout, saying no more than for a closed port", async () => {
    const server = http.createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const result = await discoverOidcProvider(`http://127.0.0.1:${port}`, { timeoutMs: 300 });
    server.closeAllConnections();
    server.close();
    expect(result.ok === false && result.message).toMatch(/could not reach 127.0.0.1:\d+: no HTTP answer came back/);
  });
});
