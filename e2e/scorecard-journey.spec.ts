import { expect, test } from "@playwright/test";
import { AccountScorecardPage, ExerciseFindingsPage, OrganizationScorecardPage } from "./pages/scorecard-pages";
import { waitForFirstCollection } from "./support/collections";

// legacy-monolith: root still has an active access key (CHECKS.md, exercise 1, root.access-keys).
const LEGACY_MONOLITH = "189012374650";
const ROOT_KEY_CHECK = "The root user has no active access key";

test("organization → account → exercise → resource and back, on legacy-monolith's root access key", async ({ page }) => {
  await waitForFirstCollection(page);
  const organization = new OrganizationScorecardPage(page);
  await organization.goto();
  await organization.accountLink("legacy-monolith").click();

  await expect(page).toHaveURL(new RegExp(`/accounts/${LEGACY_MONOLITH}$`));
  const account = new AccountScorecardPage(page);
  await expect(account.heading("legacy-monolith")).toBeVisible();
  await expect(account.exerciseCard(1)).toContainText(/\d+ failing/);
  await account.exerciseCard(1).click();

  await expect(page).toHaveURL(new RegExp(`/accounts/${LEGACY_MONOLITH}/exercises/1$`));
  const exercise = new ExerciseFindingsPage(page);
  await expect(exercise.heading(1)).toBeVisible();
  const rootKey = exercise.finding(ROOT_KEY_CHECK);
  await expect(rootKey).toHaveCount(1);
  await expect(rootKey).toContainText("critical");
  await expect(rootKey).toContainText("The root user has 1 active access key (key 1).");
  await rootKey.getByRole("link", { name: "root", exact: true }).click();

  await expect(page).toHaveURL(/\/resources\?id=arn%3Aaws%3Aiam%3A%3A189012374650%3Aroot/);
  // The account's root ARN also names account-wide results (admins.count), so the page is titled by one of them.
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("main").locator("code").filter({ hasText: `arn:aws:iam::${LEGACY_MONOLITH}:root` }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: /^Now \(/ })).toContainText(ROOT_KEY_CHECK);

  await page.goBack();
  await expect(exercise.heading(1)).toBeVisible();
  await expect(exercise.finding(ROOT_KEY_CHECK)).toHaveCount(1);
  await page.goBack();
  await expect(account.heading("legacy-monolith")).toBeVisible();
  await page.goBack();
  await expect(organization.accountLink("legacy-monolith")).toBeVisible();
});

test("the exercise across all accounts lists legacy-monolith's root key and links back to the account", async ({ page }) => {
  await waitForFirstCollection(page);
  await page.goto(`/accounts/${LEGACY_MONOLITH}/exercises/1`);
  await page.getByRole("link", { name: "This exercise across all accounts" }).click();
  await expect(page).toHaveURL(/\/exercises\/1$/);
  const exercise = new ExerciseFindingsPage(page);
  const rootKey = exercise.finding(ROOT_KEY_CHECK).filter({ hasText: "legacy-monolith" });
  await expect(rootKey).toHaveCount(1);
  await rootKey.getByRole("link", { name: "legacy-monolith" }).click();
  await expect(new AccountScorecardPage(page).heading("legacy-monolith")).toBeVisible();
});
