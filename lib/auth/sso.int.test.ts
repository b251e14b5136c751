/**
 * Single sign-on end to end without a browser: a real OpenID provider (oidc-provider) on
 * loopback, the SSO settings in the database, and the whole authorization code flow through
 * Better Auth's real HTTP handler — sign-in request, the provider's login form, the callback —
 * then who exists with which role, who was refused, and what the audit trail says.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listAuditEvents } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { saveSsoSettings } from "@/lib/db/sso-settings";
import { OIDC_TEST_USERS, signInAtProvider, startOidcProvider, type OidcTestUser, type RunningOidcProvider } from "@/lib/testing/oidc-provider";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { getAuth } from "./auth";
import { sessionStateFor } from "./current-user";
import { CookieJar } from "./testing/auth-sessions";
import { createFirstAdmin } from "./user-admin";
import { discoverOidcProvider } from "./sso-discovery";
import { encryptClientSecret } from "./sso-secret";
import type { SsoSettingsInput } from "./sso-settings";

vi.mock("next/headers", () => ({
  headers: async () => {
    throw new Error("outside a request");
  },
  cookies: async () => {
    throw new Error("outside a request");
  },
}));

const APP = "http://127.0.0.1:3710";
const CLIENT = { clientId: "iamfit-int", clientSecret: "int-test-client-secret-0123456789", redirectUris: [`${APP}/api/auth/callback/sso`] };

const POLICY: Omit<SsoSettingsInput, "clientSecret" | "issuer"> = {
  enabled: true,
  displayName: "Test IdP",
  clientId: CLIENT.clientId,
  allowedDomains: ["example.com"],
  allowedGroups: [],
  groupsClaim: "groups",
  roleMappings: [
    { group: "iamfit-admins", role: "admin" },
    { group: "iamfit-viewers", role: "viewer" },
  ],
  defaultRole: "deny",
};

interface SignInOutcome {
  /** Where the callback sent the browser: "/" when signed in, "/sign-in?error=…" when not. */
  location: string;
  jar: CookieJar;
}

/** A browser's whole SSO sign-in: iamfit's sign-in request, the provider's form, iamfit's callback. */
async function signInWithSso(provider: RunningOidcProvider, email: string): Promise<SignInOutcome> {
  const auth = await getAuth();
  const jar = new CookieJar();
  const start = await auth.handler(
    new Request(`${APP}/api/auth/sign-in/social`, {
      method: "POST",
      headers: { ...Object.fromEntries(jar.headers()), "content-type": "application/json", origin: APP },
      body: JSON.stringify({ provider: "sso", callbackURL: "/", errorCallbackURL: "/sign-in" }),
    }),
  );
  expect(start.status).toBe(200);
  jar.take(start.headers);
  const { url } = (await start.json()) as { url: string };
  const callback = await signInAtProvider(url, email, provider);
  const finished = await auth.handler(new Request(callback, { headers: jar.headers() }));
  jar.take(finished.headers);
  expect(finished.status).toBe(302);
  return { location: finished.headers.get("location")!, jar };
}

async function userByEmail(email: string) {
  return db().authUser.findUnique({ where: { email }, select: { role: true, emailVerified: true, twoFactorEnabled: true } });
}

async function audit(action: string) {
  const page = await listAuditEvents({ action }, { limit: 100 });
  return page.rows.map((event) => ({ outcome: event.outcome, email: event.actorEmail, detail: event.detail }));
}

