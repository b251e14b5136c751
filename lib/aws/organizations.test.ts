import { afterEach, describe, expect, it } from "vitest";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { CLOSED_MEMBER_ID, SUSPENDED_MEMBER_ID } from "@/lib/sandbox/curated/organization-units";
import { sandboxPlugin } from "@/lib/sandbox/plugin";
import { testWorld } from "@/lib/sandbox/test-fixtures";
import type { SandboxWorld } from "@/lib/sandbox/world";
import type { AwsConnectionOptions } from "./client-factory";
import { connectOrganizations, discoverOrganization, discoveryError, OrganizationDiscoveryError, type OrganizationsConnection } from "./organizations";

const ids = CURATED_ACCOUNT_IDS;
const connections: OrganizationsConnection[] = [];

function options(world: SandboxWorld): AwsConnectionOptions {
  return { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [sandboxPlugin(world, { builtInRules: false })], maxAttempts: 1, retryMode: "standard" };
}

function connect(world: SandboxWorld, via?: { roleArn: string; externalId: string }) {
  const connection = connectOrganizations(options(world), via);
  connections.push(connection);
  return connection.client;
}

afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy();
});

describe("discoverOrganization against the sandbox organization", () => {
  it("finds every member with its OU path, from the delegated administrator's base credentials", async () => {
    const world = testWorld();
    const discovery = await discoverOrganization(connect(world));
    expect(discovery.organizationId).toBe(world.organizationId);
    expect(discovery.managementAccountId).toBe(ids.orgManagement);
    const pathOf = (accountId: string) => discovery.accounts.find((account) => account.accountId === accountId)?.ouPath;
    expect(discovery.accounts).toHaveLength(world.accounts().length + 2);
    expect(pathOf(ids.orgManagement)).toBe("Root");
    expect(pathOf(ids.securityTooling)).toBe("Root/Security");
    expect(pathOf(ids.edgeNetwork)).toBe("Root/Infrastructure");
    expect(pathOf(ids.prodPayments)).toBe("Root/Workloads/Prod");
    expect(pathOf(ids.stagingWeb)).toBe("Root/Workloads/NonProd");
    expect(pathOf(ids.sandboxPlayground)).toBe("Root/Sandbox");
    expect(pathOf(SUSPENDED_MEMBER_ID)).toBe("Root/Suspended");
  });

  it("lists the OUs by path with the ids from the root down", async () => {
    const discovery = await discoverOrganization(connect(testWorld()));
    expect(discovery.units.map((unit) => unit.path)).toEqual([
      "Root/Infrastructure",
      "Root/Sandbox",
      "Root/Security",
      "Root/Suspended",
      "Root/Workloads",
      "Root/Workloads/NonProd",
      "Root/Workloads/Prod",
    ]);
    const prod = discovery.units.find((unit) => unit.path === "Root/Workloads/Prod");
    const workloads = discovery.units.find((unit) => unit.path === "Root/Workloads");
    const payments = discovery.accounts.find((account) => account.accountId === ids.prodPayments);
    expect(payments?.ouIds).toEqual([discovery.rootId, workloads?.id, prod?.id]);
    expect(payments?.parentId).toBe(prod?.id);
  });

  it("reports the suspended and the closed member with their Organizations state", async () => {
    const discovery = await discoverOrganization(connect(testWorld()));
    const stateOf = (accountId: string) => discovery.accounts.find((account) => account.accountId === accountId)?.state;
    expect(stateOf(SUSPENDED_MEMBER_ID)).toBe("SUSPENDED");
    expect(stateOf(CLOSED_MEMBER_ID)).toBe("CLOSED");
    expect(stateOf(ids.prodPayments)).toBe("ACTIVE");
  });

  it("follows pagination through OUs holding more than one page of accounts", async () => {
    const world = testWorld({ generatedAccounts: 120 });
    const discovery = await discoverOrganization(connect(world));
    expect(discovery.accounts).toHaveLength(world.accounts().length + 2);
    expect(new Set(discovery.accounts.map((account) => account.accountId)).size).toBe(discovery.accounts.length);
    expect(discovery.accounts.filter((account) => account.ouPath === "Root/Workloads/Prod").length).toBeGreaterThan(20);
    expect(world.stats().materializedAccounts).toBeLessThanOrEqual(1);
  });

  it("discovers through a role in the management account", async () => {
    const world = testWorld();
    const client = connect(world, { roleArn: `arn:aws:iam::${ids.orgManagement}:role/iamfit-audit`, externalId: world.externalId });
    const discovery = await discoverOrganization(client);
    expect(discovery.accounts.map((account) => account.accountId)).toContain(ids.partnerIntegration);
  });

  it("fails with the call, the code and the fix in words when the principal is not management or delegated administrator", async () => {
    const world = testWorld();
    const client = connect(world, { roleArn: `arn:aws:iam::${ids.prodPayments}:role/iamfit-audit`, externalId: world.externalId });
    const failure = await discoverOrganization(client).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OrganizationDiscoveryError);
    expect((failure as OrganizationDiscoveryError).error).toMatchObject({ api: "organizations:ListRoots", code: "AccessDeniedException" });
    expect((failure as OrganizationDiscoveryError).error.message).toMatch(/management account or a delegated administrator/);
  });
});

describe("discoveryError", () => {
  it.each([
    ["AWSOrganizationsNotInUseException", /not a member of an organization/],
    ["TooManyRequestsException", /throttled organizations:ListRoots/],
    ["AccessDeniedException", /SecurityAudit includes them/],
  ])("explains %s in words", (code, expected) => {
    const error = Object.assign(new Error("nope"), { name: code, $metadata: { httpStatusCode: 400 } });
    expect(discoveryError(error, "organizations:ListRoots").message).toMatch(expected);
  });
});

describe("connectOrganizations endpoints", () => {
  it.each([
    ["arn:aws:iam::111122223333:role/discovery", "https://organizations.us-east-1.amazonaws.com"],
    ["arn:aws-cn:iam::111122223333:role/discovery", "https://organizations.cn-northwest-1.amazonaws.com.cn"],
    ["arn:aws-us-gov:iam::111122223333:role/discovery", "https://organizations.us-gov-west-1.amazonaws.com"],
  ])("a discovery role %s is read through its partition's global endpoint %s", async (roleArn, endpoint) => {
    const client = connect(testWorld(), { roleArn, externalId: "x" });
    const region = await client.config.region();
    const resolved = client.config.endpointProvider({ Region: region, UseFIPS: false, UseDualStack: false });
    expect(resolved.url.origin).toBe(endpoint);
  });
});
