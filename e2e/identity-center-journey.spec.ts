import { expect, test } from "@playwright/test";
import { AccountScorecardPage, ExerciseFindingsPage, OrganizationScorecardPage } from "./pages/scorecard-pages";
import { waitForFirstCollection } from "./support/collections";

/**
 * People who are administrators through IAM Identity Center, as a lead finds them: the sandbox's
 * management account holds the instance, and prod-payments gives AdministratorAccess to the
 * fourteen platform engineers through their group (lib/sandbox/curated/identity-center.ts).
 */
const PROD_PAYMENTS = "102155893416";
const IC_ADMINS_CHECK = "Few people are administrators through IAM Identity Center";
const ADMIN_COUNT_CHECK = "Few users have administrator rights";

test("scorecard → prod-payments → exercise 3 → an Identity Center admin's path: group › permission set › policy", async ({ page }) => {
  await waitForFirstCollection(page);
  const organization = new OrganizationScorecardPage(page);
  await organization.goto();
  await organization.accountLink("prod-payments").click();

  await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_PAYMENTS}$`));
  const account = new AccountScorecardPage(page);
  await expect(account.heading("prod-payments")).toBeVisible();
  await account.exerciseCard(3).click();

  await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_PAYMENTS}/exercises/3$`));
  const exercise = new ExerciseFindingsPage(page);
  await expect(exercise.heading(3)).toBeVisible();
  // Identity Center admins beside the IAM admins, judged against the one limit.
  const icAdmins = exercise.finding(IC_ADMINS_CHECK);
  await expect(icAdmins).toHaveCount(1);
  await expect(icAdmins).toContainText("14 people are administrators through IAM Identity Center");
  await expect(icAdmins).toContainText("group platform-engineers › permission set AdministratorAccess › AdministratorAccess");
  await expect(icAdmins).toContainText(/with \d+ IAM users? that is \d+, more than the limit of \d+/);
  // The account's one admin count names both kinds: IAM users and people through Identity Center.
  const adminCount = exercise.finding(ADMIN_COUNT_CHECK);
  await expect(adminCount).toHaveCount(1);
  await expect(adminCount).toContainText(/\d+ IAM users? and 14 people through IAM Identity Center/);
  // Its reason names a few; its evidence lists every admin with the way they get the rights.
  await expect(adminCount).toContainText(/and \d+ more \(all of them in the evidence\)/);
  await adminCount.locator("summary", { hasText: "Evidence" }).click();
  const countEvidence = adminCount.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Through group" }) });
  await expect(countEvidence.getByRole("row").filter({ hasText: "amara.okafor" }).getByRole("cell").nth(1)).toHaveText("platform-engineers");
  await expect(countEvidence.getByRole("row").filter({ hasText: "platform-engineers" })).toHaveCount(14);

  await icAdmins.locator("summary", { hasText: "Evidence" }).click();
  await expect(icAdmins.getByRole("heading", { name: "People with administrator rights through IAM Identity Center" })).toBeVisible();
  const evidence = icAdmins.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Through group" }) });
  await expect(evidence).toBeVisible();
  const amara = evidence.getByRole("row").filter({ hasText: "amara.okafor" });
  await expect(amara.getByRole("cell").nth(1)).toHaveText("platform-engineers");
  await expect(amara.getByRole("cell").nth(2)).toHaveText("AdministratorAccess");
  await expect(amara.getByRole("cell").nth(3)).toHaveText("AdministratorAccess (AWS managed policy)");
  await expect(evidence.getByRole("row").filter({ hasText: "platform-engineers" })).toHaveCount(14);
  // The auditors' read-only set makes no one an administrator.
  await expect(evidence).not.toContainText("auditors");
});

test("the organization page lists Identity Center's permission sets, where each is assigned and who holds the instance", async ({ page }) => {
  await waitForFirstCollection(page);
  await page.goto("/organization");
  const section = page.getByRole("region", { name: "IAM Identity Center" });
  await expect(section).toContainText("Held by org-management");
  await expect(section).toContainText("the management account, in us-east-1");
  const sets = section.getByRole("table", { name: /^Permission sets of IAM Identity Center/ });
  const admin = sets.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^AdministratorAccess/ }) });
  await expect(admin).toContainText("12 hours");
  await expect(admin).toContainText("Longer than 4 hours");
  await expect(admin).toContainText("Administrator in 1 account");
  const readOnly = sets.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^ReadOnly/ }) });
  await expect(readOnly).toContainText("AWS managed policy ReadOnlyAccess");
  await expect(readOnly).toContainText("Not administrator");
  await expect(readOnly).toContainText("3 accounts · 1 group · 0 users directly");
  const emergency = sets.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^EmergencyAdmin/ }) });
  await expect(emergency).toContainText("Inline policy");
  await expect(emergency).toContainText("1 account · 0 groups · 1 user directly");

  // Where a set is assigned opens by keyboard, with the group's size and a link to each account.
  const where = admin.locator("summary");
  await where.focus();
  await page.keyboard.press("Enter");
  await expect(admin.getByRole("list", { name: "Accounts where AdministratorAccess is assigned" })).toContainText("group platform-engineers (14 people)");
  await admin.getByRole("link", { name: "prod-payments" }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_PAYMENTS}$`));
});
