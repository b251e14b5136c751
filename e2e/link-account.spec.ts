import { expect, test } from "@playwright/test";
import { LinkAccountPage } from "./pages/link-account-page";

test("invalid input gets a precise message next to the field and nothing is saved", async ({ page }) => {
  const form = new LinkAccountPage(page);
  await form.goto();
  await form.fill({ accountId: "12345", role: "arn:aws:iam::999999999999:role/audit" });
  await form.linkButton.click();
  await expect(page.getByText("12 digits").first()).toBeVisible();
  await expect(page).toHaveURL(/\/accounts\/new/);
  await page.goto("/accounts?q=12345");
  await expect(page.getByRole("link", { name: "12345" })).toHaveCount(0);
});

test("linking an account whose role cannot be assumed shows exactly what is wrong", async ({ page }) => {
  const form = new LinkAccountPage(page);
  await form.goto();
  // An account outside the sandbox organization: no such role, so AssumeRole is denied.
  // (A fresh id each time, so the journey also passes against a server that ran it before.)
  const accountId = `9${String(Date.now()).slice(-11)}`;
  await form.fill({ accountId, role: "iamfit-audit", name: "Wrong role e2e" });
  await form.testButton.click();
  const steps = form.testSteps();
  await expect(steps).toContainText("sts:AssumeRole");
  await expect(steps).toContainText("AccessDenied");
  await expect(steps).toContainText(/trust policy|ExternalId/);

  await form.linkButton.click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${accountId}(\\?|$)`));
  await expect(page.getByRole("heading", { name: "Wrong role e2e" })).toBeVisible();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("list", { name: "Connection test steps" })).toContainText("AccessDenied");
});
