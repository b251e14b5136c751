import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/auth-state";
import { waitForFirstCollection } from "./support/collections";

const LEGACY_MONOLITH = "189012374650";

test.describe("a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("sees the checklist without any controls to change it", async ({ page }) => {
    await waitForFirstCollection(page);
    await page.goto(`/accounts/${LEGACY_MONOLITH}/checklist`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("[data-item-id]").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
    await expect(page.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Collect/ })).toHaveCount(0);
  });

  test("is not allowed on the users page and has no link to it", async ({ page }) => {
    await page.goto("/");
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "API tokens" })).toBeVisible();
    await expect(header.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(header.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    await page.goto("/settings/users");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add user" })).toHaveCount(0);
  });
});

test.describe("an admin", () => {
  test("sees everyone on the users page and cannot change their own role or disable themselves", async ({ page }) => {
    await page.goto("/settings/users");
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    const me = page.getByTestId("user-row").filter({ hasText: "you" });
    await expect(me).toHaveCount(1);
    await expect(me.getByRole("button")).toHaveCount(0);
    expect(await page.getByTestId("user-row").count()).toBeGreaterThanOrEqual(3);
  });
});
