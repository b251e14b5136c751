/**
 * A real OpenID Connect provider for tests (npm `oidc-provider`, the certified implementation),
 * on loopback: discovery, JWKS, authorization with PKCE required, token, UserInfo. It knows a few
 * users with groups, and logs one in through a one-field form (/interaction/<uid>) that a
 * Playwright test fills, or that `signInAtProvider` posts without a browser.
 *
 * oidc-provider 9 prints "Unsupported runtime" on Node 20 (it is tested on 22+); the flows used
 * here run on Node 20.19 as they do on 22.
 *
 * oidc-provider is ESM-only, so it is loaded with import() when a provider starts, never with a
 * static import that a CommonJS loader would turn into require(): under Playwright's loader hooks
 * on Node 20, require() of an ES module can deadlock the worker. The journeys run this provider
 * in a child process of their own (e2e/support/oidc-provider-process.ts).
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Configuration, KoaContextWithOIDC, default as Provider } from "oidc-provider";
import { OIDC_TEST_USERS, type OidcTestClient, type OidcTestUser } from "./oidc-test-users";

export { OIDC_TEST_USERS, type OidcTestClient, type OidcTestUser } from "./oidc-test-users";

export interface OidcProviderOptions {
  client: OidcTestClient;
  users?: OidcTestUser[];
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Told of every authorization request as it arrives (the journeys' child process forwards them). */
  onAuthorizationRequest?: (query: URLSearchParams) => void;
}

export interface RunningOidcProvider {
  /** http://127.0.0.1:<port>: discovery is at <issuer>/.well-known/openid-configuration. */
  issuer: string;
  client: OidcTestClient;
  /** The query of every authorization request received, oldest first (PKCE, state and nonce checks). */
  authorizationRequests: URLSearchParams[];
  /** Replace the users (e.g. take someone out of a group between two sign-ins). */
  setUsers(users: OidcTestUser[]): void;
  close(): Promise<void>;
}

export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  let users = new Map((options.users ?? Object.values(OIDC_TEST_USERS)).map((user) => [user.sub, user]));
  const authorizationRequests: URLSearchParams[] = [];
  const host = options.host ?? "127.0.0.1";

  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;

  const { default: ProviderClass } = await import("oidc-provider");
  const provider = new ProviderClass(issuer, providerConfiguration(options.client, (sub) => users.get(sub)));
  // Interactions render at /interaction/<uid>; the provider answers everything else.
  const providerCallback = provider.callback();
  server.on("request", (request, response) => {
    const url = new URL(request.url ?? "/", issuer);
    if (url.pathname === "/auth") {
      authorizationRequests.push(url.searchParams);
      options.onAuthorizationRequest?.(url.searchParams);
    }
    if (url.pathname.startsWith("/interaction/")) {
      handleInteraction(provider, request, response, url, [...users.values()]).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(error instanceof Error ? error.message : String(error));
      });
      return;
    }
    providerCallback(request, response);
  });

  return {
    issuer,
    client: options.client,
    authorizationRequests,
    setUsers(next) {
      users = new Map(next.map((user) => [user.sub, user]));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function providerConfiguration(client: OidcTestClient, findUser: (sub: string) => OidcTestUser | undefined): Configuration {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "test-signing-key", use: "sig", alg: "RS256" };
  return {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    async findAccount(_ctx, sub) {
      const user = findUser(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            email: user.email,
            ...(user.emailVerified === undefined ? {} : { email_verified: user.emailVerified }),
            name: user.name,
            groups: user.groups,
          };
        },
      };
    },
    // No consent screen: the test client is first-party, so every requested scope is granted.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(ctx.oidc.requestParamScopes ? [...ctx.oidc.requestParamScopes].join(" ") : "openid");
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Grant: 600, Interaction: 600, Session: 600 },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    jwks: { keys: [signingKey] },
    renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = `<!doctype html><title>Error</title><h1>${escapeHtml(String(out.error))}</h1><p>${escapeHtml(String(out.error_description ?? ""))}</p>`;
    },
  };
}

async function handleInteraction(provider: Provider, request: http.IncomingMessage, response: http.ServerResponse, url: URL, users: OidcTestUser[]): Promise<void> {
  const details = await provider.interactionDetails(request, response);
  if (request.method === "POST" && url.pathname.endsWith("/login")) {
    const form = new URLSearchParams(await readBody(request));
    const email = (form.get("email") ?? "").trim().toLowerCase();
    const user = users.find((candidate) => candidate.email === email);
    if (!user) {
      renderLoginForm(response, details.uid, users, `No test user ${email || "(empty)"}.`);
      return;
    }
    await provider.interactionFinished(request, response, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
    return;
  }
  renderLoginForm(response, details.uid, users);
}

function renderLoginForm(response: http.ServerResponse, uid: string, users: OidcTestUser[], error?: string): void {
  response.statusCode = error ? 400 : 200;
  response.setHeader("content-type", "text/html; charset=utf-8");
  response.end(`<!doctype html>
<html lang="en"><head><title>Test identity provider</title></head>
<body>
<h1>Test identity provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
  <label>Email <input name="email" type="email" autocomplete="off" required></label>
  <button type="submit">Sign in</button>
</form>
<p>Users: ${users.map((user) => escapeHtml(user.email)).join(", ")}</p>
</body></html>`);
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * Plays the browser at the provider without one: follows the authorization URL, submits the login
 * form as `email`, and returns the URL the provider finally redirects to (the relying party's
 * callback with ?code&state&iss). Cookies are kept per call, like a fresh browser profile.
 */
export async function signInAtProvider(authorizationUrl: string, email: string, provider: Pick<RunningOidcProvider, "issuer">): Promise<string> {
  const cookies = new Map<string, string>();
  const request = async (target: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(target, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string> | undefined), cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const separator = pair!.indexOf("=");
      const name = pair!.slice(0, separator).trim();
      const value = pair!.slice(separator + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(header) || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };

  let target = authorizationUrl;
  let submitted = false;
  for (let hop = 0; hop < 10; hop++) {
    const response = await request(target);
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get("location")!, target).toString();
      if (!next.startsWith(provider.issuer)) return next;
      target = next;
      continue;
    }
    const body = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(body)?.[1];
    if (!action || submitted) throw new Error(`the provider answered ${response.status} at ${target}: ${body.slice(0, 300)}`);
    submitted = true;
    const posted = await request(new URL(action.replace(/&#47;/g, "/"), target).toString(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email }).toString(),
    });
    if (posted.status < 300 || posted.status >= 400) throw new Error(`login as ${email} failed (${posted.status}): ${(await posted.text()).slice(0, 300)}`);
    target = new URL(posted.headers.get("location")!, target).toString();
  }
  throw new Error("too many redirects at the provider");
}
