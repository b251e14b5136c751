/**
 * How iamfit keeps up with the organization: which principal reads it, whether new accounts are
 * linked automatically (with which role name and ExternalId), which OUs count, and how often it
 * syncs. One shape for the config file's "organization" section, the settings form and storage.
 */
import { z } from "zod";
import { ACCOUNT_ID_PATTERN, DEFAULT_AUDIT_ROLE_NAME, EXTERNAL_ID_PATTERN, ROLE_ARN_PATTERN, ROLE_NAME_PATTERN } from "@/lib/accounts/link-input";
import { OU_PATTERN_MESSAGE, isOuPattern } from "./ou-filter";

export const EXTERNAL_ID_MESSAGE = "must be 2–1224 characters of letters, digits and +=,.@:/-";

const externalId = z.string().trim().regex(EXTERNAL_ID_PATTERN, EXTERNAL_ID_MESSAGE);
const ouPatterns = z.array(z.string().trim().refine(isOuPattern, OU_PATTERN_MESSAGE)).default([]);

export const organizationSettingsFields = {
  /** Link accounts the sync finds that were never linked (an account someone removed stays removed). */
  autoLink: z.boolean().default(false),
  /** The audit role's name in every account linked from the organization. */
  role: z
    .string()
    .trim()
    .regex(ROLE_NAME_PATTERN, "must be a role name (letters, digits and +=,.@_-, at most 64), the same in every account")
    .default(DEFAULT_AUDIT_ROLE_NAME),
  /** Default: the installation's ExternalId. */
  externalId: externalId.optional(),
  /** A role in the management account or a delegated administrator to read the organization through; default: iamfit's own credentials. */
  discoveryRoleArn: z
    .string()
    .trim()
    .regex(ROLE_ARN_PATTERN, "must be a role ARN, e.g. arn:aws:iam::111122223333:role/iamfit-audit")
    .optional(),
  discoveryExternalId: externalId.optional(),
  /** OU paths ("Workloads/Prod", a whole subtree) or OU ids; empty: the whole organization. */
  includeOus: ouPatterns,
  /** Wins over includeOus. */
  excludeOus: ouPatterns,
  excludeAccounts: z.array(z.string().trim().regex(ACCOUNT_ID_PATTERN, "must be exactly 12 digits")).default([]),
  /** 0 turns the periodic sync off. */
  syncIntervalHours: z.number().min(0, "must be 0 (off) or more").max(168, "must be at most 168 (a week)").default(24),
};

export const organizationSettingsSchema = z.strictObject(organizationSettingsFields);

export type OrganizationSettings = z.output<typeof organizationSettingsSchema> & {
  /** Where the settings came from: the config file wins at every start and `accounts sync`. */
  managedBy: "config" | "ui" | "default";
};

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = {
  ...organizationSettingsSchema.parse({}),
  managedBy: "default",
};

/** Stored settings read back: anything unreadable falls back to the defaults rather than failing a sync. */
export function readStoredOrganizationSettings(value: unknown): OrganizationSettings {
  if (typeof value !== "object" || value === null) return DEFAULT_ORGANIZATION_SETTINGS;
  const { managedBy, ...fields } = value as Record<string, unknown>;
  const parsed = organizationSettingsSchema.safeParse(fields);
  if (!parsed.success) return DEFAULT_ORGANIZATION_SETTINGS;
  return { ...parsed.data, managedBy: managedBy === "config" || managedBy === "ui" ? managedBy : "default" };
}
