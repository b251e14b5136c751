/**
 * The whole curated sandbox organization collected twice: once in-process (the plugin answers in
 * the deserialize step) and once through the HTTP sandbox on loopback, reached the way a user
 * reaches an AWS-compatible endpoint, with AWS_ENDPOINT_URL set to an IP address. The second run
 * exercises what only real AWS exercised before: HTTP, SigV4 signing, endpoint resolution with a
 * custom endpoint, and the SDK's XML and JSON deserializers. Both must reach the same findings.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccountClients } from "@/lib/aws/client-factory";
import { connectOrganizations, discoverOrganization, type OrganizationDiscovery } from "@/lib/aws/organizations";
import { evaluateSnapshot } from "@/lib/checks/registry";
import { DEFAULT_THRESHOLDS, type Finding } from "@/lib/checks/types";
import { AssumeRoleError, collectAccount } from "@/lib/collect/collect-account";
import { memoryOrganizationsFeaturesDirectory } from "@/lib/collect/organizations-features";
import type { AccountSnapshot } from "@/lib/snapshot/schema";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { startSandboxHttpServer, type SandboxHttpServer } from "@/lib/sandbox/http/http-server";
import { sandboxPlugin } from "@/lib/sandbox/plugin";
import { TEST_NOW, testWorld } from "@/lib/sandbox/test-fixtures";
import type { SandboxWorld } from "@/lib/sandbox/world";
import type { Pluggable } from "@smithy/types";

interface Collected {
  discovery: OrganizationDiscovery;
  findings: Map<string, Finding[]>;
  snapshots: Map<string, AccountSnapshot>;
  assumeRoleFailures: string[];
}

async function collectOrganization(world: SandboxWorld, plugins: Pluggable<any, any>[]): Promise<Collected> {
  const connection = connectOrganizations({ credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins, maxAttempts: 1, retryMode: "standard" });
  const discovery = await discoverOrganization(connection.client).finally(() => connection.destroy());
  const collected: Collected = { discovery, findings: new Map(), snapshots: new Map(), assumeRoleFailures: [] };
  const organizationsFeatures = memoryOrganizationsFeaturesDirectory();
  // The delegated administrator first: member accounts learn their organization's root access features from it.
  const accounts = [...world.accounts()].sort((a, b) => Number(b.accountId === world.baseAccountId) - Number(a.accountId === world.baseAccountId));
  for (const summary of accounts) {
    const clients = createAccountClients(
      { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins, maxAttempts: 1, retryMode: "standard" },
      { accountId: summary.accountId, roleArn: summary.roleArn, externalId: world.externalId },
    );
    try {
      const snapshot = await collectAccount(clients, { now: () => TEST_NOW, credentialReport: { sleep: async () => undefined }, organizationsFeatures });
      collected.snapshots.set(summary.name, snapshot);
      collected.findings.set(summary.name, evaluateSnapshot(snapshot, DEFAULT_THRESHOLDS));
    } catch (error) {
      if (!(error instanceof AssumeRoleError)) throw error;
      collected.assumeRoleFailures.push(summary.name);
    } finally {
      clients.destroy();
    }
  }
  return collected;
}

let inProcess: Collected;
let overHttp: Collected;
let server: SandboxHttpServer;
const savedEndpoint = process.env.AWS_ENDPOINT_URL;

beforeAll(async () => {
  const world = testWorld();
  inProcess = await collectOrganization(world, [sandboxPlugin(world, { builtInRules: false })]);

  const httpWorld = testWorld();
  server = await startSandboxHttpServer(httpWorld, { faults: { builtInRules: false } });
  process.env.AWS_ENDPOINT_URL = server.endpoint;
  try {
    overHttp = await collectOrganization(httpWorld, []);
  } finally {
    if (savedEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = savedEndpoint;
  }
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe("the curated organization collected through serialized HTTP responses on loopback", () => {
  it("discovers the same organization: accounts, states and OU paths", () => {
    expect(overHttp.discovery).toEqual(inProcess.discovery);
    expect(overHttp.discovery.accounts.length).toBeGreaterThan(10);
  });

  it("assumes the same roles and fails the same one", () => {
    expect(overHttp.assumeRoleFailures).toEqual(inProcess.assumeRoleFailures);
    expect([...overHttp.findings.keys()].sort()).toEqual([...inProcess.findings.keys()].sort());
    expect(overHttp.findings.size).toBeGreaterThan(5);
  });

  it("collects the same facts, part by part, for every account", () => {
    for (const [account, snapshot] of inProcess.snapshots) {
      const httpSnapshot = overHttp.snapshots.get(account);
      for (const [part, result] of Object.entries(snapshot.parts)) {
        expect(httpSnapshot?.parts[part as keyof typeof snapshot.parts], `${account} ${part}`).toEqual(result);
      }
      expect(Object.keys(httpSnapshot?.parts ?? {}).sort(), account).toEqual(Object.keys(snapshot.parts).sort());
    }
  });

  it.each(["security-tooling", "prod-payments", "legacy-monolith", "data-lake", "edge-network", "dev-experiments", "staging-web"])(
    "reaches the same findings, with the same evidence, for %s",
    (account) => {
      expect(overHttp.findings.get(account)).toEqual(inProcess.findings.get(account));
    },
  );

  it("reaches the same findings for every account", () => {
    for (const [account, findings] of inProcess.findings) expect(overHttp.findings.get(account), account).toEqual(findings);
  });
});
