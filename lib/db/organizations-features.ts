import "server-only";
import { z } from "zod";
import { db } from "./client";

/** One installation_setting row per organization: what its management or delegated administrator account read last. */
const KEY_PREFIX = "iam.organizationsFeatures:";

const observationSchema = z.object({
  organizationId: z.string(),
  enabledFeatures: z.array(z.string()),
  readInAccountId: z.string(),
});

/** What one organization's management or delegated administrator account read (lib/collect/organizations-features.ts). */
export type OrganizationFeaturesObservation = z.infer<typeof observationSchema>;

export async function recordOrganizationFeatures(observation: OrganizationFeaturesObservation): Promise<void> {
  const value = observationSchema.parse(observation);
  await db().installationSetting.upsert({
    where: { key: `${KEY_PREFIX}${value.organizationId}` },
    create: { key: `${KEY_PREFIX}${value.organizationId}`, value },
    update: { value },
  });
}

export async function listOrganizationFeatures(): Promise<OrganizationFeaturesObservation[]> {
  const rows = await db().installationSetting.findMany({ where: { key: { startsWith: KEY_PREFIX } }, orderBy: { key: "asc" } });
  return rows.flatMap((row) => {
    const parsed = observationSchema.safeParse(row.value);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The organization discovery (issue 8) knows which organization an account belongs to. */
export async function organizationOf(awsAccountId: string): Promise<string | undefined> {
  const row = await db().organizationAccount.findUnique({ where: { awsAccountId }, select: { organizationId: true } });
  return row?.organizationId;
}
