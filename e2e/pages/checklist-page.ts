/**
 * Page objects for the remediation checklist (issue 5): an account's checklist and the
 * organization view. A journey reads like the issue: open the checklist, copy a command, mark
 * items done and risk-accepted, apply the fix in the sandbox, collect, see verified and reopened.
 * Locators use roles and labels, as a person finds things.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export type ChecklistStateLabel = "Open" | "In progress" | "Done (claimed fixed)" | "Risk accepted" | "Verified" | "Fixed";

export class ChecklistItem {
  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {}

  /** The item's state as stored (data-state: open, in_progress, done, risk_accepted, verified, fixed). */
  async state(): Promise<string | null> {
    return this.root.getAttribute("data-state");
  }

  async id(): Promise<string> {
    const id = await this.root.getAttribute("data-item-id");
    if (!id) throw new Error("checklist item without an id");
    return id;
  }

  /** The state badge reads "● Done (claimed fixed)": its symbol is part of the element's text. */
  async expectState(state: ChecklistStateLabel): Promise<void> {
    await expect(this.root.getByText(state).first()).toBeVisible();
  }

  /** The badge reads "! Claimed fixed, still failing": its symbol is part of the element's text. */
  reopenMark(label = "Claimed fixed, still failing"): Locator {
    return this.root.getByText(label).first();
  }

  select(): Promise<void> {
    return this.root.getByRole("checkbox", { name: /^Select / }).check();
  }

  /** The collapsed row: resource, severity, state, assignee, due date. */
  summary(): Locator {
    return this.root.locator("summary");
  }

  async isExpanded(): Promise<boolean> {
    return (await this.root.locator("details").getAttribute("open")) !== null;
  }

  /** Opens the item (its steps, form and history) as a keyboard user does: focus the row, press Enter. */
  async expand(): Promise<void> {
    if (await this.isExpanded()) return;
    await this.summary().focus();
    await this.page.keyboard.press("Enter");
    await expect(this.root.locator("details")).toHaveAttribute("open", "");
  }

  async openHowToFix(): Promise<void> {
    await this.expand();
    await expect(this.root.getByRole("region", { name: "How to fix" })).toBeVisible();
  }

  /** The rendered CLI commands, in order. */
  async commands(): Promise<string[]> {
    await this.openHowToFix();
    return this.root.locator("code[data-command]").allInnerTexts();
  }

  /** Clicks the copy button of the command at `index` and returns what the page shows for it. */
  async copyCommand(index = 0): Promise<string> {
    await this.openHowToFix();
    const row = this.root.locator("li").filter({ has: this.page.locator("code[data-command]") }).nth(index);
    const text = await row.locator("code[data-command]").innerText();
    await row.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(row.getByRole("button", { name: "Copied ✓" })).toBeVisible();
    return text;
  }

  form(): Locator {
    return this.root.getByRole("form", { name: /^Change / });
  }

  /** Runs one change through the item's own form and waits for its confirmation. */
  async change(action: string, fields: { comment?: string; assignee?: string; dueOn?: string; note?: string } = {}): Promise<string> {
    await this.expand();
    const form = this.form();
    await form.getByLabel("Change", { exact: true }).selectOption({ label: action });
    // The assignee is picked from iamfit's users, by email (the option's value).
    if (fields.assignee !== undefined) await form.getByLabel("Assignee", { exact: true }).selectOption(fields.assignee);
    if (fields.dueOn !== undefined) await form.getByLabel(/^Due date/).fill(fields.dueOn);
    if (fields.note !== undefined) await form.getByLabel("Note", { exact: true }).fill(fields.note);
    if (fields.comment !== undefined) await form.getByLabel(/^Why \(optional/).fill(fields.comment);
    return this.submit(form.getByRole("button", { name: "Save" }));
  }

  /**
   * Presses a button of the item's form and returns the answer. The form keeps its last answer
   * until the next one, so this waits for the server's reply and the button to come back.
   */
  private async submit(button: Locator): Promise<string> {
    const reply = this.page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
    await button.click();
    await reply;
    await expect(this.form().getByRole("button", { name: "Save" })).toBeEnabled();
    const status = this.form().getByRole("status");
    await expect(status).not.toBeEmpty();
    return status.innerText();
  }

  markDone(comment?: string): Promise<string> {
    return this.change("Mark done (claimed fixed)", { comment });
  }

  start(): Promise<string> {
    return this.change("Start (in progress)");
  }

  assign(assignee: string): Promise<string> {
    return this.change("Assign…", { assignee });
  }

  async assignToMe(): Promise<string> {
    await this.expand();
    return this.submit(this.form().getByRole("button", { name: "Assign to me" }));
  }

  async acceptRisk(reason: string, expiresOn: string): Promise<string> {
    await this.expand();
    const form = this.form();
    await form.getByLabel("Change", { exact: true }).selectOption({ label: "Accept the risk…" });
    await form.getByLabel(/^Why the risk is accepted/).fill(reason);
    await form.getByLabel(/^Accepted until/).fill(expiresOn);
    return this.submit(form.getByRole("button", { name: "Save" }));
  }

  sandboxFixButton(): Locator {
    return this.root.getByRole("button", { name: "Apply this fix in the sandbox" });
  }

  /** Applies the item's fix to the sandbox organization and returns the confirmation. */
  async applySandboxFix(): Promise<string> {
    await this.expand();
    await this.sandboxFixButton().click();
    const status = this.root.getByRole("status").filter({ hasText: /Applied in the sandbox|refused|not applied/ });
    await expect(status).toBeVisible();
    return status.innerText();
  }

  async historyText(): Promise<string> {
    await this.expand();
    return this.root.getByRole("region", { name: "History" }).innerText();
  }
}

