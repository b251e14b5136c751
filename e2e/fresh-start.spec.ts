import { expect, test } from "@playwright/test";
import { waitForFirstCollection } from "./support/collections";

// The first minute of a newcomer: no AWS set-up, the sandbox organization is linked and collected.
test("a fresh start collects the sandbox organization and shows why one account could not be assessed", async ({ page }) => {
  await page.goto("/runs");
  await expect(page.getByRole("heading", { name: "Collections" })).toBeVisible();
  // The start-up collection finishes (the throttling account takes longest).
  await waitForFirstCollection(page);

  await page.goto("/accounts");
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: "legacy-monolith" })).toBeVisible();
  await expect(table.getByRole("link", { name: "prod-payments" })).toBeVisible();
  // The account whose trust policy requires another ExternalId fails with the precise reason.
  const partnerRow = table.getByRole("row").filter({ hasText: "partner-integration" });
  await expect(partnerRow).toContainText("AccessDenied");

  await page.getByRole("link", { name: "partner-integration" }).first().click();
  await expect(page.getByText(/trust policy does not allow iamfit's principal or the ExternalId does not match/).first()).toBeVisible();
});

test("the hostile user name from the sandbox is shown as text and never runs", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  await page.goto("/exercises/2");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const body = await page.content();
  expect(body).not.toContain("<img src=x onerror=alert(1)>");
  expect(dialogs).toBe(0);
});
