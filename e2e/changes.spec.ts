import { expect, test } from "@playwright/test";
import { ChecklistPage } from "./pages/checklist-page";
import { waitForFirstCollection } from "./support/collections";

// edge-network: its global STS endpoint still issues v1 tokens, which the sandbox can fix.
// Other journeys read legacy-monolith, staging-web and dev-experiments; this one changes only this account.
const EDGE_NETWORK = "178820613059";
const CHECK_ID = "sts.global-token-v2";

test("fix a finding in the sandbox, collect the account, and /changes lists it as fixed", async ({ page }) => {
  await waitForFirstCollection(page);
  // The exercise's JSON export (the API's finding shape) with the signed-in session: /api/v1 takes tokens only.
  const failing = async () =>
    (
      (await (await page.request.get(`/accounts/${EDGE_NETWORK}/exercises/7/export?format=json&check=${CHECK_ID}&status=fail`)).json()) as {
        findings: Array<{ checkTitle: string; resourceName: string }>;
      }
    ).findings;
  const [before] = await failing();
  expect(before, "edge-network fails sts.global-token-v2").toBeDefined();

  const checklist = new ChecklistPage(page);
  await checklist.goto(EDGE_NETWORK);
  const item = await checklist.find(before!.checkTitle, "open");
  expect(await item.applySandboxFix()).toMatch(/Applied in the sandbox/);

  await page.goto(`/accounts/${EDGE_NETWORK}`);
  await page.getByRole("button", { name: /^Collect( now)?$/ }).first().click();
  await expect(async () => {
    expect(await failing()).toEqual([]);
  }).toPass({ timeout: 120_000, intervals: [2_000] });

  await page.goto(`/changes?kind=fixed&account=${EDGE_NETWORK}`);
  await expect(page.getByRole("link", { name: /^Got fixed \(\d+\)$/ })).toHaveAttribute("aria-current", "page");
  const fixed = page.getByRole("table", { name: /^Changes between the two runs/ }).getByRole("row").filter({ hasText: before!.checkTitle });
  await expect(fixed).toHaveCount(1);
  await expect(fixed).toContainText(before!.resourceName);
  await expect(fixed).toContainText(/Fail[\s\S]*became[\s\S]*Pass/);
});
