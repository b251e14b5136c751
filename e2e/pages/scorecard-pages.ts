/**
 * The scorecard drill-down as a person walks it: the organization grid (/), an account's
 * exercise cards (/accounts/<id>), an exercise's findings and a resource's history.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export class OrganizationScorecardPage {
  readonly grid: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole("table", { name: /^Accounts and their score on each of the ten exercises/ });
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(this.grid).toBeVisible();
  }

  accountLink(name: string): Locator {
    return this.grid.getByRole("link", { name, exact: true });
  }

  /** The grid's account rows in the order shown (the header row left out). */
  accountRows(): Locator {
    return this.grid.locator("tbody").getByRole("row");
  }

  /** The header that sorts by open failures. */
  failuresHeader(): Locator {
    return this.grid.getByRole("link", { name: /^Open failures/ });
  }

  /** An exercise column's header link ("5 Least privilege: …"). */
  exerciseHeader(exercise: number): Locator {
    return this.grid.getByRole("columnheader").getByRole("link", { name: new RegExp(`^${exercise} `) });
  }

  /** A row's open failures by severity, read from what a screen reader hears ("…: 1 critical and 2 high open failures"). */
  static async failureCounts(row: Locator): Promise<{ critical: number; high: number; medium: number; low: number }> {
    const text = (await row.getByRole("cell").nth(2).textContent()) ?? "";
    const count = (severity: string) => Number(new RegExp(`(\\d+) ${severity}`).exec(text)?.[1] ?? 0);
    return { critical: count("critical"), high: count("high"), medium: count("medium"), low: count("low") };
  }

  attentionItems(): Locator {
    return this.page.getByRole("region", { name: "Accounts needing attention" }).getByRole("listitem");
  }
}

export class AccountScorecardPage {
  constructor(readonly page: Page) {}

  heading(name: string): Locator {
    return this.page.getByRole("heading", { level: 1, name, exact: true });
  }

  /** The exercise card linking to this account's drill-down ("Exercise 1 …"). */
  exerciseCard(exercise: number): Locator {
    return this.page.getByRole("link", { name: new RegExp(`^Exercise ${exercise}\\b`) });
  }
}

export class ExerciseFindingsPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table", { name: /^Findings/ });
  }

  heading(exercise: number): Locator {
    return this.page.getByRole("heading", { level: 1, name: new RegExp(`^${exercise}\\. `) });
  }

  /** The finding rows (each finding is a tbody: its row, then its evidence). */
  finding(text: string | RegExp): Locator {
    return this.table.locator("tbody").filter({ hasText: text });
  }
}
