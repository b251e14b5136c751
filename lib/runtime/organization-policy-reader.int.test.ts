import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveOrganizationSettings } from "@/lib/onboarding/organization-store";
import { DEFAULT_ORGANIZATION_SETTINGS } from "@/lib/onboarding/organization-settings";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { sandboxPlugin } from "@/lib/sandbox/plugin";
import { testWorld } from "@/lib/sandbox/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { organizationPolicyReader } from "./organization-policy-reader";

const ids = CURATED_ACCOUNT_IDS;

describe("the worker's reader of service control policies", () => {
  let database: TestDatabase;
  const world = testWorld();
  const reader = organizationPolicyReader({
    connectionOptions: () => ({ credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [sandboxPlugin(world, { builtInRules: false })], maxAttempts: 1, retryMode: "standard" }),
  });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  it("reads with iamfit's base credentials while no discovery role is set, as organization sync does", async () => {
    expect(await reader.read(ids.devExperiments)).toMatchObject({ answer: "read", organizationId: world.organizationId });
  });

  it("switches to the discovery role the settings name, and says so when that role cannot read the organization", async () => {
    await saveOrganizationSettings({ ...DEFAULT_ORGANIZATION_SETTINGS, discoveryRoleArn: `arn:aws:iam::${ids.prodPayments}:role/iamfit-audit`, discoveryExternalId: world.externalId, managedBy: "ui" });
    expect(await reader.read(ids.devExperiments)).toMatchObject({ answer: "not_readable", code: "AccessDeniedException" });
    await saveOrganizationSettings({ ...DEFAULT_ORGANIZATION_SETTINGS, discoveryRoleArn: `arn:aws:iam::${ids.orgManagement}:role/iamfit-audit`, discoveryExternalId: world.externalId, managedBy: "ui" });
    expect(await reader.read(ids.devExperiments)).toMatchObject({ answer: "read" });
  });
});
