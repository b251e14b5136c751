/**
 * What a worker needs to run collection jobs, composed from the environment and the AWS runtime:
 * the account's clients (paced at the configured request rates), its region scope, where member
 * accounts learn their organization's root access features, who reads the service control
 * policies that apply to each account, and the per-account time budget.
 * The server (scripts/start.ts) and `iamfit collect --wait` both build it here.
 */
import { createAccountClients } from "@/lib/aws/client-factory";
import { DEFAULT_THRESHOLDS } from "@/lib/checks/types";
import type { CollectionJobContext } from "@/lib/collect/collection-job";
import { regionFilter } from "@/lib/collect/scope";
import { databaseIdentityCenterDirectory, databaseOrganizationsFeatures, DEFAULT_HOLDER_WAIT } from "@/lib/collect/stored-directories";
import { regionScopeFor } from "@/lib/collect/scope-settings";
import type { IamfitEnv } from "@/lib/env";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox";
import type { AwsRuntime } from "./aws-runtime";
import { callCounterPlugin } from "./call-counter";
import { operatorLimits } from "./operator-limits";
import { organizationPolicyReader } from "./organization-policy-reader";

export function collectionJobContext(config: IamfitEnv, aws: AwsRuntime, log?: (line: string) => void): CollectionJobContext {
  const limits = operatorLimits(config);
  const serviceControlPolicies = organizationPolicyReader(aws);
  return {
    clientsFor(account) {
      const counter = callCounterPlugin();
      const connection = aws.connectionOptions();
      const clients = createAccountClients(
        { ...connection, requestRates: limits.requestRates, plugins: [counter.plugin, ...(connection.plugins ?? [])] },
        { accountId: account.awsAccountId, roleArn: account.roleArn, externalId: account.externalId },
      );
      return { clients, apiCalls: counter.count };
    },
    thresholds: async () => DEFAULT_THRESHOLDS,
    timeBudgetMs: limits.timeBudgetMs,
    regionScope: async (account) => regionFilter(await regionScopeFor(account.awsAccountId)),
    organizationsFeatures: databaseOrganizationsFeatures,
    // Without a discovered organization, AWS Organizations still names the management account a member may wait for.
    identityCenter: databaseIdentityCenterDirectory({ ...DEFAULT_HOLDER_WAIT, managementAccountId: () => serviceControlPolicies.managementAccountId?.() ?? Promise.resolve(undefined) }),
    serviceControlPolicies,
    ...(log ? { log: aws.sandbox ? sandboxCollectionLog(log) : log } : {}),
  };
}

/**
 * The sandbox organization's partner-integration account refuses iamfit on purpose (its audit
 * role expects the partner's ExternalId, to show what that failure looks like). That is the
 * demonstration, not news: said once per process as what it is, not as a failure on every
 * collection. Every other line, and every other failure, passes through unchanged.
 */
export function sandboxCollectionLog(log: (line: string) => void): (line: string) => void {
  const intended = CURATED_ACCOUNT_IDS.partnerIntegration;
  let said = false;
  return (line) => {
    if (!line.startsWith(`account ${intended}: failed: AccessDenied:`)) return log(line);
    if (said) return;
    said = true;
    log(`account ${intended} (partner-integration): not collected, as the sandbox organization intends: its audit role expects the partner's ExternalId (its account page shows the error)`);
  };
}
