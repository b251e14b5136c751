/**
 * Single sign-on as people use it: an admin points iamfit at an OpenID provider (a real one,
 * oidc-provider, started on loopback by this test), then alice (iamfit-admins) signs in as an
 * admin, bob (iamfit-viewers) as a viewer who cannot work checklists, and eve (another domain)
 * is refused with the reason. Each person uses a fresh browser, as on their own machine.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import type { RunningOidcProvider } from "@/lib/testing/oidc-provider";
import { OIDC_TEST_USERS } from "@/lib/testing/oidc-test-users";
import { startOidcProviderProcess } from "./support/oidc-provider-process";
import { SsoSettingsPage, SsoSignIn } from "./pages/sso-pages";
import { SIGNED_OUT, storageStatePath } from "./support/auth-state";
import { waitForFirstCollection } from "./support/collections";

// dev-experiments: its checklist has items a sandbox fix applies to.
const ACCOUNT = "163470298815";
const PROVIDER_NAME = "Test IdP";
const IDP_PORT = Number(process.env.E2E_OIDC_PORT ?? 3799);

test.describe.configure({ mode: "serial" });

let provider: RunningOidcProvider;
let appOrigin: string;

test.beforeAll(async ({}, testInfo) => {
  appOrigin = new URL(testInfo.project.use.baseURL!).origin;
  provider = await startOidcProviderProcess({
    port: IDP_PORT,
    client: { clientId: "iamfit-e2e", clientSecret: randomBytes(24).toString("base64url"), redirectUris: [`${appOrigin}/api/auth/callback/sso`] },
  });
});

test.afterAll(async ({ browser }) => {
  // Journeys share one server: leave the sign-in page as it was (password only).
  const admin = await browser.newContext({ storageState: storageStatePath("admin") });
  await new SsoSettingsPage(await admin.newPage()).setEnabled(false);
  await admin.close();
  await provider?.close();
});

/** An issuer URL where nothing listens. */
async function closedIssuer(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/**
 * An issuer on this machine that redirects discovery to plain http elsewhere. "Elsewhere" is
 * [::ffff:7f00:1], which the URL rule does not count as this machine though it reaches it, so
 * nothing leaves the machine even if iamfit followed; `requests` counts what arrives there.
 */
async function bouncingIssuer(): Promise<{ issuer: string; elsewhere: string; requestsElsewhere: () => number; close(): void }> {
  let elsewhereRequests = 0;
  const server = http.createServer((request, response) => {
    const { port } = server.address() as AddressInfo;
    if ((request.headers.host ?? "").startsWith("127.0.0.1")) {
      response.writeHead(302, { location: `http://[::ffff:7f00:1]:${port}/.well-known/openid-configuration` });
      return response.end();
    }
    elsewhereRequests++;
    response.writeHead(404);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    issuer: `http://127.0.0.1:${port}`,
    elsewhere: `http://[::ffff:7f00:1]:${port}`,
    requestsElsewhere: () => elsewhereRequests,
    close: () => (server.closeAllConnections(), server.close()),
  };
}

async function freshBrowser(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ storageState: SIGNED_OUT });
}

