import "server-only";
import { identityCenterInstanceSchema, type IdentityCenterInstance } from "@/lib/snapshot/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";

/** One installation_setting row per IAM Identity Center instance: what its holding account read last. */
const KEY_PREFIX = "identitycenter.instance:";

export async function recordIdentityCenterInstance(instance: IdentityCenterInstance): Promise<void> {
  // Parsed, then stored as plain JSON: inline policies are untrusted JSON documents.
  const value = JSON.parse(JSON.stringify(identityCenterInstanceSchema.parse(instance))) as Prisma.InputJsonObject;
  const key = `${KEY_PREFIX}${instance.instanceArn}`;
  await db().installationSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

export async function listIdentityCenterInstances(): Promise<IdentityCenterInstance[]> {
  const rows = await db().installationSetting.findMany({ where: { key: { startsWith: KEY_PREFIX } }, orderBy: { key: "asc" } });
  return rows.flatMap((row) => {
    const parsed = identityCenterInstanceSchema.safeParse(row.value);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The organization discovery knows which organization each account belongs to. */
export async function organizationsOf(accountIds: string[]): Promise<Map<string, string>> {
  const rows = await db().organizationAccount.findMany({ where: { awsAccountId: { in: accountIds } }, select: { awsAccountId: true, organizationId: true } });
  return new Map(rows.map((row) => [row.awsAccountId, row.organizationId]));
}

/**
 * Accounts that may hold an Identity Center instance: those that held one when last read, and each
 * organization's management account (the middle of its accounts' Organizations ARNs). A delegated
 * administrator is only known once it was read; until then the management account is the guess.
 */
export async function identityCenterHolderCandidates(organizationOf?: string): Promise<string[]> {
  const [instances, managers] = await Promise.all([
    listIdentityCenterInstances(),
    db().$queryRaw<Array<{ management: string }>>`
      SELECT DISTINCT substring(arn, '^arn:aws[a-z-]*:organizations::([0-9]{12}):') AS management
        FROM organization_account
       WHERE (${organizationOf ?? null}::text IS NULL OR organization_id = ${organizationOf ?? null}::text)`,
  ]);
  const ids = [...instances.map((instance) => instance.readInAccountId), ...managers.map((row) => row.management)];
  return [...new Set(ids.filter((id): id is string => typeof id === "string" && id.length === 12))].sort();
}

/** A running collection whose worker has not beaten for this long is presumed dead (heartbeats come every 5 s). */
const LIVE_HEARTBEAT_MS = 30_000;

/** Collections of these accounts still queued or running with a live worker, by status. */
export async function activeCollections(awsAccountIds: string[]): Promise<{ queued: number; running: number }> {
  if (awsAccountIds.length === 0) return { queued: 0, running: 0 };
  const live = new Date(Date.now() - LIVE_HEARTBEAT_MS);
  const rows = await db().accountCollection.groupBy({
    by: ["status"],
    where: {
      account: { awsAccountId: { in: awsAccountIds } },
      OR: [{ status: "queued" }, { status: "running", OR: [{ heartbeatAt: { gt: live } }, { heartbeatAt: null, startedAt: { gt: live } }] }],
    },
    _count: { _all: true },
  });
  const count = (status: string) => rows.find((row) => row.status === status)?._count._all ?? 0;
  return { queued: count("queued"), running: count("running") };
}
