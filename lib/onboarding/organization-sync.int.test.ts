import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AwsConnectionOptions } from "@/lib/aws/client-factory";
import { linkAccounts, unlinkAccounts } from "@/lib/db/account-links";
import { db } from "@/lib/db/client";
import { listOrganizationSyncs, listLinkedOuPaths } from "@/lib/db/organization-inventory";
import { listOrganizationAccounts, saveOrganizationSettings } from "./organization-store";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { CLOSED_MEMBER_ID, SUSPENDED_MEMBER_ID } from "@/lib/sandbox/curated/organization-units";
import { sandboxPlugin } from "@/lib/sandbox/plugin";
import { testWorld } from "@/lib/sandbox/test-fixtures";
import type { SandboxWorld } from "@/lib/sandbox/world";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { linkOrganizationAccounts } from "./link-organization-accounts";
import { DEFAULT_ORGANIZATION_SETTINGS } from "./organization-settings";
import { syncOrganization } from "./organization-sync";

const ids = CURATED_ACCOUNT_IDS;

function connectionOptions(world: SandboxWorld): AwsConnectionOptions {
  return { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [sandboxPlugin(world, { builtInRules: false })], maxAttempts: 1, retryMode: "standard" };
}

async function linkedRow(awsAccountId: string) {
  return db().linkedAccount.findUniqueOrThrow({ where: { awsAccountId }, select: { ouPath: true, organizationState: true, removedAt: true, source: true, roleArn: true } });
}

