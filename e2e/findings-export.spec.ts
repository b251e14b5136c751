import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { FindingsView } from "./pages/findings-view";
import { waitForFirstCollection } from "./support/collections";

// staging-web carries the sandbox's hostile names: a user `<img src=x onerror=alert(1)>` in a group `=HYPERLINK("http://x")`.
const STAGING_WEB = "091735462880";
const LEGACY_MONOLITH = "189012374650";

function readCsv(text: string): Array<Record<string, string>> {
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [header, ...rows] = parse(text.slice(1)) as string[][];
  expect(header).toEqual(["account_id", "account_name", "exercise", "check_id", "check", "status", "severity", "resource_type", "resource", "resource_name", "region", "reason", "first_seen", "evidence"]);
  return rows.map((row) => Object.fromEntries(header!.map((column, index) => [column, row[index] ?? ""])));
}

test.beforeEach(async ({ page }) => {
  await waitForFirstCollection(page);
});

test("filter an exercise's findings and export them as CSV: the file holds exactly the filtered rows, hostile names inert", async ({ page }) => {
  const view = new FindingsView(page);
  await view.gotoExercise(3);
  await view.filter({ check: "Users get permissions only through groups", status: "Passing", account: STAGING_WEB });
  await expect(page).toHaveURL(/check=users\.permissions-via-groups/);
  await expect(page).toHaveURL(/status=pass/);
  await expect(view.table.getByRole("link", { name: "<img src=x onerror=alert(1)>" })).toBeVisible();
  const shown = await view.total();

  const { download, text } = await view.export("CSV");
  expect(download.suggestedFilename()).toMatch(/^iamfit-findings-exercise-3-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = readCsv(text);
  expect(rows).toHaveLength(shown);
  for (const row of rows) {
    expect(row).toMatchObject({ account_id: STAGING_WEB, account_name: "staging-web", exercise: "3", check_id: "users.permissions-via-groups", status: "pass" });
  }
  const hostile = rows.find((row) => row.resource_name === "<img src=x onerror=alert(1)>");
  expect(hostile?.resource).toBe(`arn:aws:iam::${STAGING_WEB}:user/<img src=x onerror=alert(1)>`);
  expect(JSON.parse(hostile!.evidence!)).toMatchObject({ groups: ['=HYPERLINK("http://x")'] });
  // No cell a spreadsheet would evaluate: every one starting with = + - @ tab or CR is quoted.
  for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
});

test("an export holds every page of the filtered view, not just the one shown, in CSV and JSON alike", async ({ page }) => {
  const view = new FindingsView(page);
  await view.gotoExercise(5);
  await view.filter({ type: "region" });
  const total = await view.total();
  expect(total).toBeGreaterThan(25);
  await expect(view.table.getByRole("row").nth(1)).toBeVisible();

  const csv = readCsv((await view.export("CSV")).text);
  expect(csv).toHaveLength(total);
  expect(new Set(csv.map((row) => row.resource_type))).toEqual(new Set(["region"]));
  expect(new Set(csv.map((row) => row.status))).toEqual(new Set(["fail"]));

  const json = JSON.parse((await view.export("JSON")).text) as { findings: Array<{ accountId: string; resource: string; status: string; exercise: number }> };
  expect(json.findings.map((finding) => `${finding.accountId} ${finding.resource}`)).toEqual(csv.map((row) => `${row.account_id} ${row.resource}`));
  expect(json.findings.every((finding) => finding.exercise === 5 && finding.status === "fail")).toBe(true);
});

test("an account's exercise view exports that account only, with the root access key of legacy-monolith", async ({ page }) => {
  await page.goto(`/accounts/${LEGACY_MONOLITH}/exercises/1?severity=critical`);
  const view = new FindingsView(page);
  const rows = readCsv((await view.export("CSV")).text);
  expect(rows.length).toBe(await view.total());
  expect(new Set(rows.map((row) => `${row.account_id} ${row.exercise} ${row.severity} ${row.status}`))).toEqual(new Set([`${LEGACY_MONOLITH} 1 critical fail`]));
  expect(rows.map((row) => row.check_id)).toContain("root.access-keys");
});
