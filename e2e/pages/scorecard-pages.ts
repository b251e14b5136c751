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
