/**
 * The Better Auth instance: email + password (no public sign-up: the first admin comes from
 * /setup, everyone else from an admin or the CLI), mandatory TOTP for password users (enforced by
 * getSessionState), roles and disabling through the admin plugin, single sign-on plugins, and
 * the per-IP rate limit in the database so every web process shares it.
 *
 * Created lazily because its secret may live in the database (IAMFIT_AUTH_SECRET unset), and per
 * database client so integration tests, which switch databases, get an instance on theirs.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin, twoFactor } from "better-auth/plugins";
import { adminAc, userAc } from "better-auth/plugins/admin/access";
import { db } from "@/lib/db/client";
import { getOrCreateAuthSecret } from "@/lib/db/auth-secret";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/runtime/client-address";
import { LOCKOUT_POLICY } from "./lockout";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-policy-limits";
import { AUTH_COOKIE_PREFIX } from "./session-cookie";
import { signInPolicy } from "./sign-in-policy";
import { ssoPlugins } from "./sso";

export const AUTH_BASE_PATH = "/api/auth";

/**
 * Better Auth endpoints nobody outside the server may call: user administration goes through
 * lib/auth/user-admin.ts (audited, never leaves zero admins); two-factor stays mandatory and
 * TOTP-only; there is no email delivery for password resets or verification.
 */
const DISABLED_PATHS = [
  "/sign-up/email",
  "/request-password-reset",
  "/reset-password",
  "/send-verification-email",
  "/verify-email",
  "/change-email",
  "/delete-user",
  "/update-user",
  "/two-factor/disable",
  "/two-factor/send-otp",
  "/two-factor/verify-otp",
  "/two-factor/verify-backup-code",
  "/two-factor/generate-backup-codes",
  "/two-factor/view-backup-codes",
  "/admin/set-role",
  "/admin/get-user",
  "/admin/create-user",
  "/admin/update-user",
  "/admin/list-users",
  "/admin/list-user-sessions",
  "/admin/unban-user",
  "/admin/ban-user",
  "/admin/impersonate-user",
  "/admin/stop-impersonating",
  "/admin/revoke-user-session",
  "/admin/revoke-user-sessions",
  "/admin/remove-user",
  "/admin/set-user-password",
  "/admin/has-permission",
];

export interface AuthSettings {
  secret: string;
  /** Per client address and minute, for the sign-in and two-factor endpoints each. */
  signInAttemptsPerMinute: number;
  /** IAMFIT_PUBLIC_URL: fixes the origin (cookies Secure when https); unset: each request's origin. */
  publicUrl?: string;
}

export function createAuth({ secret, publicUrl, signInAttemptsPerMinute }: AuthSettings) {
  return betterAuth({
    appName: "iamfit",
    secret,
    baseURL: publicUrl,
    basePath: AUTH_BASE_PATH,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    telemetry: { enabled: false },
    // Failed sign-ins are in the audit log; Better Auth's own warnings about them are noise.
    logger: { level: "error" },
    user: { modelName: "authUser" },
    session: { modelName: "authSession", expiresIn: 7 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    account: { modelName: "authAccount" },
    verification: { modelName: "authVerification" },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "authRateLimit",
      window: 60,
      max: 200,
      // Per client address; the per-email lockout (sign-in-policy.ts) covers slow, spread guessing.
      customRules: {
        "/sign-in/*": { window: 60, max: signInAttemptsPerMinute },
        "/two-factor/*": { window: 60, max: signInAttemptsPerMinute },
      },
    },
    disabledPaths: DISABLED_PATHS,
    advanced: {
      // Secure whenever the public URL is https; lib/auth/auth-route.ts also marks cookies Secure
      // on any request that arrived over https without IAMFIT_PUBLIC_URL.
      useSecureCookies: publicUrl?.startsWith("https://") ?? false,
      cookiePrefix: AUTH_COOKIE_PREFIX,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // The custom server stamps the client's address (lib/runtime/client-address.ts).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      database: { generateId: () => randomUUID() },
    },
    plugins: [
      twoFactor({
        issuer: "iamfit",
        schema: { twoFactor: { modelName: "authTwoFactor" } },
        accountLockout: { enabled: true, maxFailedAttempts: LOCKOUT_POLICY.maxFailures, durationSeconds: LOCKOUT_POLICY.lockMs / 1000 },
      }),
      admin({
        defaultRole: "viewer",
        adminRoles: ["admin"],
        roles: { admin: adminAc, editor: userAc, viewer: userAc },
        bannedUserMessage: "This account is disabled. Ask an iamfit admin.",
      }),
      ...ssoPlugins(),
      signInPolicy(),
      // Last: lets server actions that call auth.api set cookies through next/headers.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { iamfitAuth?: { client: object; auth: Promise<Auth> } };

/** The instance for the current database client (a new client, e.g. after disconnectDb, gets a new one). */
export function getAuth(): Promise<Auth> {
  const client = db();
  if (!globalForAuth.iamfitAuth || globalForAuth.iamfitAuth.client !== client) {
    const config = env();
    const auth = (async () =>
      createAuth({
        secret: config.IAMFIT_AUTH_SECRET ?? (await getOrCreateAuthSecret()),
        publicUrl: config.IAMFIT_PUBLIC_URL,
        signInAttemptsPerMinute: config.IAMFIT_SIGN_IN_ATTEMPTS_PER_MINUTE,
      }))();
    // A failed start (database away) is retried by the next request rather than cached.
    auth.catch(() => {
      if (globalForAuth.iamfitAuth?.auth === auth) globalForAuth.iamfitAuth = undefined;
    });
    globalForAuth.iamfitAuth = { client, auth };
  }
  return globalForAuth.iamfitAuth.auth;
}
