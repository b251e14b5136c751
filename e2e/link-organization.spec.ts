import { expect, test } from "@playwright/test";
import { OrganizationPage } from "./pages/organization-page";

// Ids of the sandbox organization (lib/sandbox/curated): fixed across seeds.
const PROD_PAYMENTS = "102155893416";
const STAGING_WEB = "091735462880";
const DEV_EXPERIMENTS = "163470298815";
const SANDBOX_PLAYGROUND = "120553718046";
const SUSPENDED = "157204938261";
const CLOSED = "172938465013";

test("discovering the organization shows every account by OU, linked or not, suspended and closed", async ({ page }) => {
  const organization = new OrganizationPage(page);
  await organization.goto();
  await organization.discover();
  await expect(organization.syncSummary).toContainText("13 accounts");

  await expect(organization.group("Root/Workloads/Prod")).toContainText("prod-payments");
  await expect(organization.row(PROD_PAYMENTS)).toContainText("Linked");
  await expect(organization.row(SUSPENDED)).toContainText("Suspended");
  await expect(organization.row(CLOSED)).toContainText("Closed");
  // iamfit cannot assume a role in a suspended or closed account: nothing to select there.
  await expect(organization.checkbox(SUSPENDED)).toBeDisabled();
  await expect(organization.checkbox(CLOSED)).toBeDisabled();
});

test("an entire organization is linked in a few clicks with one role name and ExternalId", async ({ page }) => {
  const organization = new OrganizationPage(page);
  await organization.goto();
  await organization.discover();

  // The sandbox links its accounts at first start; stop auditing some so there is something to link.
  for (const accountId of [STAGING_WEB, DEV_EXPERIMENTS, SANDBOX_PLAYGROUND]) await organization.checkbox(accountId).check();
  await organization.stopAuditingButton.click();
  await expect(organization.result).toContainText("Stopped auditing");
  await expect(organization.row(STAGING_WEB)).toContainText("Removed");

  // The journey itself: select every account not linked, keep the role name and ExternalId, link.
  // (Other journeys may have removed accounts too; all of them are linked here.)
  const notLinked = Number(/\((\d+)\)/.exec((await organization.selectAllNotLinked.textContent()) ?? "")?.[1]);
  expect(notLinked).toBeGreaterThanOrEqual(3);
  await organization.selectAllNotLinked.click();
  await expect(organization.linkButton).toHaveText(`Link ${notLinked} accounts`);
  await expect(organization.roleName).toHaveValue("iamfit-audit");
  await expect(organization.externalId).not.toHaveValue("");
  await organization.linkButton.click();
  await expect(organization.result).toContainText(`Linked ${notLinked} accounts; their first collection has started.`);
  for (const accountId of [STAGING_WEB, DEV_EXPERIMENTS, SANDBOX_PLAYGROUND]) await expect(organization.row(accountId)).toContainText("Linked");
  await expect(organization.selectAllNotLinked).toHaveText("Select all not linked (0)");

  // Filtered views are links: only the accounts still not linked.
  await organization.goto("?show=not_linked");
  await expect(page.getByText("No accounts match these filters.")).toBeVisible();
});

test("the connection-health page lists every linked account and tests one again", async ({ page }) => {
  await page.goto("/accounts/health");
  await expect(page.getByRole("heading", { name: "Connection health" })).toBeVisible();
  const row = page.locator(`tr[data-account-id="${PROD_PAYMENTS}"]`);
  await expect(row).toContainText("prod-payments");
  await row.getByRole("button", { name: /Test again/ }).click();
  await expect(row.getByRole("list", { name: "Connection test steps" })).toContainText("sts:AssumeRole");
  await expect(row).toContainText("Connection works");
});

test("the audit-role templates are filled in for this installation", async ({ page }) => {
  await page.goto("/onboarding/templates");
  await expect(page.getByRole("heading", { name: "The audit role, ready to deploy" })).toBeVisible();
  const stackSet = page.getByRole("region", { name: "StackSet as a CloudFormation stack" });
  await expect(stackSet).toContainText("PermissionModel: SERVICE_MANAGED");
  await expect(stackSet).toContainText(/Default: "r-[a-z0-9]{4}"/);
  await expect(page.getByRole("region", { name: "CloudFormation template" })).toContainText("!Sub arn:${AWS::Partition}:iam::aws:policy/SecurityAudit");
});
