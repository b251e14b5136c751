import { expect, test } from "@playwright/test";

// The sandbox answers "who am I" with a made-up account: every trust policy offered to copy or
// download says so, so nobody deploys a role trusting an account that is nobody's.
const SANDBOX_PRINCIPAL = "arn:aws:iam::024917360188:root";

test("the link page marks the sandbox's made-up principal as a placeholder before its trust policy is copied", async ({ page }) => {
  await page.goto("/accounts/new");
  const notice = page.locator("div", { has: page.getByText("Sandbox placeholder principal", { exact: true }) }).last();
  await expect(notice).toContainText(`${SANDBOX_PRINCIPAL} is the sandbox's made-up account`);
  await expect(page.getByText("Trust policy (JSON) (sandbox placeholder principal)")).toBeVisible();
});

test("the templates page marks every template that carries the sandbox principal", async ({ page }) => {
  await page.goto("/onboarding/templates");
  await expect(page.getByText("Sandbox placeholder principal", { exact: true })).toBeVisible();
  await expect(page.getByText("Trust policy of the audit role (sandbox placeholder principal)")).toBeVisible();
  await expect(page.getByText("CloudFormation template (sandbox placeholder principal)")).toBeVisible();
});