describe("syncOrganization against the sandbox organization", () => {
  let database: TestDatabase;
  const world = testWorld({ generatedAccounts: 6 });
  const curated = world.accounts().filter((account) => account.kind === "curated");
  const generated = world.accounts().filter((account) => account.kind === "generated");

  beforeAll(async () => {
    database = await createTestDatabase();
    // As at a sandbox first start: the curated accounts are linked, plus the suspended member by hand.
    await linkAccounts(
      [...curated, { accountId: SUSPENDED_MEMBER_ID, roleArn: `arn:aws:iam::${SUSPENDED_MEMBER_ID}:role/iamfit-audit`, name: "retired-analytics" }].map((account) => ({
        accountId: account.accountId,
        name: account.name,
        roleArn: account.roleArn,
        externalId: world.externalId,
        tags: {},
      })),
      { source: "manual", onExisting: "skip" },
    );
  });
  afterAll(async () => database?.drop());

  it("stores every account with its OU path and state, and shows which are linked", async () => {
    const result = await syncOrganization("manual", { connectionOptions: connectionOptions(world) });
    expect(result).toMatchObject({ ok: true, organizationId: world.organizationId, accountsFound: world.accounts().length + 2, linked: [] });
    const rows = await listOrganizationAccounts();
    const row = (accountId: string) => rows.find((candidate) => candidate.accountId === accountId);
    expect(row(ids.prodPayments)).toMatchObject({ ouPath: "Root/Workloads/Prod", state: "ACTIVE", linkState: "linked" });
    expect(row(CLOSED_MEMBER_ID)).toMatchObject({ ouPath: "Root/Suspended", state: "CLOSED", linkState: "not_linked", linked: null });
    expect(rows.filter((candidate) => candidate.linkState === "not_linked").map((candidate) => candidate.accountId).sort()).toEqual(
      [...generated.map((account) => account.accountId), CLOSED_MEMBER_ID].sort(),
    );
  });

  it("carries OU path and Organizations state over to the linked accounts, and marks the suspended one", async () => {
    expect(await linkedRow(ids.edgeNetwork)).toMatchObject({ ouPath: "Root/Infrastructure", organizationState: "ACTIVE" });
    expect(await linkedRow(SUSPENDED_MEMBER_ID)).toMatchObject({ ouPath: "Root/Suspended", organizationState: "SUSPENDED" });
    const [latest] = await listOrganizationSyncs(1);
    expect(latest).toMatchObject({ trigger: "manual", status: "succeeded", accountsFound: world.accounts().length + 2, accountsMarked: 1 });
    expect(await listLinkedOuPaths()).toContainEqual({ ouPath: "Root/Workloads/Prod", accounts: 3 });
  });

  it("links new accounts automatically when configured, outside excluded OUs, and starts collecting them", async () => {
    await saveOrganizationSettings({ ...DEFAULT_ORGANIZATION_SETTINGS, autoLink: true, role: "auditor", externalId: "org-wide-id", excludeOus: ["Sandbox", "Typo"], managedBy: "ui" });
    const requested: string[][] = [];
    const result = await syncOrganization("schedule", { connectionOptions: connectionOptions(world), requestCollection: async (accountIds) => void requested.push(accountIds) });
    const sandboxOu = new Set((await listOrganizationAccounts()).filter((row) => row.ouPath === "Root/Sandbox").map((row) => row.accountId));
    const expected = generated.map((account) => account.accountId).filter((id) => !sandboxOu.has(id)).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(result.ok && [...result.linked].sort()).toEqual(expected);
    expect(result.ok && result.warnings).toEqual(['OU pattern "Typo" matches no OU of the organization']);
    expect(requested.flat().sort()).toEqual(expected);
    const first = await linkedRow(expected[0] ?? "");
    expect(first).toMatchObject({ source: "organization", roleArn: `arn:aws:iam::${expected[0]}:role/auditor` });
    expect(first.ouPath).toMatch(/^Root\/Workloads\//);
  });

  it("never links again an account someone removed", async () => {
    const [removed] = await unlinkAccounts([ids.stagingWeb]);
    const result = await syncOrganization("schedule", { connectionOptions: connectionOptions(world) });
    expect(removed).toBe(ids.stagingWeb);
    expect(result.ok && result.linked).toEqual([]);
    expect((await linkedRow(ids.stagingWeb)).removedAt).not.toBeNull();
  });

  it("links a selection by hand with one role name and ExternalId, skipping the closed account", async () => {
    const outcome = await linkOrganizationAccounts([ids.stagingWeb, CLOSED_MEMBER_ID, ids.prodPayments], { roleName: "iamfit-audit", externalId: world.externalId });
    expect(outcome.linked).toEqual([ids.stagingWeb]);
    expect(outcome.skipped.map((skip) => [skip.accountId, skip.reason])).toEqual([
      [CLOSED_MEMBER_ID, "closed in AWS Organizations: there is nothing left to audit"],
      [ids.prodPayments, "already linked"],
    ]);
    expect((await linkedRow(ids.stagingWeb)).removedAt).toBeNull();
  });

  it("records a failed sync with the fix in words and keeps the inventory it had", async () => {
    await saveOrganizationSettings({ ...DEFAULT_ORGANIZATION_SETTINGS, discoveryRoleArn: `arn:aws:iam::${ids.prodPayments}:role/iamfit-audit`, discoveryExternalId: world.externalId, managedBy: "ui" });
    const before = (await listOrganizationAccounts()).length;
    const result = await syncOrganization("manual", { connectionOptions: connectionOptions(world) });
    expect(result.ok).toBe(false);
    const [latest] = await listOrganizationSyncs(1);
    expect(latest?.status).toBe("failed");
    expect(latest?.error).toMatchObject({ api: "organizations:ListRoots", code: "AccessDeniedException" });
    expect(latest?.error?.message).toMatch(/management account or a delegated administrator/);
    expect(await listOrganizationAccounts()).toHaveLength(before);
  });

  it("reads the organization through a role in the management account", async () => {
    await saveOrganizationSettings({ ...DEFAULT_ORGANIZATION_SETTINGS, discoveryRoleArn: `arn:aws:iam::${ids.orgManagement}:role/iamfit-audit`, discoveryExternalId: world.externalId, managedBy: "ui" });
    const result = await syncOrganization("cli", { connectionOptions: connectionOptions(world) });
    expect(result).toMatchObject({ ok: true, accountsFound: world.accounts().length + 2 });
  });
});