export class ChecklistPage {
  constructor(readonly page: Page) {}

  static path(awsAccountId: string, query: Record<string, string> = {}): string {
    const search = new URLSearchParams(query).toString();
    return `/accounts/${awsAccountId}/checklist${search ? `?${search}` : ""}`;
  }

  async goto(awsAccountId: string, query: Record<string, string> = {}): Promise<void> {
    await this.page.goto(ChecklistPage.path(awsAccountId, query));
    await expect(this.page.getByRole("heading", { level: 1, name: "Remediation checklist" })).toBeVisible();
  }

  /** The page of the checklist that holds this item, with the item open (a link to the item). */
  async gotoItem(awsAccountId: string, itemId: string, query: Record<string, string> = {}): Promise<ChecklistItem> {
    await this.goto(awsAccountId, { ...query, item: itemId });
    const item = this.itemById(itemId);
    await expect(item.root.locator("details")).toHaveAttribute("open", "");
    return item;
  }

  /** Every item card shown, in page order. */
  items(): Locator {
    return this.page.locator("article[data-item-id]");
  }

  /** The first item whose card mentions `text` (a check title, a resource name). */
  item(text: string | RegExp): ChecklistItem {
    return new ChecklistItem(this.page, this.items().filter({ hasText: text }).first());
  }

  /**
   * The first item mentioning `text` (in `state`, when given), pinned by its id: the card stays
   * the same item after its state changes, which a text or state filter would not.
   */
  async find(text: string | RegExp, state?: string): Promise<ChecklistItem> {
    const cards = state ? this.page.locator(`article[data-item-id][data-state="${state}"]`) : this.items();
    const id = await cards.filter({ hasText: text }).first().getAttribute("data-item-id");
    if (!id) throw new Error(`no checklist item mentions ${String(text)}`);
    return this.itemById(id);
  }

  itemById(id: string): ChecklistItem {
    return new ChecklistItem(this.page, this.page.locator(`article[data-item-id="${id}"]`));
  }

