import { expect, test, type Page } from "@playwright/test";
import { waitForFirstCollection } from "./support/collections";

/**
 * What a person reads on every exercise page, of an account and of the organization, with every
 * finding's evidence opened: no code identifiers (camelCase, snake_case, dotted keys) and no
 * internal codes. AWS's own text (names, ARNs, policy JSON) is shown verbatim as code and is not
 * what this reads.
 */

// legacy-monolith and media-streaming have the most, and most varied, findings; staging-web has the hostile names.
const ACCOUNTS = ["189012374650", "115093827461", "091735462880"];
const EXERCISES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const CODE_IDENTIFIER = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z0-9]+_[a-z0-9_]+\b|\b[a-z]+\.[a-z]+[A-Z][A-Za-z]*\b/g;

/** The main content's text as a person reads it, without AWS's verbatim values, every evidence opened. */
async function readableText(page: Page): Promise<string> {
  // Opened only once the page is hydrated: a part React renders again on the client comes back closed.
  await page.waitForLoadState("networkidle");
  await page.locator("main details:not([open]) > summary").evaluateAll((summaries) => summaries.forEach((summary) => (summary.parentElement as HTMLDetailsElement).open = true));
  // Findings rows fetch their evidence when opened: read only once every one has arrived, whole.
  await expect(page.locator("main [data-evidence-loading]")).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByText("The evidence could not be loaded")).toHaveCount(0);
  return page.locator("main").evaluate((main) => {
    const skipped = "[data-verbatim], code, pre, script, style, [hidden]";
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest(skipped)) texts.push(node.textContent ?? "");
    }
    return texts.join(" ");
  });
}

function identifiersIn(text: string): string[] {
  return [...new Set(text.match(CODE_IDENTIFIER) ?? [])];
}

test.describe("evidence and findings read as words", () => {
  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    await waitForFirstCollection(page);
    await page.close();
  });

  for (const account of ACCOUNTS) {
    test(`every exercise page of account ${account}`, async ({ page }) => {
      const found: string[] = [];
      let evidenceRead = 0;
      for (const exercise of EXERCISES) {
        await page.goto(`/accounts/${account}/exercises/${exercise}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        for (const identifier of identifiersIn(await readableText(page))) found.push(`exercise ${exercise}: ${identifier}`);
        evidenceRead += await page.locator("main [data-evidence]").count();
      }
      expect(found).toEqual([]);
      // The evidence fetched as rows opened is what was read, not its loading line.
      expect(evidenceRead).toBeGreaterThan(10);
    });
  }

  test("every exercise page across the organization", async ({ page }) => {
    const found: string[] = [];
    for (const exercise of EXERCISES) {
      await page.goto(`/exercises/${exercise}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      for (const identifier of identifiersIn(await readableText(page))) found.push(`exercise ${exercise}: ${identifier}`);
    }
    expect(found).toEqual([]);
  });
});
