import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/auth-state";
import { waitForFirstCollection } from "./support/collections";

const LEGACY_MONOLITH = "189012374650";

// The main pages, after the sandbox's first collection so tables, charts and badges are filled in.
const PAGES = [
  ["the organization scorecard", "/"],
  ["the accounts", "/accounts"],
  ["an account", `/accounts/${LEGACY_MONOLITH}`],
  ["an exercise", "/exercises/1"],
  ["an account's exercise", `/accounts/${LEGACY_MONOLITH}/exercises/2`],
  ["the collections", "/runs"],
  ["the changes", "/changes"],
  ["the checklists", "/checklists"],
  ["an account's checklist", `/accounts/${LEGACY_MONOLITH}/checklist`],
  // Its IAM Identity Center section: permission sets, badges and collapsed assignments.
  ["the organization page", "/organization"],
] as const;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: storageStatePath("admin") });
  await waitForFirstCollection(page);
  await page.close();
});

for (const [name, path] of PAGES) {
  test(`${name} (${path}) has no WCAG 2.1 A or AA violation`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const violations = results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
    expect(violations).toEqual([]);
  });
}
