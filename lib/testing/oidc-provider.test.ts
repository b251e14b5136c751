import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OIDC_TEST_USERS, signInAtProvider, startOidcProvider, type RunningOidcProvider } from "./oidc-provider";

const REDIRECT_URI = "http://127.0.0.1:9/callback";
const client = { clientId: "iamfit-test", clientSecret: "test-secret-0123456789", redirectUris: [REDIRECT_URI] };

function authorizationUrl(provider: RunningOidcProvider, params: Record<string, string>): string {
  const url = new URL(`${provider.issuer}/auth`);
  for (const [name, value] of Object.entries({ client_id: client.clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid email profile groups", ...params })) {
    url.searchParams.set(name, value);
  }
  return url.toString();
}

function payload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
}

describe("the test OpenID provider", () => {
  let provider: RunningOidcProvider;
  beforeAll(async () => {
    provider = await startOidcProvider({ client });
  });
  afterAll(async () => provider?.close());

  it("publishes discovery for its loopback issuer with the groups scope", async () => {
    const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({ issuer: provider.issuer, code_challenge_methods_supported: ["S256"] });
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(["openid", "email", "profile", "groups"]));
  });

  it("logs a user in through its form and issues a code that, with the PKCE verifier, yields their claims", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const nonce = randomBytes(16).toString("base64url");
    const callback = new URL(
      await signInAtProvider(
        authorizationUrl(provider, { state: "s-1", nonce, code_challenge: createHash("sha256").update(verifier).digest("base64url"), code_challenge_method: "S256" }),
        OIDC_TEST_USERS.alice.email,
        provider,
      ),
    );
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get("state")).toBe("s-1");

    const token = await fetch(`${provider.issuer}/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ grant_type: "authorization_code", code: callback.searchParams.get("code")!, redirect_uri: REDIRECT_URI, code_verifier: verifier }),
    });
    expect(token.status).toBe(200);
    const tokens = (await token.json()) as { id_token: string; access_token: string };
    expect(payload(tokens.id_token)).toMatchObject({ sub: OIDC_TEST_USERS.alice.sub, nonce, aud: client.clientId, iss: provider.issuer });

    const userInfo = await (await fetch(`${provider.issuer}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json();
    expect(userInfo).toEqual({ sub: "alice-0001", email: "alice@example.com", email_verified: true, name: "Alice Admin", groups: ["iamfit-admins", "everyone"] });
  });

  it("refuses an authorization request without PKCE", async () => {
    const response = await fetch(authorizationUrl(provider, { state: "s-2" }), { redirect: "manual" });
    const location = new URL(response.headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("error_description")).toMatch(/PKCE/);
  });

  it("records what each authorization request asked for", () => {
    expect(provider.authorizationRequests.at(0)?.get("code_challenge_method")).toBe("S256");
  });
});