  /** Items of one check, e.g. all `keys.rotated` items (by the check's title from the page). */
  itemsWithState(state: string): Locator {
    return this.page.locator(`article[data-state="${state}"]`);
  }

  /** One heading per check on this page (the check's title). */
  checkHeadings(): Locator {
    return this.page.locator("main section[aria-labelledby^='check-'] h2");
  }

  /** The checks' sections on this page, in order. */
  checkGroups(): Locator {
    return this.page.locator("main section[aria-labelledby^='check-']");
  }

  pagination(): Locator {
    return this.page.getByRole("navigation", { name: "items pages" }).first();
  }

  async nextPage(): Promise<void> {
    await this.pagination().getByRole("link", { name: "Next →" }).click();
    await this.page.waitForURL(/page=\d+/);
  }

  async sortBy(label: "Most severe first" | "Oldest first" | "By state"): Promise<void> {
    await this.page.getByRole("list", { name: "Order items" }).getByRole("link", { name: label }).click();
    await expect(this.page.getByRole("list", { name: "Order items" }).getByRole("link", { name: label })).toHaveAttribute("aria-current", "true");
  }

  progress(): Locator {
    return this.page.getByRole("progressbar", { name: "Items verified or fixed" });
  }

  async filterByState(label: string): Promise<void> {
    await this.page.getByRole("list", { name: "Filter by state" }).getByRole("link", { name: new RegExp(`^${label}`) }).click();
    await this.page.waitForURL(/checklist/);
  }

  async filterByAssignee(assignee: string): Promise<void> {
    const filters = this.page.getByRole("region", { name: "Filters" });
    await filters.getByLabel("Assignee", { exact: true }).selectOption({ label: assignee });
    await filters.getByRole("button", { name: "Filter" }).click();
    await this.page.waitForURL(/assignee=/);
  }

  /** Selects the items and applies one change to all of them through the bulk form. */
  async bulkAssignToMe(items: ChecklistItem[]): Promise<string> {
    for (const item of items) await item.select();
    const bulk = this.page.getByRole("region", { name: "Bulk actions" });
    await bulk.getByRole("button", { name: "Assign selected to me" }).click();
    const status = bulk.getByRole("status").last();
    await expect(status).not.toBeEmpty();
    return status.innerText();
  }

  async bulkChange(items: ChecklistItem[], action: string, fields: { comment?: string } = {}): Promise<string> {
    for (const item of items) await item.select();
    const bulk = this.page.getByRole("region", { name: "Bulk actions" });
    await bulk.getByLabel("Change the selected items").selectOption({ label: action });
    if (fields.comment !== undefined) await bulk.getByLabel(/^Why \(optional/).fill(fields.comment);
    await bulk.getByRole("button", { name: "Apply to selected" }).click();
    const status = bulk.getByRole("status").last();
    await expect(status).not.toBeEmpty();
    return status.innerText();
  }

  /** Starts a collection of this account from the page ("Collect now"). */
  async collectNow(): Promise<void> {
    await this.page.getByRole("button", { name: "Collect now" }).click();
    await expect(this.page.getByText(/Collection #?\d+|collection/i).first()).toBeVisible();
  }

  async download(format: "CSV" | "Markdown"): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("link", { name: `Export ${format}` }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString("utf8");
  }

  async openPrintView(): Promise<void> {
    await this.page.getByRole("link", { name: "Print view" }).click();
    await this.page.waitForURL(/print=1/);
  }
}

export class OrganizationChecklistsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/checklists");
    await expect(this.page.getByRole("heading", { level: 1, name: "Remediation checklists" })).toBeVisible();
  }

  accountRow(name: string): Locator {
    return this.page.getByRole("table", { name: "Checklist items per account" }).getByRole("row").filter({ hasText: name });
  }

  overdueRows(): Locator {
    return this.page.getByRole("table", { name: "Overdue checklist items" }).getByRole("row");
  }
}
