import { expect, test, type Locator, type Page } from "@playwright/test";
import { LinkAccountPage } from "./pages/link-account-page";
import { AccountScorecardPage, OrganizationScorecardPage } from "./pages/scorecard-pages";
import { storageStatePath } from "./support/auth-state";
import { waitForFirstCollection } from "./support/collections";

type Counts = Awaited<ReturnType<typeof OrganizationScorecardPage.failureCounts>>;
const SEVERITY_ORDER = ["critical", "high", "medium", "low"] as const;

/** Negative when `a` is more critical than `b`: critical first, then high, medium and low break ties. */
function compareMostCritical(a: Counts, b: Counts): number {
  for (const severity of SEVERITY_ORDER) if (a[severity] !== b[severity]) return b[severity] - a[severity];
  return 0;
}

// A name of exactly 100 characters (the longest a display name may be), with spaces like a real one.
const LONG_NAME = "Payments platform production workloads for the European retail and wholesale banking division 2026".padEnd(100, "x");

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: storageStatePath("admin") });
  await waitForFirstCollection(page);
  await page.close();
});

test("the grid counts open failures by severity beside each score and sorts most critical first, in the URL", async ({ page }) => {
  const grid = new OrganizationScorecardPage(page);
  await grid.goto();
  await grid.failuresHeader().click();
  await expect(page).toHaveURL(/[?&]sort=failures&dir=desc/);
  await expect(page.getByRole("columnheader", { name: /^Open failures/ })).toHaveAttribute("aria-sort", "descending");

  const rows = grid.accountRows();
  const assessed: Counts[] = [];
  for (const row of await rows.all()) {
    if ((await row.getByRole("cell").nth(2).textContent())?.includes("not assessed")) continue;
    assessed.push(await OrganizationScorecardPage.failureCounts(row));
  }
  expect(assessed.length).toBeGreaterThan(3);
  // The sandbox has accounts with critical failures; the first is the most critical.
  expect(assessed[0]!.critical).toBeGreaterThan(0);
  expect([...assessed].sort(compareMostCritical)).toEqual(assessed);

  // Reloading the URL keeps the order: the sort lives in the search params.
  const firstName = await rows.first().getByRole("rowheader").getByRole("link").textContent();
  await page.reload();
  await expect(grid.accountRows().first().getByRole("rowheader").getByRole("link")).toHaveText(firstName!);
});

test("accounts needing attention are ranked by open critical, then high failures, not by score", async ({ page }) => {
  const grid = new OrganizationScorecardPage(page);
  await grid.goto();
  const items = grid.attentionItems();
  await expect(items.first()).toBeVisible();
  const ranked: Array<{ critical: number; high: number }> = [];
  for (const item of await items.all()) {
    const text = (await item.textContent()) ?? "";
    ranked.push({ critical: Number(/(\d+) critical/.exec(text)?.[1] ?? 0), high: Number(/(\d+) high/.exec(text)?.[1] ?? 0) });
  }
  expect(ranked[0]!.critical).toBeGreaterThan(0);
  const sorted = [...ranked].sort((a, b) => b.critical - a.critical || b.high - a.high);
  expect(ranked).toEqual(sorted);
});

test("exercise titles keep the guide's wording and say what they cover, so CloudTrail and security groups can be found", async ({ page }) => {
  await page.goto("/accounts/189012374650/exercises/5");
  await expect(page.getByRole("heading", { level: 1, name: "5. Least Privilege: Limit what IAM Entities Can Do with Strong Policies" })).toBeVisible();
  await expect(page.getByRole("main").getByText("Least privilege, unused identities, CloudTrail and Access Analyzer").first()).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Exercises" });
  await expect(nav.getByRole("link", { name: /^9\. Security groups/ })).toContainText("Security groups, default groups and broad Allow statements");
  await expect(nav.getByRole("link", { name: /^9\. / })).toHaveAttribute("title", /Do Not Allow Unless You Mean It/);

  await page.goto("/accounts/189012374650");
  await expect(new AccountScorecardPage(page).exerciseCard(5)).toContainText("CloudTrail");
});

