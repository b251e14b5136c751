/**
 * Linking and unlinking many accounts at once (an organization, a config file, a CSV): one
 * transaction per call, so a batch is linked entirely or not at all. An account removed earlier
 * is restored with its history, like lib/db/accounts.ts linkAccount does for one.
 */
import "server-only";
import { db } from "./client";

export interface BulkLinkInput {
  accountId: string;
  name: string;
  roleArn: string;
  externalId: string;
  tags: Record<string, string>;
  /** Set when the account comes from an organization sync. */
  ouPath?: string | null;
  organizationState?: string | null;
}

export interface BulkLinkResult {
  /** Newly linked. */
  linked: string[];
  /** Linked again after someone removed them. */
  restored: string[];
  /** Already linked; role, ExternalId, name or tags changed (only with onExisting "update"). */
  updated: string[];
  /** Already linked and left as they were. */
  unchanged: string[];
}

export type LinkSource = "organization" | "config" | "csv" | "cli" | "manual";

/**
 * `onExisting: "skip"` leaves linked accounts alone (organization and CSV imports);
 * `"update"` makes them match the input (the config file is the truth for what it declares).
 */
export async function linkAccounts(
  inputs: readonly BulkLinkInput[],
  options: { source: LinkSource; onExisting: "skip" | "update" },
): Promise<BulkLinkResult> {
  const result: BulkLinkResult = { linked: [], restored: [], updated: [], unchanged: [] };
  if (inputs.length === 0) return result;
  await db().$transaction(
    async (tx) => {
      const existing = await tx.linkedAccount.findMany({
        where: { awsAccountId: { in: inputs.map((input) => input.accountId) } },
        select: { id: true, awsAccountId: true, name: true, roleArn: true, externalId: true, tags: true, removedAt: true },
      });
      const byId = new Map(existing.map((row) => [row.awsAccountId, row]));
      const organizationFields = (input: BulkLinkInput) => ({
        ...(input.ouPath !== undefined ? { ouPath: input.ouPath } : {}),
        ...(input.organizationState !== undefined ? { organizationState: input.organizationState } : {}),
      });
      const fresh: BulkLinkInput[] = [];
      for (const input of inputs) {
        const row = byId.get(input.accountId);
        if (!row) {
          fresh.push(input);
          continue;
        }
        const fields = { name: input.name, roleArn: input.roleArn, externalId: input.externalId, tags: input.tags, ...organizationFields(input) };
        if (row.removedAt) {
          await tx.linkedAccount.update({ where: { id: row.id }, data: { ...fields, source: options.source, removedAt: null } });
          result.restored.push(input.accountId);
          continue;
        }
        const differs =
          row.name !== input.name || row.roleArn !== input.roleArn || row.externalId !== input.externalId || JSON.stringify(row.tags) !== JSON.stringify(input.tags);
        if (options.onExisting === "update" && differs) {
          await tx.linkedAccount.update({ where: { id: row.id }, data: { ...fields, source: options.source } });
          result.updated.push(input.accountId);
        } else {
          result.unchanged.push(input.accountId);
        }
      }
      if (fresh.length > 0) {
        await tx.linkedAccount.createMany({
          data: fresh.map((input) => ({
            awsAccountId: input.accountId,
            name: input.name,
            roleArn: input.roleArn,
            externalId: input.externalId,
            tags: input.tags,
            source: options.source,
            ...organizationFields(input),
          })),
        });
        result.linked.push(...fresh.map((input) => input.accountId));
      }
    },
    { timeout: 60_000 },
  );
  return result;
}

/** Stops auditing these accounts (history kept); returns the ones that were linked. */
export async function unlinkAccounts(awsAccountIds: readonly string[]): Promise<string[]> {
  if (awsAccountIds.length === 0) return [];
  const linked = await db().linkedAccount.findMany({
    where: { awsAccountId: { in: [...awsAccountIds] }, removedAt: null },
    select: { awsAccountId: true },
    orderBy: { awsAccountId: "asc" },
  });
  await db().linkedAccount.updateMany({ where: { awsAccountId: { in: linked.map((row) => row.awsAccountId) }, removedAt: null }, data: { removedAt: new Date() } });
  return linked.map((row) => row.awsAccountId);
}

/** Accounts a config file linked earlier and still linked: what `prune` may remove. */
export async function listAccountIdsLinkedBy(source: LinkSource): Promise<string[]> {
  const rows = await db().linkedAccount.findMany({ where: { source, removedAt: null }, select: { awsAccountId: true }, orderBy: { awsAccountId: "asc" } });
  return rows.map((row) => row.awsAccountId);
}
