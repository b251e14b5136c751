import type { Locator, Page } from "@playwright/test";

/** /accounts/new: the form that links an AWS account. */
export class LinkAccountPage {
  readonly accountId: Locator;
  readonly role: Locator;
  readonly externalId: Locator;
  readonly name: Locator;
  readonly linkButton: Locator;
  readonly testButton: Locator;

  constructor(readonly page: Page) {
    this.accountId = page.getByLabel("AWS account id");
    this.role = page.getByLabel("Audit role ARN or name");
    this.externalId = page.getByLabel("ExternalId");
    this.name = page.getByLabel("Display name");
    this.linkButton = page.getByRole("button", { name: "Link account" });
    this.testButton = page.getByRole("button", { name: "Test connection" });
  }

  async goto() {
    await this.page.goto("/accounts/new");
  }

  async fill(values: { accountId: string; role: string; name?: string; externalId?: string }) {
    await this.accountId.fill(values.accountId);
    await this.role.fill(values.role);
    if (values.externalId !== undefined) await this.externalId.fill(values.externalId);
    if (values.name !== undefined) await this.name.fill(values.name);
  }

  testSteps(): Locator {
    return this.page.getByRole("list", { name: "Connection test steps" });
  }
}
