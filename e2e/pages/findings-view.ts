/**
 * A findings view (/exercises/N, /accounts/<id>/exercises/N): its filter form, the findings
 * table and the "Export CSV / JSON" downloads of the whole filtered view.
 */
import { expect, type Download, type Locator, type Page } from "@playwright/test";

export class FindingsView {
  readonly filters: Locator;
  readonly table: Locator;
  readonly pageSummary: Locator;

  constructor(readonly page: Page) {
    this.filters = page.getByRole("search", { name: "Filter findings" });
    this.table = page.getByRole("table", { name: /^Findings/ });
    this.pageSummary = page.getByRole("navigation", { name: "findings pages" });
  }

  async gotoExercise(exercise: number, query = ""): Promise<void> {
    await this.page.goto(`/exercises/${exercise}${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: new RegExp(`^${exercise}\\. `) })).toBeVisible();
  }

  async filter(fields: { check?: string; status?: string; severity?: string; type?: string; account?: string }): Promise<void> {
    if (fields.check !== undefined) await this.filters.getByLabel("Check").selectOption({ label: fields.check });
    if (fields.status !== undefined) await this.filters.getByLabel("Status").selectOption({ label: fields.status });
    if (fields.severity !== undefined) await this.filters.getByLabel("Severity").selectOption({ label: fields.severity });
    if (fields.type !== undefined) await this.filters.getByLabel("Resource type").selectOption({ label: fields.type });
    if (fields.account !== undefined) await this.filters.getByLabel("Account id").fill(fields.account);
    const url = this.page.url();
    await this.filters.getByRole("button", { name: "Apply" }).click();
    await this.page.waitForURL((next) => next.toString() !== url);
  }

  /** The total the pagination reports ("1–25 of 40 findings"). */
  async total(): Promise<number> {
    const text = await this.pageSummary.innerText();
    const match = /of ([\d,]+) findings/.exec(text);
    if (!match) throw new Error(`no total in "${text}"`);
    return Number(match[1]!.replace(/,/g, ""));
  }

  async export(format: "CSV" | "JSON"): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("link", { name: `Export ${format}` }).click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk));
    return { download, text: Buffer.concat(chunks).toString("utf8") };
  }
}
