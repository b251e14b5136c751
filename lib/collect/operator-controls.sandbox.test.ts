/**
 * Operator controls against the sandbox organization, through the real clients and collectors:
 * a hanging account stopped by its abort signal, a region deny-list, and root credentials
 * managed centrally by the organization.
 */
import { describe, expect, it } from "vitest";
import { createAccountClients } from "@/lib/aws/client-factory";
import { evaluateSnapshot } from "@/lib/checks/registry";
import { DEFAULT_THRESHOLDS } from "@/lib/checks/types";
import { CURATED_ACCOUNT_IDS, sandboxPlugin, SANDBOX_BASE_CREDENTIALS, type FaultPlan, type SandboxWorld } from "@/lib/sandbox";
import { TEST_NOW, testWorld } from "@/lib/sandbox/test-fixtures";
import { collectAccount, type CollectAccountOptions } from "./collect-account";
import { memoryOrganizationsFeaturesDirectory } from "./organizations-features";

function clientsFor(world: SandboxWorld, accountId: string, faults?: FaultPlan) {
  const account = world.accounts().find((candidate) => candidate.accountId === accountId)!;
  return createAccountClients(
    { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [sandboxPlugin(world, { builtInRules: false, ...faults })], maxAttempts: 1 },
    { accountId, roleArn: account.roleArn, externalId: world.externalId },
  );
}

async function collect(world: SandboxWorld, accountId: string, options: CollectAccountOptions = {}, faults?: FaultPlan) {
  const clients = clientsFor(world, accountId, faults);
  try {
    return await collectAccount(clients, { now: () => TEST_NOW, credentialReport: { sleep: async () => undefined }, ...options });
  } finally {
    clients.destroy();
  }
}

describe("an account whose API hangs", () => {
  it("is abandoned within seconds of cancelling: the call in flight is aborted, not waited for", async () => {
    const world = testWorld();
    const hang: FaultPlan = {
      rules: [{ accountId: CURATED_ACCOUNT_IDS.stagingWeb, api: "iam:GetAccountAuthorizationDetails", fault: "hang" }],
      hangMs: 120_000,
    };
    const controller = new AbortController();
    let abortedAt = 0;
    const collection = collect(world, CURATED_ACCOUNT_IDS.stagingWeb, { signal: controller.signal }, hang);
    // Abort once the hanging call is in flight (the sandbox counts calls as they are answered).
    const waitForHang = setInterval(() => {
      if ((world.stats().byApi["iam:GenerateCredentialReport"] ?? 0) > 0 && abortedAt === 0) {
        abortedAt = Date.now();
        controller.abort(new Error("cancelled by the operator"));
      }
    }, 50);
    try {
      await expect(collection).rejects.toThrow("cancelled by the operator");
    } finally {
      clearInterval(waitForHang);
    }
    // The hang lasts two minutes; without the signal reaching the call this would wait for it.
    expect(Date.now() - abortedAt).toBeLessThan(5_000);
    expect(world.stats().byApi["iam:GetAccountAuthorizationDetails"]).toBe(1);
    expect(world.stats().byOutcome.AbortError).toBeGreaterThanOrEqual(1);
    expect(world.stats().byOutcome.AbortError ?? 0).toBeGreaterThanOrEqual(1);
  });
});

describe("a region deny-list", () => {
  it("never calls the denied regions, stores them as out of scope, and passes no check there", async () => {
    const world = testWorld();
    const denied = ["eu-west-1", "ap-southeast-2"];
    const snapshot = await collect(world, CURATED_ACCOUNT_IDS.prodPayments, { regions: { deny: denied } });
    for (const region of denied) {
      expect(snapshot.regions).not.toContain(region);
      for (const part of ["ec2.instances", "ec2.securityGroups", "autoscaling.groups", "cloudtrail.trails", "accessanalyzer.analyzers"]) {
        expect(snapshot.parts[`${part}@${region}`]).toEqual({ status: "skipped", reason: "out_of_scope" });
      }
    }
    expect(snapshot.parts["ec2.instances@us-east-1"]).toMatchObject({ status: "ok" });
    const findings = evaluateSnapshot(snapshot, DEFAULT_THRESHOLDS);
    expect(findings.filter((finding) => finding.region && denied.includes(finding.region))).toEqual([]);
    const probed = (snapshot.parts["sts.regionStatus"] as { data: { regions: Array<{ region: string }> } }).data.regions.map((entry) => entry.region);
    expect(probed.filter((region) => denied.includes(region))).toEqual([]);
  });
});

describe("root credentials managed centrally by the organization", () => {
  const rootStatuses = (findings: ReturnType<typeof evaluateSnapshot>) =>
    findings.filter((finding) => finding.checkId === "root.mfa" || finding.checkId === "root.hardware-mfa").map((finding) => [finding.checkId, finding.status]);

  it("pass the member account's root checks once its delegated administrator has been collected", async () => {
    const world = testWorld();
    const organizationsFeatures = memoryOrganizationsFeaturesDirectory();
    const tooling = await collect(world, CURATED_ACCOUNT_IDS.securityTooling, { organizationsFeatures });
    expect(tooling.parts["iam.organizationsFeatures"]).toMatchObject({
      status: "ok",
      data: { answer: "read_here", enabledFeatures: ["RootCredentialsManagement", "RootSessions"] },
    });
    const staging = await collect(world, CURATED_ACCOUNT_IDS.stagingWeb, { organizationsFeatures });
    expect(staging.parts["iam.organizationsFeatures"]).toEqual({
      status: "ok",
      data: {
        answer: "member_account",
        organization: { organizationId: world.organizationId, enabledFeatures: ["RootCredentialsManagement", "RootSessions"], readInAccountId: CURATED_ACCOUNT_IDS.securityTooling },
      },
    });
    const findings = evaluateSnapshot(staging, DEFAULT_THRESHOLDS);
    expect(rootStatuses(findings)).toEqual([
      ["root.mfa", "pass"],
      ["root.hardware-mfa", "pass"],
    ]);
    const rootMfa = findings.find((finding) => finding.checkId === "root.mfa")!;
    expect(rootMfa.reason).toContain(`organization ${world.organizationId} manages member accounts' root credentials centrally`);
  });

  it("are unknown, not failed, while no account that can read the organization's features was collected", async () => {
    const world = testWorld();
    const staging = await collect(world, CURATED_ACCOUNT_IDS.stagingWeb, { organizationsFeatures: memoryOrganizationsFeaturesDirectory() });
    expect(rootStatuses(evaluateSnapshot(staging, DEFAULT_THRESHOLDS))).toEqual([
      ["root.mfa", "unknown"],
      ["root.hardware-mfa", "unknown"],
    ]);
  });

  it("still fail an account whose root has a password and no MFA, whatever the organization manages", async () => {
    const world = testWorld();
    const organizationsFeatures = memoryOrganizationsFeaturesDirectory();
    await collect(world, CURATED_ACCOUNT_IDS.securityTooling, { organizationsFeatures });
    const findings = evaluateSnapshot(await collect(world, CURATED_ACCOUNT_IDS.legacyMonolith, { organizationsFeatures }), DEFAULT_THRESHOLDS);
    expect(findings.find((finding) => finding.checkId === "root.mfa")?.status).toBe("fail");
  });
});
