/**
 * What lib/auth/sso.ts relies on inside Better Auth (pinned to an exact version in package.json):
 * - genericOAuth's `init(context)` builds the provider from the discovery document and returns it
 *   in `context.socialProviders`, or, when discovery fails, leaves it out and lists its id in
 *   `context.genericOAuthPendingDiscovery`;
 * - every request's context shares one `socialProviders` array, and /sign-in/social looks the
 *   provider up in it per request: a provider put in place (or removed) by a before-hook of one
 *   request is the one that request and the next ones use. That is the SSO provider swap.
 * When an upgrade changes either, these tests say so before single sign-on quietly breaks.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { betterAuth, type AuthContext, type BetterAuthPlugin, type OAuthProvider } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { createAuthMiddleware } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PROVIDER_ID = "contract-sso";
let issuer: string;
let server: http.Server;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url !== "/.well-known/openid-configuration") {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/me`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        scopes_supported: ["openid", "email", "profile"],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function genericProvider(discoveryUrl: string) {
  return genericOAuth({
    config: [{ providerId: PROVIDER_ID, discoveryUrl, clientId: "contract-client", clientSecret: "contract-secret", pkce: true, scopes: ["openid", "email"] }],
  });
}

const quietLogger = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };

async function initialised(discoveryUrl: string) {
  const context = { socialProviders: [] as OAuthProvider[], logger: quietLogger } as unknown as AuthContext;
  const result = (await genericProvider(discoveryUrl).init!(context)) as {
    context: { socialProviders: OAuthProvider[]; genericOAuthPendingDiscovery: Map<string, unknown> };
  };
  return result.context;
}

describe("Better Auth internals the SSO provider swap relies on", () => {
  it("genericOAuth's init returns the discovered provider in socialProviders", async () => {
    const context = await initialised(`${issuer}/.well-known/openid-configuration`);
    expect(context.socialProviders.map((provider) => provider.id)).toEqual([PROVIDER_ID]);
    expect(context.genericOAuthPendingDiscovery.has(PROVIDER_ID)).toBe(false);
  });

  it("genericOAuth's init lists a provider whose discovery failed in genericOAuthPendingDiscovery, not in socialProviders", async () => {
    const context = await initialised(`${issuer}/missing/.well-known/openid-configuration`);
    expect(context.socialProviders).toEqual([]);
    expect(context.genericOAuthPendingDiscovery.has(PROVIDER_ID)).toBe(true);
  });

  it("a provider put into the shared socialProviders array by a before-hook serves that sign-in and the next ones", async () => {
    const { socialProviders } = await initialised(`${issuer}/.well-known/openid-configuration`);
    const provider = socialProviders[0]!;
    let installs = 0;
    const swap: BetterAuthPlugin = {
      id: "contract-swap",
      hooks: {
        before: [
          {
            matcher: (ctx) => ctx.path === "/sign-in/social",
            handler: createAuthMiddleware(async (ctx) => {
              // Installed once, in place, as lib/auth/sso.ts does when the settings change.
              if (installs > 0) return;
              installs++;
              ctx.context.socialProviders.unshift(provider);
            }),
          },
        ],
      },
    };
    const auth = betterAuth({
      baseURL: "http://localhost:3000",
      secret: "contract-test-secret-of-at-least-32-characters",
      database: memoryAdapter({ user: [], session: [], account: [], verification: [] }),
      plugins: [swap],
      logger: { disabled: true },
    });
    const signIn = async () => {
      const response = await auth.handler(
        new Request("http://localhost:3000/api/auth/sign-in/social", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://localhost:3000" },
          body: JSON.stringify({ provider: PROVIDER_ID, callbackURL: "/" }),
        }),
      );
      return { status: response.status, body: (await response.json()) as { url?: string } };
    };

    const first = await signIn();
    expect(first.status).toBe(200);
    expect(first.body.url).toMatch(new RegExp(`^${issuer}/auth\\?`));
    const second = await signIn();
    expect(installs).toBe(1);
    expect(second.body.url).toMatch(new RegExp(`^${issuer}/auth\\?`));
  });
});
