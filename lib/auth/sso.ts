/**
 * Single sign-on through the one OpenID Connect provider an admin configured at /settings/sso,
 * as a Better Auth plugin (lib/auth/auth.ts spreads `ssoPlugins()` into its plugins).
 *
 * The protocol is Better Auth's own: its generic OAuth plugin builds the provider from the
 * issuer's discovery document, and Better Auth's /sign-in/social and /callback/sso run the
 * authorization code flow with PKCE (S256), state and an ID-token nonce, and verify the ID token
 * against the provider's JWKS. genericOAuth takes its providers once at start-up; the settings
 * live in the database and change at run time, so this plugin (re)builds the provider from the
 * current settings whenever an SSO sign-in or callback arrives and the settings changed (or an
 * hour passed), and puts it in place of the previous one — the same swap genericOAuth itself does
 * when a provider's discovery failed at start-up.
 *
 * Who may sign in and with which role is lib/auth/sso-policy.ts, applied through Better Auth's
 * `user.validateUserInfo` gate, which sees the provider's fresh claims on every sign-in (new
 * user, linking and returning user alike): a refusal redirects to the sign-in page with the
 * reason; an allowed user is created with the mapped role (just in time) or has their role set
 * to it again, so leaving the IdP group demotes them at their next sign-in.
 */
import "server-only";
import { requestOriginFrom, type RequestOrigin } from "@/lib/audit/request-context";
import type { AuthContext, BetterAuthPlugin, GenericEndpointContext, OAuthProvider } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { recordAudit } from "@/lib/audit/record";
import { findAuthUserById, LastAdminError, markSignedIn, updateUserRole } from "@/lib/db/auth-users";
import { getSsoSettings, type StoredSsoSettings } from "@/lib/db/sso-settings";
import type { Role } from "./roles";
import { discoverOidcProvider, discoveryUrlFor } from "./sso-discovery";
import { isSsoDenialCode, ssoDenialCode } from "./sso-messages";
import { evaluateSsoIdentity, type SsoDecision } from "./sso-policy";
import { decryptClientSecret } from "./sso-secret";
import { SSO_PROVIDER_ID } from "./sso-settings";

export { SSO_PROVIDER_ID } from "./sso-settings";

/** The sign-in request's error code when the provider cannot be set up (discovery failed). */
export const SSO_UNAVAILABLE_CODE = "SSO_UNAVAILABLE";

/** A discovery document older than this is read again at the next sign-in (key rotation, moved endpoints). */
const PROVIDER_MAX_AGE_MS = 60 * 60 * 1000;

export function ssoPlugins(): BetterAuthPlugin[] {
  return [ssoPlugin()];
}

type AllowedDecision = Extract<SsoDecision, { allowed: true }>;

interface RequestLike {
  headers?: Headers;
  request?: Request;
}

