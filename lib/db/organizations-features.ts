import "server-only";
import { z } from "zod";
import {
  organizationForMember,
  type OrganizationFeaturesObservation,
  type OrganizationsFeaturesDirectory,
} from "@/lib/collect/organizations-features";
import { db } from "./client";

/** One installation_setting row per organization: what its management or delegated administrator account read last. */
const KEY_PREFIX = "iam.organizationsFeatures:";

const observationSchema = z.object({
  organizationId: z.string(),
  enabledFeatures: z.array(z.string()),
  readInAccountId: z.string(),
});

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
async function organizationOf(awsAccountId: string): Promise<string | undefined> {
  const row = await db().organizationAccount.findUnique({ where: { awsAccountId }, select: { organizationId: true } });
  return row?.organizationId;
}

export const databaseOrganizationsFeatures: OrganizationsFeaturesDirectory = {
  record: recordOrganizationFeatures,
  async lookup(memberAccountId) {
    const [observations, organizationId] = await Promise.all([listOrganizationFeatures(), organizationOf(memberAccountId)]);
    return organizationForMember(observations, organizationId);
  },
};
