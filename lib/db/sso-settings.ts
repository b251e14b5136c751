/**
 * The single sign-on settings row (sso_settings, at most one). Reads return plain settings plus
 * the encrypted client secret, which only lib/auth/sso.ts decrypts; nothing here ever sees the
 * secret in clear.
 */
import "server-only";
import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";
import type { SsoDefaultRole } from "@/lib/auth/sso-policy";
import type { SsoSettings, SsoSettingsInput, TokenEndpointAuth } from "@/lib/auth/sso-settings";
import { db } from "./client";

const ROW_ID = "default";

export interface StoredSsoSettings extends SsoSettings {
  clientSecretEncrypted: string;
  updatedAt: Date;
  updatedBy: string | null;
}

export class SsoSecretRequiredError extends Error {
  constructor() {
    super("Enter the client secret: none is stored yet.");
    this.name = "SsoSecretRequiredError";
  }
}

const roleMappingsSchema = z.array(z.object({ group: z.string(), role: roleSchema }));
const defaultRoleSchema = z.enum(["viewer", "editor", "admin", "deny"]);

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["ssoSettings"]["findUnique"]>>>;

function fromRow(row: Row): StoredSsoSettings {
  // Hand-edited or future values fail closed: no mapping, and "deny" for everyone unmapped.
  const mappings = roleMappingsSchema.safeParse(row.roleMappings);
  const defaultRole = defaultRoleSchema.safeParse(row.defaultRole);
  return {
    enabled: row.enabled,
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    tokenEndpointAuth: row.tokenEndpointAuth === "client_secret_post" ? "client_secret_post" : "client_secret_basic",
    scopes: row.scopes,
    policy: {
      allowedDomains: row.allowedDomains,
      allowedGroups: row.allowedGroups,
      groupsClaim: row.groupsClaim,
      roleMappings: mappings.success ? mappings.data : [],
      defaultRole: (defaultRole.success ? defaultRole.data : "deny") satisfies SsoDefaultRole,
    },
    clientSecretEncrypted: row.clientSecretEncrypted,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export async function getSsoSettings(): Promise<StoredSsoSettings | null> {
  const row = await db().ssoSettings.findUnique({ where: { id: ROW_ID } });
  return row ? fromRow(row) : null;
}

/** What the sign-in page needs: the button's name when SSO is on, else null. */
export async function getSsoSignInOption(): Promise<{ displayName: string } | null> {
  const row = await db().ssoSettings.findUnique({ where: { id: ROW_ID }, select: { enabled: true, displayName: true } });
  return row?.enabled ? { displayName: row.displayName } : null;
}

export interface SsoSettingsWrite {
  settings: Omit<SsoSettingsInput, "clientSecret">;
  /** null keeps the stored secret (the form's secret field was left empty). */
  clientSecretEncrypted: string | null;
  tokenEndpointAuth: TokenEndpointAuth;
  scopes: string[];
  updatedBy: string;
}

export async function saveSsoSettings(write: SsoSettingsWrite): Promise<StoredSsoSettings> {
  const { settings } = write;
  const data = {
    enabled: settings.enabled,
    displayName: settings.displayName,
    issuer: settings.issuer,
    clientId: settings.clientId,
    tokenEndpointAuth: write.tokenEndpointAuth,
    scopes: write.scopes,
    allowedDomains: settings.allowedDomains,
    allowedGroups: settings.allowedGroups,
    groupsClaim: settings.groupsClaim,
    roleMappings: settings.roleMappings,
    defaultRole: settings.defaultRole,
    updatedBy: write.updatedBy,
  };
  const row = await db().$transaction(async (tx) => {
    const existing = await tx.ssoSettings.findUnique({ where: { id: ROW_ID }, select: { id: true } });
    if (existing) {
      return tx.ssoSettings.update({
        where: { id: ROW_ID },
        data: { ...data, ...(write.clientSecretEncrypted ? { clientSecretEncrypted: write.clientSecretEncrypted } : {}) },
      });
    }
    if (!write.clientSecretEncrypted) throw new SsoSecretRequiredError();
    return tx.ssoSettings.create({ data: { id: ROW_ID, ...data, clientSecretEncrypted: write.clientSecretEncrypted } });
  });
  return fromRow(row);
}
