import type { Locator, Page } from "@playwright/test";

/** /organization: every account of the AWS Organization, by OU, and linking them in bulk. */
export class OrganizationPage {
  readonly selectAllNotLinked: Locator;
  readonly clearSelection: Locator;
  readonly roleName: Locator;
  readonly externalId: Locator;
  readonly linkButton: Locator;
  readonly stopAuditingButton: Locator;
  readonly result: Locator;
  readonly syncSummary: Locator;

  constructor(readonly page: Page) {
    this.selectAllNotLinked = page.getByRole("button", { name: /^Select all not linked/ });
    this.clearSelection = page.getByRole("button", { name: "Clear selection" });
    this.roleName = page.getByLabel("Audit role name (in every account)");
    this.externalId = page.getByLabel("ExternalId", { exact: true });
    this.linkButton = page.getByRole("button", { name: /^Link \d+ accounts?$/ });
    this.stopAuditingButton = page.getByRole("button", { name: /^Stop auditing \d+$/ });
    this.result = page.getByRole("status").filter({ hasText: /Linked|Stopped auditing|No account/ });
    this.syncSummary = page.getByTestId("organization-sync-summary");
  }

  async goto(query = "") {
    await this.page.goto(`/organization${query}`);
  }

  /** Reads the organization: the first time from the empty state, later with "Discover now". */
  async discover() {
    const first = this.page.getByRole("button", { name: "Discover accounts" });
    if (await first.isVisible()) await first.click();
    else await this.page.getByRole("button", { name: "Discover now" }).click();
    await this.syncSummary.waitFor();
  }

  /** The rows of one OU, e.g. "Root/Workloads/Prod". */
  group(ouPath: string): Locator {
    return this.page.locator(`tbody[aria-label="${ouPath}"]`);
  }

  row(accountId: string): Locator {
    return this.page.locator(`tr[data-account-id="${accountId}"]`);
  }

  checkbox(accountId: string): Locator {
    return this.row(accountId).getByRole("checkbox");
  }

  async selectNotLinkedIn(ouPath: string) {
    await this.page.getByRole("checkbox", { name: `Select the accounts not linked in ${ouPath}` }).check();
  }
}
