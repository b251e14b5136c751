/**
 * The directories a collection shares across accounts, kept in the database: what the account
 * holding IAM Identity Center and the management account of each organization read last. The
 * lookups' rules are this folder's (identity-center.ts, organizations-features.ts); lib/db only
 * stores and reads the observations.
 */
import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { activeCollections, identityCenterHolderCandidates, listIdentityCenterInstances, organizationsOf, recordIdentityCenterInstance } from "@/lib/db/identity-center";
import { listOrganizationFeatures, organizationOf, recordOrganizationFeatures } from "@/lib/db/organizations-features";
import { instanceForAccount, type IdentityCenterDirectory } from "./identity-center";
import { organizationForMember, type OrganizationsFeaturesDirectory } from "./organizations-features";

async function lookupIdentityCenterInstance(accountId: string) {
  const instances = await listIdentityCenterInstances();
  const organizations = await organizationsOf([accountId, ...instances.map((instance) => instance.readInAccountId)]);
  return instanceForAccount(instances, (id) => organizations.get(id), accountId);
}

export interface HolderWait {
  /** Longest a member account waits for a holding account being collected (default 5 minutes). */
  maxWaitMs: number;
  /** A holding account still queued is waited for this long only: a run queues it first, so it starts at once unless every worker is busy. */
  queuedGraceMs: number;
  pollMs: number;
  /** The management account as AWS Organizations names it, for when no organization was discovered. */
  managementAccountId?: () => Promise<string | undefined>;
}

/** The worker's directory: instances in installation_setting; member accounts wait for a holder being collected. */
export const DEFAULT_HOLDER_WAIT: HolderWait = { maxWaitMs: 5 * 60_000, queuedGraceMs: 30_000, pollMs: 1_000 };

export function databaseIdentityCenterDirectory(wait: HolderWait = DEFAULT_HOLDER_WAIT): IdentityCenterDirectory {
  return {
    record: recordIdentityCenterInstance,
    lookup: lookupIdentityCenterInstance,
    async awaitHolder(accountId, signal) {
      const organization = (await organizationsOf([accountId])).get(accountId);
      const named = await wait.managementAccountId?.().catch(() => undefined);
      const holders = [...new Set([...(await identityCenterHolderCandidates(organization)), ...(named ? [named] : [])])].filter((id) => id !== accountId);
      const started = Date.now();
      while (!signal?.aborted && Date.now() - started < wait.maxWaitMs) {
        const active = await activeCollections(holders);
        const waitingForQueued = active.queued > 0 && Date.now() - started < wait.queuedGraceMs;
        if (active.running === 0 && !waitingForQueued) break;
        try {
          await sleep(wait.pollMs, undefined, { signal });
        } catch {
          return undefined; // aborted: the collection is being stopped anyway
        }
        const found = await lookupIdentityCenterInstance(accountId);
        if (found) return found;
      }
      // The holder may have recorded the instance just before its collection ended.
      return signal?.aborted ? undefined : lookupIdentityCenterInstance(accountId);
    },
  };
}

export const databaseIdentityCenter: IdentityCenterDirectory = databaseIdentityCenterDirectory();

export const databaseOrganizationsFeatures: OrganizationsFeaturesDirectory = {
  record: recordOrganizationFeatures,
  async lookup(memberAccountId) {
    const [observations, organizationId] = await Promise.all([listOrganizationFeatures(), organizationOf(memberAccountId)]);
    return organizationForMember(observations, organizationId);
  },
};
