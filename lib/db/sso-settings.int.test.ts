import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SsoSettingsInput } from "@/lib/auth/sso-settings";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { db } from "./client";
import { getSsoSettings, getSsoSignInOption, saveSsoSettings, SsoSecretRequiredError } from "./sso-settings";

const SETTINGS: Omit<SsoSettingsInput, "clientSecret"> = {
  enabled: true,
  displayName: "Okta",
  issuer: "https://example.okta.com",
  clientId: "0oa123",
  allowedDomains: ["example.com"],
  allowedGroups: [],
  groupsClaim: "groups",
  roleMappings: [{ group: "iamfit-admins", role: "admin" }],
  defaultRole: "deny",
};

function write(overrides: Partial<Parameters<typeof saveSsoSettings>[0]> = {}): Parameters<typeof saveSsoSettings>[0] {
  return { settings: SETTINGS, clientSecretEncrypted: "encrypted-1", tokenEndpointAuth: "client_secret_basic", scopes: ["openid", "email"], updatedBy: "ada@example.com", ...overrides };
}

describe("SSO settings storage", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  it("has nothing to offer before anything is saved, and refuses a first save without a secret", async () => {
    expect(await getSsoSettings()).toBeNull();
    expect(await getSsoSignInOption()).toBeNull();
    await expect(saveSsoSettings(write({ clientSecretEncrypted: null }))).rejects.toBeInstanceOf(SsoSecretRequiredError);
  });

  it("saves the settings and offers the button while enabled", async () => {
    const saved = await saveSsoSettings(write());
    expect(saved).toMatchObject({ enabled: true, issuer: "https://example.okta.com", clientSecretEncrypted: "encrypted-1", policy: { roleMappings: [{ group: "iamfit-admins", role: "admin" }], defaultRole: "deny" } });
    expect(await getSsoSignInOption()).toEqual({ displayName: "Okta" });
  });

  it("keeps the stored secret when a save brings none, and replaces it when one comes", async () => {
    await saveSsoSettings(write({ settings: { ...SETTINGS, enabled: false }, clientSecretEncrypted: null }));
    expect(await getSsoSettings()).toMatchObject({ enabled: false, clientSecretEncrypted: "encrypted-1" });
    expect(await getSsoSignInOption()).toBeNull();
    await saveSsoSettings(write({ clientSecretEncrypted: "encrypted-2" }));
    expect(await getSsoSettings()).toMatchObject({ clientSecretEncrypted: "encrypted-2" });
    expect(await db().ssoSettings.count()).toBe(1);
  });

  it("fails closed on hand-edited values: unknown roles map nothing and an unknown default refuses", async () => {
    await db().$executeRaw`UPDATE sso_settings SET role_mappings = '[{"group":"x","role":"root"}]'`;
    expect((await getSsoSettings())?.policy.roleMappings).toEqual([]);
    await expect(db().$executeRaw`UPDATE sso_settings SET default_role = 'root'`).rejects.toThrow(/sso_settings_default_role_check/);
  });
});
