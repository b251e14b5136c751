import { expect, type Locator, type Page } from "@playwright/test";

export interface SubscriptionChoice {
  email: string;
  /** ISO weekday, 1 = Monday; the form's default otherwise. */
  weekday?: number;
  hour?: number;
  timeZone?: string;
}

/** /digests: subscribe, send a test digest, follow the delivery history; /digests/outbox. */
export class DigestPage {
  constructor(readonly page: Page) {}

  readonly history = () => this.page.getByRole("table", { name: "Delivery history" });

  async open(): Promise<void> {
    await this.page.goto("/digests");
    await expect(this.page.getByRole("heading", { name: "Weekly digest", level: 1 })).toBeVisible();
  }

  /** Fills the new-subscription form and subscribes; ends on the new subscription's panel. */
  async subscribe(choice: SubscriptionChoice): Promise<void> {
    await this.page.getByLabel("Email address").fill(choice.email);
    if (choice.weekday !== undefined) await this.page.getByLabel("Day").selectOption(String(choice.weekday));
    if (choice.hour !== undefined) await this.page.getByLabel("Hour").selectOption(String(choice.hour));
    if (choice.timeZone !== undefined) await this.page.getByLabel("Time zone").fill(choice.timeZone);
    await this.page.getByRole("button", { name: "Subscribe" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "Subscribed." })).toBeVisible();
  }

  async sendTestDigest(): Promise<void> {
    await this.page.getByRole("button", { name: "Send me a test digest now" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "A test digest is on its way" })).toBeVisible();
  }

  /** The history row of the test send, or of the scheduled digest of one week ("Week 2026-W14"). */
  delivery(digest: "Test" | `Week ${string}`): Locator {
    return this.history().getByRole("row").filter({ has: this.page.getByRole("cell", { name: digest, exact: true }) });
  }

  /**
   * Reloads until the delivery says "Sent" (a retrying delivery is not refreshed by the page
   * itself); a failure shows the row as it was last, with the error the delivery recorded.
   */
  async expectSent(digest: "Test" | `Week ${string}`, timeoutMs = 60_000): Promise<Locator> {
    const row = this.delivery(digest);
    await expect
      .poll(
        async () => {
          await this.page.reload();
          return (await row.count()) === 1 ? await row.innerText() : "(no such delivery yet)";
        },
        { timeout: timeoutMs, intervals: [1_000, 2_000] },
      )
      .toMatch(/^(Test|Week \S+)\s.*\bSent\b/s);
    return row;
  }
}
