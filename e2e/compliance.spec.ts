import { expect, test, type Download, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { waitForFirstCollection } from "./support/collections";

const LEGACY_MONOLITH = "189012374650";
const ROOT_ARN = `arn:aws:iam::${LEGACY_MONOLITH}:root`;

function controlRow(page: Page, id: string) {
  return page.locator(`tr[data-control="${id}"]`);
}

async function download(page: Page, name: string): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(Buffer.from(chunk));
  return { file, text: Buffer.concat(chunks).toString("utf8") };
}

test.beforeEach(async ({ page }) => {
  await waitForFirstCollection(page);
});

test("the organization's CIS benchmark page lists every control by section, failing, unknown, passing and not assessed", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "CIS benchmark" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CIS AWS Foundations Benchmark" })).toBeVisible();
  await expect(page.getByText("CIS Amazon Web Services Foundations Benchmark v3.0.0").first()).toBeVisible();
  for (const section of ["1 Identity and Access Management", "2.1 Storage: Simple Storage Service (S3)", "3 Logging", "5 Networking"]) {
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  await expect(page.locator("tr[data-control]")).toHaveCount(41);

  // legacy-monolith's root user has an access key: 1.4 fails in at least that account.
  const rootKeys = controlRow(page, "1.4");
  await expect(rootKeys.locator("td").nth(1)).toHaveText(/^\W*Fail$/);
  expect(Number(await rootKeys.locator("td").nth(2).innerText())).toBeGreaterThanOrEqual(1);
  await expect(rootKeys.getByRole("link", { name: "The root user has no active access key" })).toBeVisible();

  // A control iamfit has no check for is listed, in words.
  await expect(controlRow(page, "1.1").getByText("Not assessed by iamfit").first()).toBeVisible();

  await page.getByRole("list", { name: "Show controls by status" }).getByRole("link", { name: /^Not assessed by iamfit/ }).click();
  await expect(page).toHaveURL(/status=not-assessed/);
  await expect(controlRow(page, "1.4")).toHaveCount(0);
  await expect(controlRow(page, "3.2")).toBeVisible();
  const shown = await page.locator("tr[data-control]").count();

  const { file, text } = await download(page, "Export CSV");
  expect(file.suggestedFilename()).toMatch(/^iamfit-cis-aws-organization-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = parse(text.slice(1)) as string[][];
  expect(header!.slice(0, 4)).toEqual(["Control", "Section", "Title", "Status"]);
  expect(rows).toHaveLength(shown);
  for (const row of rows) expect(row[3]).toBe("Not assessed by iamfit");
});

test("an account's CIS benchmark page names the failing resources and links them to their findings", async ({ page }) => {
  await page.goto(`/accounts/${LEGACY_MONOLITH}`);
  await page.getByRole("link", { name: "CIS benchmark →" }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${LEGACY_MONOLITH}/compliance$`));
  await expect(page.getByRole("heading", { level: 1, name: "CIS AWS Foundations Benchmark: legacy-monolith" })).toBeVisible();

  const rootKeys = controlRow(page, "1.4");
  await expect(rootKeys.locator("td").nth(1)).toHaveText(/^\W*Fail$/);
  await expect(rootKeys.locator("td").nth(2).getByText(/root user has .*access key/)).toBeVisible();
  await expect(controlRow(page, "5.6").getByText("Not assessed by iamfit").first()).toBeVisible();

  const { text } = await download(page, "Export JSON");
  const report = JSON.parse(text) as { scope: { accountId: string }; controls: Array<{ id: string; status: string; resources?: Array<{ resource: string; link: string }> }> };
  expect(report.scope.accountId).toBe(LEGACY_MONOLITH);
  expect(report.controls).toHaveLength(41);
  const exported = report.controls.find((control) => control.id === "1.4")!;
  expect(exported.status).toBe("fail");
  expect(exported.resources!.map((resource) => resource.resource)).toEqual([ROOT_ARN]);
  expect(exported.resources![0]!.link).toMatch(/^http:\/\/[^/]+\/accounts\/189012374650\/resources\?id=/);
  expect(report.controls.find((control) => control.id === "1.1")!.status).toBe("not_assessed");

  await rootKeys.locator("td").nth(2).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${LEGACY_MONOLITH}/resources\\?id=${encodeURIComponent(ROOT_ARN).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
});