test("an exercise set to 0 by one failing check names that check on the card and the exercise page", async ({ page }) => {
  // In the sandbox, sandbox-playground's exercise 6 is judged only by its password policy, which
  // fails; its access keys have nothing to judge. That one check sets the exercise to 0.
  await page.goto("/accounts/120553718046");
  const card = new AccountScorecardPage(page).exerciseCard(6);
  await expect(card).toContainText(/One failing check sets this exercise to 0: The password policy [^.]+\./);
  const sentence = (await card.textContent())!.match(/One failing check sets this exercise to 0: [^.]+\./)![0];
  await card.click();
  await expect(page).toHaveURL(/\/accounts\/120553718046\/exercises\/6$/);
  await expect(page.getByRole("heading", { level: 1, name: /^6\. Rotate all the Keys Regularly/ })).toBeVisible();
  await expect(page.getByRole("main").getByText(sentence, { exact: true })).toBeVisible();
  await expect(page.getByText(/so this check alone decides the exercise/)).toBeVisible();

  // An exercise that is not at 0 says nothing of the kind.
  await expect(page.getByText(/sets this exercise to 0/)).toHaveCount(1);
  await page.goto("/accounts/120553718046/exercises/2");
  await expect(page.getByText(/sets this exercise to 0/)).toHaveCount(0);
});

async function linkLongNamedAccount(page: Page): Promise<void> {
  await page.goto(`/accounts?q=${encodeURIComponent(LONG_NAME.slice(0, 40))}`);
  if ((await page.getByRole("link", { name: LONG_NAME, exact: true }).count()) > 0) return;
  const form = new LinkAccountPage(page);
  await form.goto();
  // An id outside the sandbox organization: it stays not assessed, which is enough for the grid's layout.
  await form.fill({ accountId: `8${String(Date.now()).slice(-11)}`, role: "iamfit-audit", name: LONG_NAME });
  await form.linkButton.click();
  await expect(page.getByRole("heading", { level: 1, name: LONG_NAME })).toBeVisible();
}

async function box(locator: Locator) {
  const value = await locator.boundingBox();
  expect(value).not.toBeNull();
  return value!;
}

test.describe("a grid for any name length", () => {
  test("at 1440 px a 100-character name is cut, whole on hover and focus, and every exercise column stays on screen", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await linkLongNamedAccount(page);
    const grid = new OrganizationScorecardPage(page);
    await grid.goto();
    const name = grid.accountLink(LONG_NAME);
    await expect(name).toHaveAttribute("title", LONG_NAME);
    const truncated = await name.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(truncated).toBe(true);

    for (let exercise = 1; exercise <= 10; exercise += 1) {
      const header = grid.exerciseHeader(exercise);
      const { x, width } = await box(header);
      expect(x + width).toBeLessThanOrEqual(1440);
      // The short title wraps between words and is never clipped; the full title is on hover.
      expect(await header.evaluate((element) => [...element.querySelectorAll("span:not(.sr-only)")].every((span) => span.scrollWidth <= span.clientWidth + 1))).toBe(true);
      await expect(header).toHaveAttribute("title", /^\d+\. .+ \(.+\): sort by this exercise$/);
    }

    // Keyboard focus shows the whole name in place (a title only appears on hover).
    await name.focus();
    await expect(name).toBeFocused();
    expect(await name.evaluate((element) => element.matches(":focus-visible") && element.scrollWidth <= element.clientWidth + 1)).toBe(true);
  });

  test("at 390 px the page does not scroll sideways: the grid scrolls inside its frame with the names kept narrow", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await linkLongNamedAccount(page);
    const grid = new OrganizationScorecardPage(page);
    await grid.goto();
    const name = grid.accountLink(LONG_NAME);
    await expect(name).toBeVisible();
    expect((await box(name)).width).toBeLessThanOrEqual(200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
