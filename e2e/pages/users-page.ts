import { expect, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";

/** Settings → Users: add a user (one-time password shown once), and per-row changes. */
export class UsersPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/settings/users");
    await expect(this.page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  }

  /** Adds a user and returns the one-time password the page shows. */
  async addUser(user: { email: string; name: string; role: Role }): Promise<string> {
    const form = this.page.locator("form").filter({ has: this.page.getByRole("button", { name: "Add user" }) });
    await form.getByLabel("Email").fill(user.email);
    await form.getByLabel("Name").fill(user.name);
    await form.getByLabel("Role").selectOption(user.role);
    await form.getByRole("button", { name: "Add user" }).click();
    const password = this.page.getByTestId("one-time-password");
    await expect(this.page.getByText(`Give ${user.email} this one-time password`)).toBeVisible();
    return ((await password.textContent()) ?? "").trim();
  }

  row(email: string) {
    return this.page.getByTestId("user-row").and(this.page.locator(`[data-email="${email}"]`));
  }
}
