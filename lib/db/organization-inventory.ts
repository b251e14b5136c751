/**
 * The organization as iamfit last saw it (issue 8): every account AWS Organizations reported,
 * linked or not, with its OU path and state; the record of each sync; and the sync settings.
 * A sync replaces the inventory as a whole and carries OU path and state over to the linked
 * accounts, so the scorecard can group and filter by OU.
 */
import "server-only";
import type { OrganizationDiscovery } from "@/lib/aws/organizations";
import { parseStoredError, type StoredCollectionError } from "./collection-errors";
import { db } from "./client";
import { getSetting, setSetting } from "./settings";

const SETTINGS_KEY = "organization.sync";

/** Organizations states in which iamfit cannot read an account; a linked account newly in one is "marked". */
const UNREACHABLE_STATES = ["SUSPENDED", "PENDING_CLOSURE", "CLOSED", "LEFT"];

/** An account as Organizations reported it at the last sync. */
export interface InventoryAccount {
  accountId: string;
  name: string;
  /** Organizations' account ARN: its partition is the role ARN's partition. */
  arn: string;
  state: string;
  ouPath: string;
  ouIds: readonly string[];
}

/** What iamfit holds about a linked account, for deciding how an organization account stands. */
export interface LinkedAccountState {
  awsAccountId: string;
  /** Removed from iamfit by someone: automatic linking leaves it alone. */
  removed: boolean;
  lastStatus: string;
}

export interface StoredOrganizationAccount extends InventoryAccount {
  email: string;
  joinedAt: Date | null;
  /** The linked account of the same id, removed or not; undefined when never linked. */
  linkedState: LinkedAccountState | undefined;
  linked: {
    name: string;
    lastStatus: string;
    lastCollectedAt: Date | null;
    lastError: StoredCollectionError | null;
  } | null;
}

export interface InventoryChange {
  /** Accounts in the organization that the previous inventory did not have. */
  added: string[];
  /** Linked accounts that became suspended, closed or left the organization with this sync. */
  marked: string[];
}

/** Replaces the inventory with `discovery` and updates the linked accounts' OU path and state; one transaction. */
export async function replaceOrganizationInventory(discovery: OrganizationDiscovery, seenAt: Date): Promise<InventoryChange> {
  const rows = discovery.accounts.map((account) => ({
    aws_account_id: account.accountId,
    organization_id: discovery.organizationId,
    name: account.name,
    email: account.email,
    arn: account.arn,
    state: account.state,
    parent_id: account.parentId,
    ou_path: account.ouPath,
    ou_ids: account.ouIds,
    joined_at: account.joinedAt,
  }));
  return db().$transaction(
    async (tx) => {
      const before = await tx.organizationAccount.findMany({ select: { awsAccountId: true } });
      const known = new Set(before.map((row) => row.awsAccountId));
      const reachableBefore = await tx.linkedAccount.findMany({
        where: { removedAt: null, OR: [{ organizationState: null }, { organizationState: { notIn: UNREACHABLE_STATES } }] },
        select: { awsAccountId: true },
      });
      await tx.$executeRaw`DELETE FROM organization_account WHERE NOT (aws_account_id = ANY(${rows.map((row) => row.aws_account_id)}::text[]))`;
      // jsonb_to_recordset turns each JSON array into a text[] (PostgreSQL 10+): one statement for any size.
      await tx.$executeRaw`INSERT INTO organization_account
           (aws_account_id, organization_id, name, email, arn, state, parent_id, ou_path, ou_ids, joined_at, last_seen_at)
         SELECT aws_account_id, organization_id, name, email, arn, state, parent_id, ou_path, ou_ids, joined_at, ${seenAt}
           FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS incoming(aws_account_id text, organization_id text, name text, email text, arn text,
                state text, parent_id text, ou_path text, ou_ids text[], joined_at timestamptz)
         ON CONFLICT (aws_account_id) DO UPDATE SET
           organization_id = EXCLUDED.organization_id, name = EXCLUDED.name, email = EXCLUDED.email, arn = EXCLUDED.arn,
           state = EXCLUDED.state, parent_id = EXCLUDED.parent_id, ou_path = EXCLUDED.ou_path, ou_ids = EXCLUDED.ou_ids,
           joined_at = EXCLUDED.joined_at, last_seen_at = EXCLUDED.last_seen_at`;
      await tx.$executeRaw`UPDATE linked_account AS linked SET ou_path = inventory.ou_path, organization_state = inventory.state, updated_at = now()
           FROM organization_account AS inventory
          WHERE inventory.aws_account_id = linked.aws_account_id
            AND (linked.ou_path IS DISTINCT FROM inventory.ou_path OR linked.organization_state IS DISTINCT FROM inventory.state)`;
      // Accounts once seen in the organization and now gone from it; their last OU path stays for history.
      await tx.$executeRaw`UPDATE linked_account SET organization_state = 'LEFT', updated_at = now()
          WHERE organization_state IS NOT NULL AND organization_state <> 'LEFT'
            AND NOT EXISTS (SELECT 1 FROM organization_account WHERE organization_account.aws_account_id = linked_account.aws_account_id)`;
      const unreachableNow = await tx.linkedAccount.findMany({
        where: { removedAt: null, organizationState: { in: UNREACHABLE_STATES }, awsAccountId: { in: reachableBefore.map((row) => row.awsAccountId) } },
        select: { awsAccountId: true },
        orderBy: { awsAccountId: "asc" },
      });
      return {
        added: rows.map((row) => row.aws_account_id).filter((id) => !known.has(id)),
        marked: unreachableNow.map((row) => row.awsAccountId),
      };
    },
    { timeout: 60_000 },
  );
}

