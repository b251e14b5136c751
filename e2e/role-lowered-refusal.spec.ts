import { expect, test } from "@playwright/test";
import { credentialsFor, storageStatePath } from "./support/auth-state";
import { UsersPage } from "./pages/users-page";

const LEGACY_MONOLITH = "189012374650";

/**
 * An editor's page stays open while an admin lowers them to viewer; their next click is refused
 * cleanly: the button's own message says which role it needs, the page keeps working, and the
 * server answers no 5xx (before, the refusal was thrown: HTTP 500 and a stack trace per click).
 */
test("an editor lowered to viewer while the page is open gets a clean refusal, not an error page", async ({ browser }) => {
  const editorEmail = credentialsFor("editor").email;
  const admin = await browser.newContext({ storageState: storageStatePath("admin") });
  const editor = await browser.newContext({ storageState: storageStatePath("editor") });
  const users = new UsersPage(await admin.newPage());
  const setEditorRole = async (role: "viewer" | "editor") => {
    await users.open();
    const row = users.row(editorEmail);
    await row.getByLabel(`Role of ${editorEmail}`).selectOption(role);
    await Promise.all([
      users.page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/settings/users")),
      row.getByRole("button", { name: "Change role" }).click(),
    ]);
    await users.open();
    await expect(users.row(editorEmail).getByLabel(`Role of ${editorEmail}`)).toHaveValue(role);
  };
  try {
    const page = await editor.newPage();
    const serverErrors: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 500) serverErrors.push(`${response.request().method()} ${response.url()} ${response.status()}`);
    });
    await page.goto(`/accounts/${LEGACY_MONOLITH}`);
    const collect = page.getByRole("button", { name: "Collect now" });
    await expect(collect).toBeVisible();

    await setEditorRole("viewer");

    await collect.click();
    await expect(page.getByRole("status").filter({ hasText: "Your role may not do this (it needs editor)." })).toBeVisible();
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    expect(serverErrors).toEqual([]);
  } finally {
    await setEditorRole("editor");
    await admin.close();
    await editor.close();
  }
});
