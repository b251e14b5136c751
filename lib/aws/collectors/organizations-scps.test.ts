import type { Pluggable } from "@smithy/types";
import { afterEach, describe, expect, it } from "vitest";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { FULL_AWS_ACCESS_ID } from "@/lib/sandbox/curated/service-control-policies";
import type { FaultPlan } from "@/lib/sandbox/faults";
import { sandboxPlugin } from "@/lib/sandbox/plugin";
import { testWorld } from "@/lib/sandbox/test-fixtures";
import type { SandboxWorld } from "@/lib/sandbox/world";
import { CollectorFailure } from "../errors";
import { connectOrganizations, type OrganizationsConnection } from "../organizations";
import { fastRetries } from "../testing/test-clients";
import { serviceControlPolicyReader } from "./organizations-scps";

const ids = CURATED_ACCOUNT_IDS;
const connections: OrganizationsConnection[] = [];

afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy();
});

function counter(calls: string[]): Pluggable<any, any> {
  return {
    applyToStack(stack) {
      stack.add((next, context) => async (args) => {
        calls.push(String(context.commandName).replace(/Command$/, ""));
        return next(args);
      }, { step: "initialize", name: "scpCallCounter", override: true });
    },
  };
}

function reader(world: SandboxWorld, options: { faults?: FaultPlan; via?: { roleArn: string; externalId: string }; calls?: string[] } = {}) {
  const plugins = [...(options.calls ? [counter(options.calls)] : []), sandboxPlugin(world, { builtInRules: false, ...options.faults })];
  const connection = connectOrganizations({ credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins, retryStrategy: fastRetries() }, options.via);
  connections.push(connection);
  return serviceControlPolicyReader(connection.client);
}

const namesOf = (level: { policies: Array<{ policyName: string }> }) => level.policies.map((policy) => policy.policyName).sort();

describe("serviceControlPolicyReader against the sandbox organization", () => {
  it("reads the chain from the root through the OUs to the account, with each level's SCPs and their documents", async () => {
    const world = testWorld();
    const answer = await reader(world).read(ids.devExperiments);
    expect(answer.answer).toBe("read");
    if (answer.answer !== "read") return;
    expect(answer.organizationId).toBe(world.organizationId);
    expect(answer.levels.map((level) => [level.targetType, level.targetName])).toEqual([
      ["ROOT", "Root"],
      ["ORGANIZATIONAL_UNIT", "Workloads"],
      ["ORGANIZATIONAL_UNIT", "NonProd"],
      ["ACCOUNT", ids.devExperiments],
    ]);
    expect(answer.levels.map(namesOf)).toEqual([
      ["DenyLeaveOrganization", "FullAWSAccess"],
      ["FullAWSAccess", "ProtectCloudTrail"],
      ["DenyGlueDevEndpoints", "DenyIamCredentialChanges", "FullAWSAccess"],
      ["FullAWSAccess"],
    ]);
    const fullAccess = answer.levels[3]?.policies[0];
    expect(fullAccess).toMatchObject({ policyId: FULL_AWS_ACCESS_ID, awsManaged: true, document: { Version: "2012-10-17", Statement: { Effect: "Allow", Action: "*", Resource: "*" } } });
    const nonProd = answer.levels[2]?.policies.find((policy) => policy.policyName === "DenyIamCredentialChanges");
    expect(nonProd).toMatchObject({ awsManaged: false, document: { Statement: { Effect: "Deny", Action: expect.arrayContaining(["iam:CreatePolicyVersion", "iam:CreateAccessKey"]) } } });
  });

  it("says SCPs do not apply to the management account", async () => {
    const world = testWorld();
    expect(await reader(world).read(ids.orgManagement)).toEqual({ answer: "management_account", organizationId: world.organizationId });
  });

  it("reads the tree above accounts once and shares it: a second account in the same OU costs ListParents and ListPoliciesForTarget of its own", async () => {
    const world = testWorld();
    const calls: string[] = [];
    const shared = reader(world, { calls });
    await shared.read(ids.devExperiments);
    const first = calls.splice(0);
    await shared.read(ids.stagingWeb);
    expect(first.length).toBeGreaterThan(6);
    expect(calls.sort()).toEqual(["ListParents", "ListPoliciesForTarget"]);
  });

  it("does not fail another account's read that shares the tree when one account is cancelled", async () => {
    const shared = reader(testWorld(), { faults: { latencyMs: { "organizations:*": 20 } } });
    const cancelled = new AbortController();
    const first = shared.read(ids.devExperiments, cancelled.signal);
    const second = shared.read(ids.stagingWeb);
    setTimeout(() => cancelled.abort(new Error("cancelled")), 30);
    await expect(first).rejects.toThrow();
    expect((await second).answer).toBe("read");
  });

  it("records why the policies are not readable when the reading principal is a member account's role", async () => {
    const world = testWorld();
    const summary = world.accounts().find((account) => account.accountId === ids.prodPayments);
    const answer = await reader(world, { via: { roleArn: summary?.roleArn ?? "", externalId: world.externalId } }).read(ids.devExperiments);
    expect(answer).toMatchObject({ answer: "not_readable", code: "AccessDeniedException" });
    if (answer.answer === "not_readable") expect(answer.reason).toMatch(/^iamfit may not read the organization's service control policies \(organizations:ListParents\)\. Read the organization from the management account or a delegated administrator/);
  });

  it("records an account outside the organization as not readable, saying so", async () => {
    const answer = await reader(testWorld()).read("999999999999");
    expect(answer).toEqual({
      answer: "not_readable",
      code: "ChildNotFoundException",
      reason: "Account 999999999999 is not in the organization iamfit reads, so the service control policies that apply to it are unknown.",
    });
  });

  it("turns an injected AccessDenied on ListPoliciesForTarget into not readable", async () => {
    const answer = await reader(testWorld(), { faults: { rules: [{ api: "organizations:ListPoliciesForTarget", fault: "access_denied" }] } }).read(ids.devExperiments);
    expect(answer).toMatchObject({ answer: "not_readable", code: "AccessDeniedException" });
  });

  it("gets through throttling the SDK retries, and fails the part on errors worth retrying later", async () => {
    const world = testWorld();
    const throttled = await reader(world, { faults: { rules: [{ api: "organizations:DescribePolicy", fault: "throttle", times: 2 }] } }).read(ids.devExperiments);
    expect(throttled.answer).toBe("read");
    const failing = reader(world, { faults: { rules: [{ api: "organizations:DescribePolicy", fault: "internal_error" }] } });
    const error = await failing.read(ids.devExperiments).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CollectorFailure);
    expect((error as CollectorFailure).collectorError).toMatchObject({ api: "organizations:DescribePolicy" });
  });
});
