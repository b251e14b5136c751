/**
 * The loop for the IAM Identity Center checks: the sandbox's failing finding, its fix applied in
 * the account that holds the instance, both accounts collected again, and the check passes.
 */
import { describe, expect, it } from "vitest";
import { createAccountClients } from "@/lib/aws/client-factory";
import { CHECKS } from "@/lib/checks/registry";
import { allSandboxFindings } from "@/lib/checks/testing/sandbox-findings";
import { DEFAULT_THRESHOLDS } from "@/lib/checks/types";
import { collectAccount } from "@/lib/collect/collect-account";
import { memoryIdentityCenterDirectory } from "@/lib/collect/identity-center";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { sandboxPlugin } from "@/lib/sandbox/plugin";
import { TEST_NOW, testWorld } from "@/lib/sandbox/test-fixtures";
import type { SandboxWorld } from "@/lib/sandbox/world";
import { describeSandboxMutation, sandboxFixFor } from "./sandbox-fix";
import { remediationTarget } from "@/lib/checks/testing/check-folder";

async function findingAfter(world: SandboxWorld, accountName: string, checkId: string) {
  const plugin = sandboxPlugin(world, { builtInRules: false });
  const directory = memoryIdentityCenterDirectory();
  const summaries = world.accounts();
  const ordered = [summaries.find((summary) => summary.accountId === world.managementAccountId)!, summaries.find((summary) => summary.name === accountName)!];
  let last;
  for (const summary of ordered) {
    const clients = createAccountClients(
      { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [plugin], maxAttempts: 1, retryMode: "standard" },
      { accountId: summary.accountId, roleArn: summary.roleArn, externalId: world.externalId },
    );
    try {
      last = await collectAccount(clients, { now: () => TEST_NOW, credentialReport: { sleep: async () => undefined }, identityCenter: directory, regions: { allow: ["us-east-1"] } });
    } finally {
      clients.destroy();
    }
  }
  const check = CHECKS.find((candidate) => candidate.id === checkId)!;
  return check.evaluate(last!, DEFAULT_THRESHOLDS)[0];
}

describe("fixing the Identity Center checks in the sandbox", () => {
  it.each([
    ["identity-center.admin-assignments", "prod-payments", "delete-account-assignment"],
    ["identity-center.admin-assignments", "dev-experiments", "delete-account-assignment"],
    ["identity-center.session-duration", "prod-payments", "set-permission-set-session"],
    ["identity-center.direct-user-assignments", "dev-experiments", "assign-through-group"],
  ])("%s in %s passes after the fix", async (checkId, accountName, mutationType) => {
    const failing = (await allSandboxFindings()).find(({ account, finding }) => account === accountName && finding.checkId === checkId && finding.status === "fail");
    expect(failing).toBeDefined();
    const world = testWorld();
    const accountId = world.accounts().find((summary) => summary.name === accountName)!.accountId;
    const mutations = sandboxFixFor(remediationTarget(failing!.finding, accountId));
    expect(mutations.length).toBeGreaterThan(0);
    expect(mutations.every((mutation) => mutation.type === mutationType && mutation.accountId === world.managementAccountId)).toBe(true);
    for (const mutation of mutations) {
      expect(describeSandboxMutation(mutation)).toContain(mutation.type === "set-permission-set-session" || mutation.type === "delete-account-assignment" || mutation.type === "assign-through-group" ? mutation.permissionSetName : "");
      world.applyMutation(mutation);
    }
    const after = await findingAfter(world, accountName, checkId);
    expect([after?.status, after?.reason]).toEqual(["pass", expect.any(String)]);
  }, 120_000);
});
