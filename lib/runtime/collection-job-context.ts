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
import { databaseOrganizationsFeatures } from "@/lib/db/organizations-features";
import { regionScopeFor } from "@/lib/db/scope-settings";
import type { IamfitEnv } from "@/lib/env";
import type { AwsRuntime } from "./aws-runtime";
import { callCounterPlugin } from "./call-counter";
import { operatorLimits } from "./operator-limits";
import { organizationPolicyReader } from "./organization-policy-reader";

export function collectionJobContext(config: IamfitEnv, aws: AwsRuntime, log?: (line: string) => void): CollectionJobContext {
  const limits = operatorLimits(config);
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
    serviceControlPolicies: organizationPolicyReader(aws),
    ...(log ? { log } : {}),
  };
}
