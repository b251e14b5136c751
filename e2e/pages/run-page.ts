import { expect, type Locator, type Page } from "@playwright/test";

/** /runs/[runId]: one collection, its accounts, and the controls to cancel it. */
export class RunPage {
  readonly heading: Locator;
  readonly cancelRunButton: Locator;
  readonly accounts: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.cancelRunButton = page.getByRole("button", { name: "Cancel collection" });
    this.accounts = page.getByRole("table", { name: "Accounts in this collection" });
    this.summary = page.getByRole("region", { name: "Summary" });
  }

  /** Starts a collection with a "Collect…" button on the current page and opens its run page. */
  static async startFrom(page: Page, button: Locator): Promise<RunPage> {
    await button.click();
    const runLink = page.getByRole("link", { name: /^View collection #\d+$/ });
    await expect(runLink).toBeVisible();
    await runLink.click();
    await expect(page).toHaveURL(/\/runs\/\d+/);
    return new RunPage(page);
  }

  accountRow(name: string): Locator {
    return this.accounts.getByRole("row").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  /** The Status cell of an account's row (the badge, e.g. "Cancelled"). */
  accountStatus(name: string): Locator {
    return this.accountRow(name).getByRole("cell").nth(1);
  }

  cancelAccountButton(name: string): Locator {
    return this.page.getByRole("button", { name: `Cancel ${name}`, exact: true });
  }

  /** The names of the accounts whose row shows this text now (e.g. "Cancelling"). */
  async accountNamesMarked(text: string): Promise<string[]> {
    return this.accounts.getByRole("row").filter({ hasText: text }).locator("td:first-child a").allTextContents();
  }

  /** The lines under the title: who cancelled the run and when, that it refreshes. */
  description(): Locator {
    return this.heading.locator("xpath=following-sibling::div[1]");
  }

  /** The run's status badge, beside the title. */
  status(): Locator {
    return this.heading;
  }
}
