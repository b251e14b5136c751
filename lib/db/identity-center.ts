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
