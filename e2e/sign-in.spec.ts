import { expect, test } from "@playwright/test";
import { SignInPages } from "./pages/sign-in-pages";
import { credentialsFor, SIGNED_OUT } from "./support/auth-state";
import { totpCode, wrongTotpCode } from "./support/totp";

// These journeys sign in themselves (and one signs out), so they never touch the stored sessions.
test.use({ storageState: SIGNED_OUT });

test("a user signs in with password and TOTP: a wrong code is refused, the right one lets them in", async ({ page }) => {
  const editor = credentialsFor("editor");
  const pages = new SignInPages(page);
  await pages.open();
  await pages.submitPassword(editor.email, editor.password);
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();

  await pages.submitCode(await wrongTotpCode(editor.totpSecret));
  await expect(pages.error()).toContainText("That code is not right");
  await expect(page).toHaveURL(/\/two-factor/);

  await pages.submitCode(await totpCode(editor.totpSecret));
  await expect(page.getByRole("heading", { name: "Scorecard" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toContainText(editor.name);
  await expect(page.getByTestId("signed-in-user")).toContainText("editor");
});

test("a wrong password says only that email or password is wrong, for known and unknown emails alike", async ({ page }) => {
  const pages = new SignInPages(page);
  await pages.open();
  await pages.submitPassword(credentialsFor("viewer").email, "not-the-right-password");
  await expect(pages.error()).toHaveText("The email or password is not right.");
  await pages.submitPassword(`nobody-${Date.now()}@example.com`, "not-the-right-password");
  await expect(pages.error()).toHaveText("The email or password is not right.");
});

test("five failed sign-ins lock the email for 15 minutes and say when to retry", async ({ page }) => {
  const pages = new SignInPages(page);
  const email = `lockout-${Date.now()}@example.com`;
  await pages.open();
  for (let attempt = 1; attempt <= 5; attempt++) {
    await pages.submitPassword(email, `wrong-password-${attempt}`);
    await expect(pages.error()).toHaveText("The email or password is not right.");
  }
  await pages.submitPassword(email, "wrong-password-6");
  await expect(pages.error()).toContainText(/Too many failed sign-ins for this email\. Try again after \d\d:\d\d UTC\./);
});

test("signing out ends the session: the dashboard asks to sign in again", async ({ page }) => {
  const pages = new SignInPages(page);
  await pages.signIn(credentialsFor("viewer"));
  await page.getByTestId("signed-in-user").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto("/runs");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fruns/);
});

test("a signed-out visitor is sent to sign in and comes back to the page they asked for", async ({ page }) => {
  await page.goto("/changes?window=30d");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fchanges%3Fwindow%3D30d$/);
  const pages = new SignInPages(page);
  await pages.signIn(credentialsFor("admin"), "current page");
  await expect(page).toHaveURL(/\/changes\?window=30d$/);
});

test("an off-site next= is ignored after signing in", async ({ page }) => {
  await page.goto("/sign-in?next=https%3A%2F%2Fevil.example%2F");
  const pages = new SignInPages(page);
  await pages.signIn(credentialsFor("admin"), "current page");
  await expect(page).toHaveURL(/^http:\/\/[^/]+\/$/);
});

test("the API refuses a request without a session or token", async ({ request }) => {
  const response = await request.get("/api/v1/scorecard");
  expect(response.status()).toBe(401);
});

test("pages carry a nonce-based Content-Security-Policy and the hardening headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"]).toBeUndefined();
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)![1]!;
  // Next put the nonce on its own scripts.
  expect(await response.text()).toContain(`nonce="${nonce}"`);
});