function ssoPlugin() {
  let built: { settingsVersion: string; provider: OAuthProvider; builtAt: number } | null = null;
  /**
   * The policy's verdict for one callback request, from validateUserInfo (which sees the
   * provider's claims) to the user and session hooks of the same request (which do not).
   */
  const decisions = new WeakMap<object, AllowedDecision>();
  const decisionKey = (ctx: GenericEndpointContext | null): object | null => ctx?.request ?? ctx ?? null;

  async function providerFor(settings: StoredSsoSettings, context: AuthContext): Promise<OAuthProvider | null> {
    const settingsVersion = settings.updatedAt.toISOString();
    if (built && built.settingsVersion === settingsVersion && Date.now() - built.builtAt < PROVIDER_MAX_AGE_MS) return built.provider;
    // The provider's document is read again here, and may have changed since an admin saved the
    // settings: it is held to the same rule as "Test discovery" (every redirect hop and endpoint).
    // Better Auth then reads it once more for the signing keys, following same-origin redirects
    // only (it does so when discovery headers are set); the endpoints are the ones checked here.
    const discovered = await discoverOidcProvider(settings.issuer);
    if (!discovered.ok) {
      context.logger.error(`SSO: ${discovered.message}`);
      return null;
    }
    const clientSecret = await decryptClientSecret(settings.clientSecretEncrypted, context.secret);
    const generic = genericOAuth({
      config: [
        {
          providerId: SSO_PROVIDER_ID,
          name: settings.displayName,
          discoveryUrl: discoveryUrlFor(settings.issuer),
          discoveryHeaders: { accept: "application/json" },
          authorizationUrl: discovered.provider.authorizationEndpoint,
          tokenUrl: discovered.provider.tokenEndpoint,
          ...(discovered.provider.userinfoEndpoint ? { userInfoUrl: discovered.provider.userinfoEndpoint } : {}),
          clientId: settings.clientId,
          clientSecret,
          tokenEndpointAuth: { method: settings.tokenEndpointAuth },
          scopes: settings.scopes,
          pkce: true,
          // Without the issuer's JWKS there is no ID-token signature or nonce check: refuse.
          requireIdTokenVerification: true,
        },
      ],
    });
    const { context: initialized } = await generic.init(context);
    if (initialized.genericOAuthPendingDiscovery.has(SSO_PROVIDER_ID)) return null;
    const provider = initialized.socialProviders.find((candidate) => candidate.id === SSO_PROVIDER_ID) ?? null;
    if (provider) built = { settingsVersion, provider, builtAt: Date.now() };
    return provider;
  }

  /** In place: requests share the context's provider list. */
  function installProvider(context: AuthContext, provider: OAuthProvider | null): void {
    const providers = context.socialProviders;
    const index = providers.findIndex((candidate) => candidate.id === SSO_PROVIDER_ID);
    if (provider && index >= 0) providers.splice(index, 1, provider);
    else if (provider) providers.unshift(provider);
    else if (index >= 0) providers.splice(index, 1);
  }

  async function validateSsoUser(
    data: { user: Record<string, unknown>; source: { method: string; action: string; oauth?: { providerId: string; profile?: Record<string, unknown> } } },
    ctx: GenericEndpointContext,
  ): Promise<void | { error: string; errorDescription?: string }> {
    if (data.source.method !== "oauth" || data.source.oauth?.providerId !== SSO_PROVIDER_ID) return;
    const settings = await getSsoSettings();
    if (!settings?.enabled) {
      return { error: ssoDenialCode("disabled"), errorDescription: "Single sign-on is turned off." };
    }
    const decision = evaluateSsoIdentity(settings.policy, data.source.oauth.profile ?? {});
    // An SSO identity never takes over an existing iamfit user that has no SSO account yet (a
    // password user): that would skip their TOTP and re-map their role from the IdP's groups.
    if (decision.allowed && data.source.action === "link-account") {
      await auditDenied(decision.email, { reason: "password_account", issuer: settings.issuer }, ctx);
      return { error: ssoDenialCode("password_account"), errorDescription: `${decision.email} already signs in to iamfit with a password.` };
    }
    if (!decision.allowed) {
      await auditDenied(decision.email, { reason: decision.reason, groups: decision.groups, issuer: settings.issuer }, ctx);
      return { error: ssoDenialCode(decision.reason), errorDescription: decision.message };
    }
    const key = decisionKey(ctx);
    if (key) decisions.set(key, decision);
  }

  return {
    id: "iamfit-sso",
    init(context) {
      // Better Auth merges plugin options under the app's own: an app-level validateUserInfo
      // would silently replace the SSO policy below. Fail at start-up instead of failing open.
      if (context.options.user?.validateUserInfo) {
        throw new Error("lib/auth/sso.ts applies the SSO policy through user.validateUserInfo; lib/auth/auth.ts sets its own. Call both from one function.");
      }
      return {
        options: {
          user: { validateUserInfo: validateSsoUser },
          // The IdP's access token is of no use to iamfit, but Better Auth stores it: not in clear.
          account: { encryptOAuthTokens: true },
          // OAuth failures that happen before the sign-in's own error URL is known (a lost state)
          // land on the sign-in page too, which explains ?error= (lib/auth/sso-messages.ts).
          onAPIError: { errorURL: "/sign-in" },
          databaseHooks: {
            user: {
              create: {
                async before(user, ctx) {
                  const decision = decisions.get(decisionKey(ctx) ?? {});
                  if (!decision) return;
                  // Just-in-time: the user gets the mapped role; the IdP vouched for the address.
                  return { data: { ...user, role: decision.role, emailVerified: true } };
                },
                async after(user, ctx) {
                  const decision = decisions.get(decisionKey(ctx) ?? {});
                  if (!decision) return;
                  await recordAudit({
                    action: "user.created",
                    actor: { kind: "user", userId: user.id, email: user.email },
                    target: { type: "user", id: user.id, label: user.email },
                    detail: { role: decision.role, method: "sso", group: decision.matchedGroup },
                    ...requestOrigin(ctx),
                  });
                },
              },
            },
            session: {
              create: {
                async before(session, ctx) {
                  const decision = decisions.get(decisionKey(ctx) ?? {});
                  if (!decision) return;
                  await applyMappedRole(session.userId, decision, ctx);
                },
                async after(session, ctx) {
                  const decision = decisions.get(decisionKey(ctx) ?? {});
                  if (!decision) return;
                  const user = await findAuthUserById(session.userId);
                  await markSignedIn(session.userId);
                  await recordAudit({
                    action: "auth.sign_in",
                    actor: { kind: "user", userId: session.userId, email: user?.email ?? decision.email },
                    detail: { method: "sso", role: user?.role ?? decision.role, group: decision.matchedGroup },
                    ...requestOrigin(ctx),
                  });
                },
              },
            },
          },
        },
      };
    },
    hooks: {
      before: [
        {
          matcher: (ctx) => isSsoFlow(ctx),
          handler: createAuthMiddleware(async (ctx) => {
            const settings = await getSsoSettings();
            if (!settings?.enabled) {
              installProvider(ctx.context, null);
              return;
            }
            const provider = await providerFor(settings, ctx.context).catch((error: unknown) => {
              ctx.context.logger.error(`SSO: could not set up the provider ${settings.issuer}: ${error instanceof Error ? error.message : String(error)}`);
              return null;
            });
            if (provider) {
              installProvider(ctx.context, provider);
              return;
            }
            // A callback goes on with the provider built last time, if any; a new sign-in stops here.
            if (ctx.path === "/sign-in/social") {
              throw new APIError("SERVICE_UNAVAILABLE", {
                code: SSO_UNAVAILABLE_CODE,
                message: `iamfit cannot reach ${settings.displayName} right now (its discovery document at ${settings.issuer} did not load). Try again in a minute, or ask an iamfit admin to test the SSO settings.`,
              });
            }
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => isSsoFlow(ctx) && ctx.path !== "/sign-in/social",
          handler: createAuthMiddleware(async (ctx) => {
            // Failures Better Auth turns into a redirect with ?error= (bad state, code or token,
            // an account not linked); the policy's refusals are audited as auth.sso_denied already.
            const location = redirectLocation(ctx.context.returned);
            const error = location ? new URL(location, "http://iamfit.invalid").searchParams.get("error") : null;
            if (!error || isSsoDenialCode(error)) return;
            await recordAudit({
              action: "auth.sign_in",
              outcome: "failure",
              actor: { kind: "anonymous" },
              detail: { method: "sso", reason: error },
              ...requestOrigin(ctx),
            });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}

/** Sets the user's role to the mapped one; the last active admin keeps theirs (see below). */
async function applyMappedRole(userId: string, decision: AllowedDecision, ctx: GenericEndpointContext | null): Promise<void> {
  const current = await findAuthUserById(userId);
  if (!current || current.role === decision.role) return;
  try {
    const { before } = await updateUserRole(userId, decision.role);
    await recordAudit({
      action: "user.role_changed",
      actor: { kind: "system" },
      target: { type: "user", id: userId, label: current.email },
      detail: { from: before, to: decision.role, via: "sso", group: decision.matchedGroup },
      ...requestOrigin(ctx),
    });
  } catch (error) {
    if (!(error instanceof LastAdminError)) throw error;
    // Demoting the last active admin would leave nobody able to fix the SSO settings.
    await recordAudit({
      action: "user.role_changed",
      outcome: "denied",
      actor: { kind: "system" },
      target: { type: "user", id: userId, label: current.email },
      detail: { from: current.role, to: decision.role satisfies Role, via: "sso", reason: "last_admin" },
      ...requestOrigin(ctx),
    });
  }
}

async function auditDenied(email: string | null, detail: Record<string, unknown>, ctx: GenericEndpointContext | null): Promise<void> {
  await recordAudit({
    action: "auth.sso_denied",
    outcome: "denied",
    actor: { kind: "anonymous", email: email ?? undefined },
    detail: { method: "sso", ...detail },
    ...requestOrigin(ctx),
  });
}

function requestedProviderId(ctx: { body?: unknown; params?: unknown }): string | undefined {
  const body = ctx.body as { provider?: unknown } | undefined;
  const params = ctx.params as { id?: unknown } | undefined;
  const id = body?.provider ?? params?.id;
  return typeof id === "string" ? id : undefined;
}

function isSsoFlow(ctx: { path?: string; body?: unknown; params?: unknown }): boolean {
  return (ctx.path === "/sign-in/social" || Boolean(ctx.path?.startsWith("/callback/"))) && requestedProviderId(ctx) === SSO_PROVIDER_ID;
}

function redirectLocation(returned: unknown): string | null {
  const headers = (returned as { headers?: unknown } | null)?.headers;
  return headers instanceof Headers ? headers.get("location") : null;
}

function requestOrigin(ctx: RequestLike | null): RequestOrigin {
  return requestOriginFrom(ctx?.headers ?? ctx?.request?.headers);
}