/** The inventory for planning links: every organization account and every linked account (removed ones too). */
export async function readLinkingState(): Promise<{ inventory: InventoryAccount[]; linkedById: Map<string, LinkedAccountState> }> {
  const [inventory, linked] = await Promise.all([
    db().organizationAccount.findMany({ select: { awsAccountId: true, name: true, arn: true, state: true, ouPath: true, ouIds: true }, orderBy: { awsAccountId: "asc" } }),
    db().linkedAccount.findMany({ select: { awsAccountId: true, removedAt: true, lastStatus: true } }),
  ]);
  return {
    inventory: inventory.map(({ awsAccountId, ...rest }) => ({ accountId: awsAccountId, ...rest })),
    linkedById: new Map(linked.map((row) => [row.awsAccountId, { awsAccountId: row.awsAccountId, removed: row.removedAt !== null, lastStatus: row.lastStatus }])),
  };
}

/** Every organization account with its linked account, ordered by OU path, then name. */
export async function listStoredOrganizationAccounts(): Promise<StoredOrganizationAccount[]> {
  const rows = await db().organizationAccount.findMany({ orderBy: [{ ouPath: "asc" }, { name: "asc" }, { awsAccountId: "asc" }] });
  const linked = await db().linkedAccount.findMany({
    where: { awsAccountId: { in: rows.map((row) => row.awsAccountId) } },
    select: { awsAccountId: true, name: true, removedAt: true, lastStatus: true, lastCollectedAt: true, lastError: true },
  });
  const linkedById = new Map(linked.map((row) => [row.awsAccountId, row]));
  return rows.map((row) => {
    const link = linkedById.get(row.awsAccountId);
    return {
      accountId: row.awsAccountId,
      name: row.name,
      email: row.email,
      arn: row.arn,
      state: row.state,
      ouPath: row.ouPath,
      ouIds: row.ouIds,
      joinedAt: row.joinedAt,
      linkedState: link ? { awsAccountId: link.awsAccountId, removed: link.removedAt !== null, lastStatus: link.lastStatus } : undefined,
      linked:
        link && !link.removedAt
          ? { name: link.name, lastStatus: link.lastStatus, lastCollectedAt: link.lastCollectedAt, lastError: parseStoredError(link.lastError) }
          : null,
    };
  });
}

/** The organization's root id ("r-ab12") from the last sync: the StackSet's default target. */
export async function organizationRootId(): Promise<string | undefined> {
  const row = await db().organizationAccount.findFirst({ select: { ouIds: true } });
  return row?.ouIds[0];
}

/** Linked accounts' OU paths (by linked_account id), for grouping and filtering the scorecard by OU. */
export async function linkedAccountOuPaths(): Promise<Map<string, string | null>> {
  const rows = await db().linkedAccount.findMany({ where: { removedAt: null }, select: { id: true, ouPath: true } });
  return new Map(rows.map((row) => [row.id, row.ouPath]));
}

/** OU paths holding linked accounts, with how many: the scorecard's OU filter options. */
export async function listLinkedOuPaths(): Promise<Array<{ ouPath: string; accounts: number }>> {
  const groups = await db().linkedAccount.groupBy({ by: ["ouPath"], where: { removedAt: null, ouPath: { not: null } }, _count: { _all: true }, orderBy: { ouPath: "asc" } });
  return groups.map((group) => ({ ouPath: group.ouPath ?? "", accounts: group._count._all }));
}

export interface OrganizationSyncView {
  id: bigint;
  trigger: string;
  status: "running" | "succeeded" | "failed";
  startedAt: Date;
  finishedAt: Date | null;
  organizationId: string | null;
  accountsFound: number;
  accountsLinked: number;
  accountsMarked: number;
  error: StoredCollectionError | null;
}

export async function startOrganizationSync(trigger: string): Promise<bigint> {
  const row = await db().organizationSync.create({ data: { trigger }, select: { id: true } });
  return row.id;
}

export async function finishOrganizationSync(
  id: bigint,
  outcome:
    | { status: "succeeded"; organizationId: string; accountsFound: number; accountsLinked: number; accountsMarked: number }
    | { status: "failed"; error: StoredCollectionError },
): Promise<void> {
  await db().organizationSync.update({
    where: { id },
    data: {
      finishedAt: new Date(),
      ...(outcome.status === "succeeded"
        ? { status: "succeeded", organizationId: outcome.organizationId, accountsFound: outcome.accountsFound, accountsLinked: outcome.accountsLinked, accountsMarked: outcome.accountsMarked }
        : { status: "failed", error: { ...outcome.error } }),
    },
  });
}

export async function listOrganizationSyncs(limit = 10): Promise<OrganizationSyncView[]> {
  const rows = await db().organizationSync.findMany({ orderBy: { id: "desc" }, take: limit });
  return rows.map((row) => ({ ...row, status: row.status as OrganizationSyncView["status"], error: parseStoredError(row.error) }));
}

/** The latest sync, and whether one ever succeeded: what the periodic job decides from. */
export async function organizationSyncHistory(): Promise<{ latest: { startedAt: Date; status: string } | null; everSucceeded: boolean }> {
  const [latest, succeeded] = await Promise.all([
    db().organizationSync.findFirst({ orderBy: { id: "desc" }, select: { startedAt: true, status: true } }),
    db().organizationSync.findFirst({ where: { status: "succeeded" }, select: { id: true } }),
  ]);
  return { latest, everSucceeded: succeeded !== null };
}

/** The sync settings as stored (lib/onboarding/organization-store.ts parses them). */
export async function getStoredOrganizationSettings(): Promise<unknown> {
  return getSetting<unknown>(SETTINGS_KEY);
}

export async function storeOrganizationSettings(settings: object): Promise<void> {
  await setSetting(SETTINGS_KEY, settings);
}
