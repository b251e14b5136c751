import { expect, test } from "@playwright/test";
import { ChecklistPage } from "./pages/checklist-page";
import { credentialsFor } from "./support/auth-state";
import { waitForFirstCollection } from "./support/collections";

// dev-experiments: workload keys and risky policies, with fixes the sandbox can apply.
const ACCOUNT = "163470298815";
// media-streaming: the sandbox's largest checklist (over a hundred items). Only assignments and
// states change here, which no other journey reads.
const LARGE_ACCOUNT = "115093827461";
const SEVERITY_ORDER = ["critical", "high", "medium", "low"];

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
  const fixable = open.filter({ has: page.getByRole("button", { name: "Apply this fix in the sandbox", includeHidden: true }) });
  expect(await fixable.count()).toBeGreaterThanOrEqual(2);
  const fixed = checklist.itemById((await fixable.nth(0).getAttribute("data-item-id"))!);
  const claimedOnly = checklist.itemById((await fixable.nth(1).getAttribute("data-item-id"))!);
  const accepted = checklist.itemById(
    (await open.filter({ hasNot: page.getByRole("button", { name: "Apply this fix in the sandbox", includeHidden: true }) }).first().getAttribute("data-item-id"))!,
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
  // Each item is reached by a link to it: its page of the checklist, with the item open.
  const [fixedId, claimedOnlyId, acceptedId] = [await fixed.id(), await claimedOnly.id(), await accepted.id()];
  await checklist.gotoItem(ACCOUNT, fixedId, { state: "all" });
  await expect(fixed.root).toHaveAttribute("data-state", "done");
  await expect(fixed.summary()).toContainText("Done (claimed fixed)");
  await checklist.gotoItem(ACCOUNT, acceptedId, { state: "all" });
  await expect(accepted.root).toHaveAttribute("data-state", "risk_accepted");

  await page.goto(`/accounts/${ACCOUNT}`);
  await page.getByRole("button", { name: /^Collect( now)?$/ }).first().click();
  await expect(async () => {
    await checklist.gotoItem(ACCOUNT, fixedId, { state: "all" });
    expect(await fixed.state()).toBe("verified");
  }).toPass({ timeout: 120_000, intervals: [2_000] });

  await expect(fixed.summary()).toContainText("Verified");
  expect(await fixed.historyText()).toContain("rotated the key");
  expect(await fixed.historyText()).toMatch(/State: open → done \(claimed fixed\)/);
  await checklist.gotoItem(ACCOUNT, claimedOnlyId, { state: "all" });
  expect(await claimedOnly.state()).toBe("open");
  await expect(claimedOnly.reopenMark()).toBeVisible();
  await checklist.gotoItem(ACCOUNT, acceptedId, { state: "all" });
  expect(await accepted.state()).toBe("risk_accepted");
});

test("a checklist of over a hundred items: grouped by check, paged, ordered, collapsed; assignees picked from users, with 'assign to me'", async ({ page }) => {
  await waitForFirstCollection(page);
  const admin = credentialsFor("admin");
  const editor = credentialsFor("editor");
  const checklist = new ChecklistPage(page);
  await checklist.goto(LARGE_ACCOUNT);

  // One page of 25 collapsed rows under check headers, most severe first.
  await expect(checklist.pagination()).toContainText(/^1–25 of \d{3} items/);
  await expect(checklist.items()).toHaveCount(25);
  await expect(page.locator("article[data-item-id] details[open]")).toHaveCount(0);
  await expect(checklist.items().first().getByRole("form")).toBeHidden();
  expect(await checklist.checkGroups().count()).toBeGreaterThanOrEqual(2);
  await expect(checklist.checkGroups().first()).toContainText(/\d+ items?: \d+ open/);
  const severities = (await checklist.checkGroups().evaluateAll((groups) => groups.map((group) => group.getAttribute("data-severity") ?? ""))).map((severity) => SEVERITY_ORDER.indexOf(severity));
  expect(severities.every((rank) => rank >= 0)).toBe(true);
  expect(severities).toEqual([...severities].sort((a, b) => a - b));
  const firstPage = await checklist.items().evaluateAll((rows) => rows.map((row) => row.getAttribute("data-item-id")));
  await checklist.nextPage();
  await expect(checklist.pagination()).toContainText(/^26–50 of/);
  const secondPage = await checklist.items().evaluateAll((rows) => rows.map((row) => row.getAttribute("data-item-id")));
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
  await checklist.sortBy("Oldest first");
  await expect(page).toHaveURL(/sort=age/);
  await expect(page).not.toHaveURL(/page=/);
  await checklist.sortBy("Most severe first");

  // Open an item with the keyboard, assign it to a user from the list: the form keeps its choice.
  const item = checklist.itemById((await checklist.items().first().getAttribute("data-item-id"))!);
  expect(await item.assign(editor.email)).toBe("1 item assigned.");
  await expect(item.form().getByLabel("Change", { exact: true })).toHaveValue("assign");
  await expect(item.form().getByLabel("Assignee", { exact: true })).toHaveValue(editor.email);
  await expect(item.summary()).toContainText(editor.name);
  expect(await item.historyText()).toContain(`Assigned to ${editor.name} (was unassigned)`);

  expect(await item.assignToMe()).toBe("1 item assigned.");
  await expect(item.summary()).toContainText(admin.name);
  expect(await item.historyText()).toContain(`Assigned to ${admin.name} (was ${editor.name})`);
  expect(await item.start()).toBe("1 item started.");
  expect(await item.historyText()).toContain("State: open → in progress");

  // The server takes only iamfit's users, whatever the browser sends.
  await item.form().getByLabel("Change", { exact: true }).selectOption({ label: "Assign…" });
  await item.form().getByLabel("Assignee", { exact: true }).evaluate((select: HTMLSelectElement) => {
    select.options[select.selectedIndex]!.value = "mallory@example.com";
  });
  await item.form().getByRole("button", { name: "Save" }).click();
  await expect(item.form().getByRole("status")).toContainText("mallory@example.com is not one of iamfit's users");
  await expect(item.summary()).toContainText(admin.name);

  // Bulk: two more items to me, then the assignee filter finds my three.
  const others = [checklist.itemById(firstPage[1]!), checklist.itemById(firstPage[2]!)];
  expect(await checklist.bulkAssignToMe(others)).toBe("2 items assigned.");
  await checklist.filterByAssignee(`${admin.name} (${admin.email})`);
  await expect(checklist.items()).toHaveCount(3);
  await expect(checklist.pagination()).toContainText(/^1–3 of 3 items/);
});