test("an admin points single sign-on at the provider: a wrong issuer is refused with the reason, the right one tests and saves", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("admin") });
  const settings = new SsoSettingsPage(await context.newPage());
  await settings.open();
  expect(await settings.redirectUri()).toBe(`${appOrigin}/api/auth/callback/sso`);

  await settings.fill({
    displayName: PROVIDER_NAME,
    issuer: await closedIssuer(),
    clientId: provider.client.clientId,
    clientSecret: provider.client.clientSecret,
    allowedDomains: ["example.com"],
    adminGroups: ["iamfit-admins"],
    viewerGroups: ["iamfit-viewers"],
    defaultRole: "Refuse sign-in",
  });
  await settings.save();
  await expect(settings.page.getByText("Not saved: iamfit could not use this identity provider.")).toBeVisible();
  // Nothing listens there, and the message says only that: not refused, reset or silent, which
  // would let anyone with this form map the ports of every host iamfit's server reaches.
  await expect(settings.page.getByText(/could not reach 127\.0\.0\.1:\d+: no HTTP answer came back/).first()).toBeVisible();
  await expect(settings.page.getByText(/connection was refused/)).toHaveCount(0);

  // An issuer on this machine may use plain http, but may not bounce iamfit's server to plain
  // http anywhere else.
  const bouncing = await bouncingIssuer();
  await settings.fillIssuer(bouncing.issuer);
  await settings.testDiscovery();
  await expect(settings.page.getByRole("alert").filter({ hasText: "Discovery failed" })).toContainText(
    `redirects to ${bouncing.elsewhere}/.well-known/openid-configuration, which iamfit does not follow: use https://`,
  );
  expect(bouncing.requestsElsewhere()).toBe(0);
  bouncing.close();

  await expect(settings.page.getByLabel("Provider name")).toHaveValue(PROVIDER_NAME);
  await settings.fillIssuer(provider.issuer);
  await settings.testDiscovery();
  await expect(settings.discoveryResult()).toContainText(`Issuer: ${provider.issuer}`);
  await expect(settings.discoveryResult()).toContainText("Scopes iamfit will request: openid email profile groups");

  await settings.save();
  await expect(settings.saved()).toContainText(`Sign in with ${PROVIDER_NAME}`);
  await settings.page.reload();
  await expect(settings.page.getByLabel("Client secret")).toHaveValue("");
  await expect(settings.page.getByLabel("Client secret")).toHaveAttribute("placeholder", /stored/);
  expect(await settings.page.content()).not.toContain(provider.client.clientSecret);
  await context.close();
});

test("alice (iamfit-admins) signs in with single sign-on and lands signed in as an admin, with no TOTP step", async ({ browser }) => {
  const context = await freshBrowser(browser);
  const sso = new SsoSignIn(await context.newPage());
  await sso.signIn(PROVIDER_NAME, OIDC_TEST_USERS.alice.email);
  await expect(sso.page).toHaveURL(`${appOrigin}/`);

  const request = provider.authorizationRequests.at(-1)!;
  expect([request.get("code_challenge_method"), Boolean(request.get("state")), Boolean(request.get("nonce"))]).toEqual(["S256", true, true]);

  await sso.page.goto("/settings/sso");
  await expect(sso.page.getByRole("heading", { name: "Single sign-on", level: 1 })).toBeVisible();
  await context.close();
});

test("bob (iamfit-viewers) signs in as a viewer: he sees checklists but none of their controls, and no admin page", async ({ browser }) => {
  const context = await freshBrowser(browser);
  const page = await context.newPage();
  const sso = new SsoSignIn(page);
  await sso.signIn(PROVIDER_NAME, OIDC_TEST_USERS.bob.email);
  await expect(page).toHaveURL(`${appOrigin}/`);

  await waitForFirstCollection(page);
  await page.goto(`/accounts/${ACCOUNT}/checklist`);
  await expect(page.locator("[data-item-id]").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply this fix in the sandbox" })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);

  await page.goto("/settings/sso");
  await expect(page).toHaveURL(/\/not-allowed/);
  await context.close();
});

test("eve (another domain) is refused: she is back on the sign-in page with the reason and not signed in", async ({ browser }) => {
  const context = await freshBrowser(browser);
  const sso = new SsoSignIn(await context.newPage());
  await sso.signIn(PROVIDER_NAME, OIDC_TEST_USERS.eve.email);
  await expect(sso.page).toHaveURL(/\/sign-in\?.*error=sso_domain_not_allowed/);
  await expect(sso.error()).toContainText("Your email domain is not allowed to sign in to iamfit. Ask an iamfit admin for access.");

  await sso.page.goto("/");
  await expect(sso.page).toHaveURL(/\/sign-in/);
  await context.close();
});
