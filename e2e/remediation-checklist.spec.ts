import { expect, test } from "@playwright/test";
import { ChecklistPage } from "./pages/checklist-page";
import { waitForFirstCollection } from "./support/collections";

// dev-experiments: workload keys and risky policies, with fixes the sandbox can apply.
const ACCOUNT = "163470298815";

test("work a checklist: copy a command, claim fixes, accept a risk, fix in the sandbox, collect, see verified and reopened", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await waitForFirstCollection(page);
  const checklist = new ChecklistPage(page);
  await checklist.goto(ACCOUNT);
  await expect(checklist.items().first()).toBeVisible();

  const open = checklist.itemsWithState("open");
  const fixable = open.filter({ has: page.getByRole("button", { name: "Apply this fix in the sandbox" }) });
  expect(await fixable.count()).toBeGreaterThanOrEqual(2);
  const fixed = checklist.itemById((await fixable.nth(0).getAttribute("data-item-id"))!);
  const claimedOnly = checklist.itemById((await fixable.nth(1).getAttribute("data-item-id"))!);
  const accepted = checklist.itemById(
    (await open.filter({ hasNot: page.getByRole("button", { name: "Apply this fix in the sandbox" }) }).first().getAttribute("data-item-id"))!,
  );

  const commands = await fixed.commands();
  const awsIndex = commands.findIndex((line) => /(^|\n)aws /.test(line));
  expect(awsIndex).toBeGreaterThanOrEqual(0);
  const copied = await fixed.copyCommand(awsIndex);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(copied);

  await fixed.markDone("rotated the key");
  await fixed.applySandboxFix();
  await claimedOnly.markDone("I think it is done");
  const expiry = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await accepted.acceptRisk("Compensating control: SCP denies this in prod", expiry);
  await checklist.goto(ACCOUNT, { state: "all" });
  await expect(fixed.root).toHaveAttribute("data-state", "done");
  await expect(fixed.root).toContainText("Done (claimed fixed)");
  await expect(accepted.root).toHaveAttribute("data-state", "risk_accepted");

  await page.goto(`/accounts/${ACCOUNT}`);
  await page.getByRole("button", { name: /^Collect( now)?$/ }).first().click();
  await expect(async () => {
    await checklist.goto(ACCOUNT, { state: "all" });
    expect(await fixed.state()).toBe("verified");
  }).toPass({ timeout: 120_000, intervals: [2_000] });

  await expect(fixed.root).toContainText("Verified");
  expect(await claimedOnly.state()).toBe("open");
  await expect(claimedOnly.reopenMark()).toBeVisible();
  expect(await accepted.state()).toBe("risk_accepted");
  expect(await fixed.historyText()).toContain("rotated the key");
});
