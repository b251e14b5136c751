"use server";

import { revalidatePath } from "next/cache";
import { getAuth } from "@/lib/auth/auth";
import { authorizedAction } from "@/lib/auth/guards";
import { describeDiscovery, discoverOidcProvider } from "@/lib/auth/sso-discovery";
import { encryptClientSecret } from "@/lib/auth/sso-secret";
import { changedSsoFields, issuerSchema, parseSsoForm, ssoFormValues, ssoFormValuesFrom, type SsoFormState } from "@/lib/auth/sso-settings";
import { getSsoSettings, saveSsoSettings } from "@/lib/db/sso-settings";

/**
 * One form, two buttons: "Test discovery" (intent=test) reads the issuer's discovery document and
 * reports; "Save" (intent=save) validates the form, checks discovery the same way and saves only
 * when both pass. Both need manageSso: even the test makes the server fetch a URL an admin typed.
 */
export const ssoSettingsAction = authorizedAction(
  "manageSso",
  async ({ user, audit }, _previous: SsoFormState, formData: FormData): Promise<SsoFormState> => {
    const stored = await getSsoSettings();
    const hasSecret = stored !== null;
    if (formData.get("intent") === "test") return testDiscovery(formData, hasSecret);

    const parsed = parseSsoForm(formData, { hasSecret });
    if (!parsed.ok) return parsed.state;
    const { clientSecret, ...settings } = parsed.input;
    const discovered = await discoverOidcProvider(settings.issuer);
    // Turning SSO off must work while the provider is down; turning it on needs a provider that answers.
    if (!discovered.ok && (settings.enabled || !stored)) {
      return {
        values: ssoFormValuesFrom(formData),
        hasSecret,
        fieldErrors: { issuer: discovered.message },
        error: "Not saved: iamfit could not use this identity provider.",
        discovery: { ok: false, message: discovered.message },
      };
    }
    const protocol = discovered.ok
      ? { issuer: discovered.provider.issuer, tokenEndpointAuth: discovered.provider.tokenEndpointAuth, scopes: discovered.provider.scopes }
      : { issuer: settings.issuer, tokenEndpointAuth: stored!.tokenEndpointAuth, scopes: stored!.scopes };
    const secret = clientSecret ? await encryptClientSecret(clientSecret, (await (await getAuth()).$context).secret) : null;
    const next = { ...settings, issuer: protocol.issuer };
    const changed = changedSsoFields(stored, next, secret !== null);
    const saved = await saveSsoSettings({
      settings: next,
      clientSecretEncrypted: secret,
      tokenEndpointAuth: protocol.tokenEndpointAuth,
      scopes: protocol.scopes,
      updatedBy: user.email,
    });
    if (changed.length > 0) {
      await audit({
        action: "sso.config_changed",
        target: { type: "setting", id: "sso", label: saved.issuer },
        detail: {
          changed,
          enabled: saved.enabled,
          issuer: saved.issuer,
          clientId: saved.clientId,
          allowedDomains: saved.policy.allowedDomains,
          allowedGroups: saved.policy.allowedGroups,
          groupsClaim: saved.policy.groupsClaim,
          roleMappings: saved.policy.roleMappings,
          defaultRole: saved.policy.defaultRole,
        },
      });
    }
    revalidatePath("/settings/sso");
    revalidatePath("/sign-in");
    return {
      values: ssoFormValues(saved),
      hasSecret: true,
      fieldErrors: {},
      saved:
        changed.length === 0
          ? "Nothing changed."
          : saved.enabled
            ? `Saved. The sign-in page offers “Sign in with ${saved.displayName}”.`
            : "Saved. Single sign-on is off: the sign-in page does not offer it.",
      discovery: discovered.ok ? { ok: true, lines: describeDiscovery(discovered.provider) } : { ok: false, message: discovered.message },
    };
  },
  (message, previous) => ({ ...previous, error: message, saved: undefined }),
);

async function testDiscovery(formData: FormData, hasSecret: boolean): Promise<SsoFormState> {
  const values = ssoFormValuesFrom(formData);
  const issuer = issuerSchema.safeParse(values.issuer);
  if (!issuer.success) {
    return { values, hasSecret, fieldErrors: { issuer: issuer.error.issues[0]?.message ?? "Enter the issuer URL." } };
  }
  const discovered = await discoverOidcProvider(issuer.data);
  return {
    values,
    hasSecret,
    fieldErrors: discovered.ok ? {} : { issuer: discovered.message },
    discovery: discovered.ok ? { ok: true, lines: describeDiscovery(discovered.provider) } : { ok: false, message: discovered.message },
  };
}
