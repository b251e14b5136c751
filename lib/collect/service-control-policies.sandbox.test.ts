/**
 * Service control policies end to end: the real collectors read an account of the sandbox
 * organization with its audit role and its SCPs with the organization's reader (iamfit's base
 * credentials, the delegated administrator), and the real checks judge what was stored.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createAccountClients } from "@/lib/aws/client-factory";
import { serviceControlPolicyReader } from "@/lib/aws/collectors/organizations-scps";
import { connectOrganizations, type OrganizationsConnection } from "@/lib/aws/organizations";
import { policiesPrivilegeEscalation } from "@/lib/checks/exercise-05/policies.privilege-escalation/check";
import { DEFAULT_THRESHOLDS } from "@/lib/checks/types";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { sandboxPlugin } from "@/lib/sandbox/plugin";
import { TEST_NOW, testWorld } from "@/lib/sandbox/test-fixtures";
import { collectAccount } from "./collect-account";

const connections: OrganizationsConnection[] = [];
afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy();
});

async function collectDevExperiments(withReader: boolean) {
  const world = testWorld();
  const options = { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [sandboxPlugin(world, { builtInRules: false })], maxAttempts: 1, retryMode: "standard" as const };
  const summary = world.accounts().find((account) => account.accountId === CURATED_ACCOUNT_IDS.devExperiments);
  const clients = createAccountClients(options, { accountId: CURATED_ACCOUNT_IDS.devExperiments, roleArn: summary?.roleArn ?? "", externalId: world.externalId });
  const connection = connectOrganizations(options);
  connections.push(connection);
  try {
    return await collectAccount(clients, {
      now: () => TEST_NOW,
      credentialReport: { sleep: async () => undefined },
      ...(withReader ? { serviceControlPolicies: serviceControlPolicyReader(connection.client) } : {}),
    });
  } finally {
    clients.destroy();
  }
}

const findingFor = (findings: ReturnType<typeof policiesPrivilegeEscalation.evaluate>, name: string) => findings.find((finding) => finding.resourceName === name);

describe("service control policies of a sandbox account, collected and judged", () => {
  it("stores the SCPs from the root to the account, and the NonProd guardrail closes etl-runner's Glue dev endpoint escalation", async () => {
    const snapshot = await collectDevExperiments(true);
    expect(snapshot.parts["organizations.serviceControlPolicies"]).toMatchObject({ status: "ok", data: { answer: "read" } });
    const findings = policiesPrivilegeEscalation.evaluate(snapshot, DEFAULT_THRESHOLDS);
    expect(findingFor(findings, "etl-runner")).toMatchObject({
      status: "pass",
      evidence: { serviceControlPolicies: "considered", serviceControlPoliciesNote: `Service control policies were considered, from the organization root › OU Workloads › OU NonProd › account ${CURATED_ACCOUNT_IDS.devExperiments}.` },
    });
    // PassRole with RunInstances is not among the guardrails' actions: still an escalation.
    expect(findingFor(findings, "notebook-sync")).toMatchObject({ status: "fail", evidence: { serviceControlPolicies: "considered" } });
  });

  it("without a reader of the organization, records SCPs as not read and judges etl-runner without them", async () => {
    const snapshot = await collectDevExperiments(false);
    expect(snapshot.parts["organizations.serviceControlPolicies"]).toMatchObject({ status: "ok", data: { answer: "not_readable", code: "NotConfigured" } });
    expect(findingFor(policiesPrivilegeEscalation.evaluate(snapshot, DEFAULT_THRESHOLDS), "etl-runner")).toMatchObject({
      status: "fail",
      evidence: { serviceControlPolicies: "not considered", serviceControlPoliciesNote: "Service control policies were not considered: iamfit was not set up to read the organization for this collection." },
    });
  });
});
