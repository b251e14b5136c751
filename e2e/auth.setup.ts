/**
 * Runs before every journey, on the fresh server: the first-run journey (the admin is created
 * on /setup and enrols TOTP with the key read from the page), then the admin adds an editor and
 * a viewer, who sign in with their one-time passwords and enrol at their first sign-in. Each
 * role's signed-in state is stored (e2e/.auth/<role>.json) for the journeys to start from.
 *
 * Against a server that is set up already (E2E_BASE_URL), it signs in with the credentials an
 * earlier run stored instead.
 */
import { expect, test as setup, type Browser } from "@playwright/test";
import { SignInPages } from "./pages/sign-in-pages";
import { UsersPage } from "./pages/users-page";
import { credentialsFor, forgetCredentials, readCredentials, saveCredentials, SIGNED_OUT, storageStatePath, type TestCredentials } from "./support/auth-state";

const ADMIN = { name: "Ada Admin", email: "ada.admin@example.com", password: "violet-anchor-mango-7" };
const PEOPLE = [
  { role: "editor", name: "Eddie Editor", email: "eddie.editor@example.com" },
  { role: "viewer", name: "Vera Viewer", email: "vera.viewer@example.com" },
] as const;

setup.use({ storageState: SIGNED_OUT });

setup("first run creates the admin, who enrols TOTP", async ({ page }) => {
  const pages = new SignInPages(page);
  await page.goto("/");
  if (!/\/setup$/.test(new URL(page.url()).pathname)) {
    // An existing server: setup is over, so sign in as the admin an earlier run created.
    await pages.signIn(credentialsFor("admin"));
  } else {
    const totpSecret = await pages.createFirstAdmin(ADMIN);
    // A fresh server: whatever an earlier run stored belongs to another installation.
    forgetCredentials();
    saveCredentials("admin", { ...ADMIN, totpSecret });
    await expect(page.getByRole("heading", { name: "Scorecard" })).toBeVisible();
    // Setup is one-time: the page now sends everyone to sign in.
    await page.goto("/setup");
    await expect(page).toHaveURL(/\/$|\/sign-in/);
  }
  await expect(page.getByTestId("signed-in-user")).toContainText("admin");
  await page.context().storageState({ path: storageStatePath("admin") });
});

async function signInFirstTime(browser: Browser, person: (typeof PEOPLE)[number], password: string): Promise<TestCredentials> {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  const pages = new SignInPages(page);
  await pages.open();
  await pages.submitPassword(person.email, password);
  const totpSecret = await pages.enrol();
  await expect(page.getByTestId("signed-in-user")).toContainText(person.role);
  await context.storageState({ path: storageStatePath(person.role) });
  await context.close();
  return { name: person.name, email: person.email, password, totpSecret };
}

setup("the admin adds an editor and a viewer, who enrol TOTP at their first sign-in", async ({ browser }) => {
  const stored = readCredentials();
  const admin = await browser.newContext({ storageState: storageStatePath("admin") });
  const users = new UsersPage(await admin.newPage());
  await users.open();
  for (const person of PEOPLE) {
    const known = stored[person.role];
    if (known) {
      const context = await browser.newContext({ storageState: SIGNED_OUT });
      const page = await context.newPage();
      await new SignInPages(page).signIn(known);
      await context.storageState({ path: storageStatePath(person.role) });
      await context.close();
      continue;
    }
    const oneTimePassword = await users.addUser(person);
    expect(oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){4}$/);
    saveCredentials(person.role, await signInFirstTime(browser, person, oneTimePassword));
  }
  await users.open();
  for (const person of PEOPLE) {
    await expect(users.row(person.email)).toContainText(person.role);
    await expect(users.row(person.email)).toContainText("on");
  }
  await admin.close();
});
