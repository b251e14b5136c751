import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "./client";

export async function getSetting<T>(key: string): Promise<T | undefined> {
  const row = await db().installationSetting.findUnique({ where: { key } });
  return row ? (row.value as T) : undefined;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await db().installationSetting.upsert({
    where: { key },
    create: { key, value: value as object },
    update: { value: value as object },
  });
}

/**
 * The installation's ExternalId, generated once: every audit role trusts iamfit only with it,
 * which prevents the confused-deputy problem when iamfit's principal is shared.
 */
export async function getOrCreateExternalId(): Promise<string> {
  const candidate = `iamfit-${randomBytes(16).toString("hex")}`;
  // Insert-if-absent so two processes starting at once agree on one value.
  await db().installationSetting.createMany({ data: [{ key: "externalId", value: candidate }], skipDuplicates: true });
  const stored = await getSetting<string>("externalId");
  return stored ?? candidate;
}