describe("single sign-on through a real OpenID provider", () => {
  let database: TestDatabase;
  let provider: RunningOidcProvider;

  async function configure(overrides: Partial<SsoSettingsInput> = {}) {
    const discovered = await discoverOidcProvider(provider.issuer);
    if (!discovered.ok) throw new Error(discovered.message);
    const auth = await getAuth();
    const { secret } = await auth.$context;
    await saveSsoSettings({
      settings: { ...POLICY, issuer: provider.issuer, ...overrides },
      clientSecretEncrypted: await encryptClientSecret(CLIENT.clientSecret, secret),
      tokenEndpointAuth: discovered.provider.tokenEndpointAuth,
      scopes: discovered.provider.scopes,
      updatedBy: "ada@example.com",
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    provider = await startOidcProvider({ client: CLIENT });
    // A local admin exists first, as after /setup: SSO never has to provide the last admin.
    await createFirstAdmin({ email: "ada@example.com", name: "Ada", password: "violet-anchor-mango-7" }, { ip: null, userAgent: null });
    await configure();
  });
  afterAll(async () => {
    await provider?.close();
    await database?.drop();
  });

  it("signs alice in with PKCE, state and nonce, creates her just in time as an admin, and needs no TOTP", async () => {
    const { location, jar } = await signInWithSso(provider, OIDC_TEST_USERS.alice.email);
    expect(location).toBe("/");
    const request = provider.authorizationRequests.at(-1)!;
    expect(request.get("code_challenge_method")).toBe("S256");
    expect(request.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(request.get("state")).toBeTruthy();
    expect(request.get("nonce")).toBeTruthy();
    expect(request.get("scope")?.split(" ").sort()).toEqual(["email", "groups", "openid", "profile"]);

    expect(await userByEmail("alice@example.com")).toEqual({ role: "admin", emailVerified: true, twoFactorEnabled: false });
    expect(await sessionStateFor(jar.headers())).toMatchObject({ kind: "signed_in", user: { email: "alice@example.com", role: "admin", authMethod: "sso" } });
    expect(await audit("user.created")).toContainEqual(expect.objectContaining({ email: "alice@example.com", detail: expect.objectContaining({ method: "sso", role: "admin" }) }));
    expect(await audit("auth.sign_in")).toContainEqual(expect.objectContaining({ outcome: "success", email: "alice@example.com", detail: expect.objectContaining({ method: "sso", role: "admin" }) }));
  });

  it("signs bob in as a viewer", async () => {
    const { location, jar } = await signInWithSso(provider, OIDC_TEST_USERS.bob.email);
    expect(location).toBe("/");
    expect(await userByEmail("bob@example.com")).toMatchObject({ role: "viewer" });
    expect(await sessionStateFor(jar.headers())).toMatchObject({ kind: "signed_in", user: { role: "viewer", authMethod: "sso" } });
  });

  it("refuses eve (a domain not allowed) with the reason, creates nobody and audits auth.sso_denied", async () => {
    const { location, jar } = await signInWithSso(provider, OIDC_TEST_USERS.eve.email);
    const redirect = new URL(location, APP);
    expect(redirect.pathname).toBe("/sign-in");
    expect(redirect.searchParams.get("error")).toBe("sso_domain_not_allowed");
    expect(redirect.searchParams.get("error_description")).toContain("eve@evil.test is not allowed to sign in to iamfit: the email domain evil.test is not an allowed domain");
    expect(await userByEmail("eve@evil.test")).toBeNull();
    expect(await sessionStateFor(jar.headers())).toEqual({ kind: "signed_out" });
    expect(await audit("auth.sso_denied")).toContainEqual({ outcome: "denied", email: "eve@evil.test", detail: expect.objectContaining({ reason: "domain_not_allowed", method: "sso" }) });
  });

  it("refuses an address the provider has not verified", async () => {
    const unverified: OidcTestUser = { sub: "carol-0004", email: "carol@example.com", emailVerified: false, name: "Carol", groups: ["iamfit-admins"] };
    provider.setUsers([...Object.values(OIDC_TEST_USERS), unverified]);
    const { location } = await signInWithSso(provider, unverified.email);
    expect(new URL(location, APP).searchParams.get("error")).toBe("sso_email_unverified");
    expect(await userByEmail(unverified.email)).toBeNull();
  });

  it("never lets an SSO identity take over a password user with the same email", async () => {
    const impostor: OidcTestUser = { sub: "ada-idp", email: "ada@example.com", emailVerified: true, name: "Ada (IdP)", groups: ["iamfit-viewers"] };
    provider.setUsers([...Object.values(OIDC_TEST_USERS), impostor]);
    const { location } = await signInWithSso(provider, impostor.email);
    expect(new URL(location, APP).searchParams.get("error")).toMatch(/^(sso_password_account|account_not_linked)$/);
    expect(await userByEmail("ada@example.com")).toMatchObject({ role: "admin" });
    expect(await db().authAccount.count({ where: { providerId: "sso", accountId: "ada-idp" } })).toBe(0);
  });

  it("re-maps the role at every sign-in: alice out of the admin group signs in as the default role", async () => {
    await configure({ defaultRole: "viewer" });
    provider.setUsers([{ ...OIDC_TEST_USERS.alice, groups: ["everyone"] }, OIDC_TEST_USERS.bob, OIDC_TEST_USERS.eve]);
    const { location } = await signInWithSso(provider, OIDC_TEST_USERS.alice.email);
    expect(location).toBe("/");
    expect(await userByEmail("alice@example.com")).toMatchObject({ role: "viewer" });
    expect(await audit("user.role_changed")).toContainEqual(expect.objectContaining({ detail: expect.objectContaining({ from: "admin", to: "viewer", via: "sso" }) }));
  });

  it("refuses a returning user who lost every mapped group when the default is deny", async () => {
    await configure({ defaultRole: "deny" });
    const { location } = await signInWithSso(provider, OIDC_TEST_USERS.alice.email);
    expect(new URL(location, APP).searchParams.get("error")).toBe("sso_no_role");
    expect(await audit("auth.sso_denied")).toContainEqual(expect.objectContaining({ email: "alice@example.com", detail: expect.objectContaining({ reason: "no_role" }) }));
  });

  it("uses settings changed at run time without a restart (a new allowed domain)", async () => {
    await configure({ allowedDomains: ["example.com", "evil.test"], defaultRole: "viewer" });
    const { location } = await signInWithSso(provider, OIDC_TEST_USERS.eve.email);
    expect(location).toBe("/");
    expect(await userByEmail("eve@evil.test")).toMatchObject({ role: "admin" });
  });

  it("refuses a callback arriving in another browser (no state cookie) and audits the failed sign-in", async () => {
    const auth = await getAuth();
    const start = await auth.handler(
      new Request(`${APP}/api/auth/sign-in/social`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: APP },
        body: JSON.stringify({ provider: "sso", callbackURL: "/", errorCallbackURL: "/sign-in" }),
      }),
    );
    const { url } = (await start.json()) as { url: string };
    const callback = await signInAtProvider(url, OIDC_TEST_USERS.bob.email, provider);
    const finished = await auth.handler(new Request(callback, { headers: new CookieJar().headers() }));
    expect(finished.status).toBe(302);
    const redirect = new URL(finished.headers.get("location")!, APP);
    expect(redirect.pathname).toBe("/sign-in");
    expect(redirect.searchParams.get("error")).toBeTruthy();
    expect(await audit("auth.sign_in")).toContainEqual(expect.objectContaining({ outcome: "failure", detail: { method: "sso", reason: redirect.searchParams.get("error") } }));
  });

  it("will not sign in through a provider whose discovery now bounces iamfit to plain http elsewhere", async () => {
    // Saved while it was fine; since then its issuer (on this machine) redirects discovery to
    // [::ffff:7f00:1], which the URL rule does not count as this machine though it reaches it, and
    // which serves a usable document for the issuer: following it would build the provider.
    let requestsElsewhere = 0;
    const bouncer = http.createServer((request, response) => {
      const { port } = bouncer.address() as AddressInfo;
      if ((request.headers.host ?? "").startsWith("127.0.0.1")) {
        response.writeHead(302, { location: `http://[::ffff:7f00:1]:${port}/.well-known/openid-configuration` });
        return response.end();
      }
      requestsElsewhere++;
      const issuer = `http://127.0.0.1:${port}`;
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${provider.issuer}/auth`,
          token_endpoint: `${provider.issuer}/token`,
          jwks_uri: `${provider.issuer}/jwks`,
          response_types_supported: ["code"],
          id_token_signing_alg_values_supported: ["RS256"],
        }),
      );
    });
    await new Promise<void>((resolve) => bouncer.listen(0, "127.0.0.1", resolve));
    try {
      await saveSsoSettings({
        settings: { ...POLICY, issuer: `http://127.0.0.1:${(bouncer.address() as AddressInfo).port}` },
        clientSecretEncrypted: null,
        tokenEndpointAuth: "client_secret_basic",
        scopes: ["openid", "email", "profile"],
        updatedBy: "ada@example.com",
      });
      const auth = await getAuth();
      const response = await auth.handler(
        new Request(`${APP}/api/auth/sign-in/social`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: APP },
          body: JSON.stringify({ provider: "sso", callbackURL: "/" }),
        }),
      );
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ code: "SSO_UNAVAILABLE" });
      expect(requestsElsewhere).toBe(0);
    } finally {
      bouncer.closeAllConnections();
      bouncer.close();
      await configure();
    }
  });

  it("stops offering SSO once it is turned off", async () => {
    await configure({ enabled: false });
    const auth = await getAuth();
    const response = await auth.handler(
      new Request(`${APP}/api/auth/sign-in/social`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: APP },
        body: JSON.stringify({ provider: "sso", callbackURL: "/" }),
      }),
    );
    expect(response.status).toBe(404);
  });
});
