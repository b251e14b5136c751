/**
 * The curated sandbox organization collected through the real collectors and judged by the real
 * check catalogue, for tests that need findings as checks really emit them (evidence views,
 * remediation targets). Collected once per test file.
 */
import { createAccountClients } from "@/lib/aws/client-factory";
import { AssumeRoleError, collectAccount } from "@/lib/collect/collect-account";
import { memoryIdentityCenterDirectory } from "@/lib/collect/identity-center";
import { memoryOrganizationsFeaturesDirectory } from "@/lib/collect/organizations-features";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { sandboxPlugin } from "@/lib/sandbox/plugin";
import { TEST_NOW, testWorld } from "@/lib/sandbox/test-fixtures";
import { evaluateSnapshot } from "../registry";
import { DEFAULT_THRESHOLDS, type Finding } from "../types";

export interface SandboxFindings {
  findingsByAccount: Map<string, Finding[]>;
  /** Accounts whose audit role could not be assumed (by design: the partner's). */
  assumeRoleFailures: string[];
}

let cached: Promise<SandboxFindings> | undefined;

async function collectSandbox(): Promise<SandboxFindings> {
  const findingsByAccount = new Map<string, Finding[]>();
  const assumeRoleFailures: string[] = [];
  const world = testWorld();
  const plugin = sandboxPlugin(world, { builtInRules: false });
  const organizationsFeatures = memoryOrganizationsFeaturesDirectory();
  const identityCenter = memoryIdentityCenterDirectory();
  // The management account first: it holds the Identity Center instance whose assignments the others learn;
  // then the delegated administrator: member accounts learn their organization's root access features from it.
  const firstness = (accountId: string) => (accountId === world.managementAccountId ? 2 : accountId === world.baseAccountId ? 1 : 0);
  const accounts = [...world.accounts()].sort((a, b) => firstness(b.accountId) - firstness(a.accountId));
  for (const summary of accounts) {
    const clients = createAccountClients(
      { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [plugin], maxAttempts: 1, retryMode: "standard" },
      { accountId: summary.accountId, roleArn: summary.roleArn, externalId: world.externalId },
    );
    try {
      const snapshot = await collectAccount(clients, { now: () => TEST_NOW, credentialReport: { sleep: async () => undefined }, organizationsFeatures, identityCenter });
      findingsByAccount.set(summary.name, evaluateSnapshot(snapshot, DEFAULT_THRESHOLDS));
    } catch (error) {
      if (!(error instanceof AssumeRoleError)) throw error;
      assumeRoleFailures.push(summary.name);
    } finally {
      clients.destroy();
    }
  }
  return { findingsByAccount, assumeRoleFailures };
}

export function sandboxFindings(): Promise<SandboxFindings> {
  cached ??= collectSandbox();
  return cached;
}

/** Every finding of the curated organization, with the account it is in. */
export async function allSandboxFindings(): Promise<Array<{ account: string; finding: Finding }>> {
  const { findingsByAccount } = await sandboxFindings();
  return [...findingsByAccount].flatMap(([account, findings]) => findings.map((finding) => ({ account, finding })));
}
