/**
 * iamfit's rules around Better Auth's sign-in endpoints, as a Better Auth plugin so they hold for
 * every way in (the sign-in page, a script posting to /api/auth, server code calling auth.api):
 * the per-email lockout (lib/auth/lockout.ts) and the audit trail of sign-ins, failures and
 * two-factor enrolments. Listed after the two-factor plugin, its after-hooks see that plugin's
 * verdict (a password sign-in that still needs a code answers { twoFactorRedirect: true }).
 */
import "server-only";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { recordAudit } from "@/lib/audit/record";
import { findAuthUserByEmail, findAuthUserById, markSignedIn, userIdForVerification } from "@/lib/db/auth-users";
import { clearSignInFailures, recentSignInFailures, recordSignInFailure } from "@/lib/db/sign-in-failures";
import { requestOriginFrom } from "@/lib/audit/request-context";
import { lockoutMessage, lockoutState, normalizeEmail } from "./lockout";

/** Better Auth's two-factor challenge cookie (plugins/two-factor/constant: TWO_FACTOR_COOKIE_NAME). */
const TWO_FACTOR_CHALLENGE_COOKIE = "two_factor";
export const SIGN_IN_LOCKED_CODE = "SIGN_IN_LOCKED";

export type SignInFailureReason = "bad_password" | "bad_totp" | "locked_out" | "rate_limited" | "banned";

interface HookContext {
  path?: string;
  body?: unknown;
  headers?: Headers;
  request?: Request;
}

function requestOrigin(ctx: HookContext) {
  return requestOriginFrom(ctx.headers ?? ctx.request?.headers);
}

function bodyEmail(ctx: HookContext): string | null {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" && email.length <= 320 ? normalizeEmail(email) : null;
}

/**
 * A sign-in attempt: on success the actor is the user; a failure is someone unauthenticated
 * trying an email (the user it names, if any, is the target), so a trail filtered by actor never
 * credits a stranger's attempts to the account owner.
 */
export async function auditSignIn(
  outcome: "success" | "failure",
  who: { email: string | null; userId?: string },
  origin: { ip: string | null; userAgent: string | null },
  detail: Record<string, unknown>,
): Promise<void> {
  const email = who.email ?? undefined;
  await recordAudit({
    action: "auth.sign_in",
    outcome,
    actor: outcome === "success" && who.userId ? { kind: "user", userId: who.userId, email } : { kind: "anonymous", email },
    target: who.userId ? { type: "user", id: who.userId, label: email } : undefined,
    detail,
    ...origin,
  });
}

async function signedIn(user: { id: string; email: string }, origin: ReturnType<typeof requestOrigin>, detail: Record<string, unknown>) {
  await clearSignInFailures(normalizeEmail(user.email));
  await markSignedIn(user.id);
  await auditSignIn("success", { email: user.email, userId: user.id }, origin, detail);
}

async function failed(email: string | null, reason: "bad_password" | "bad_totp", origin: ReturnType<typeof requestOrigin>) {
  if (!email) return;
  await recordSignInFailure(email, reason);
  const user = await findAuthUserByEmail(email);
  await auditSignIn("failure", { email, userId: user?.id }, origin, { reason });
}

export function signInPolicy() {
  return {
    id: "iamfit-sign-in-policy",
    hooks: {
      before: [
        {
          matcher: (ctx: HookContext) => ctx.path === "/sign-in/email",
          handler: createAuthMiddleware(async (ctx) => {
            const email = bodyEmail(ctx);
            if (!email) return;
            const state = lockoutState(await recentSignInFailures(email), new Date());
            if (!state.locked) return;
            const user = await findAuthUserByEmail(email);
            await auditSignIn("failure", { email, userId: user?.id }, requestOrigin(ctx), { reason: "locked_out", retryAt: state.retryAt.toISOString() });
            throw new APIError("TOO_MANY_REQUESTS", { code: SIGN_IN_LOCKED_CODE, message: lockoutMessage(state.retryAt), retryAt: state.retryAt.toISOString() });
          }),
        },
        {
          // Before, because afterwards the session (and so who signed out) is gone.
          matcher: (ctx: HookContext) => ctx.path === "/sign-out",
          handler: createAuthMiddleware(async (ctx) => {
            const session = await getSessionFromCtx(ctx).catch(() => null);
            if (!session) return;
            await recordAudit({
              action: "auth.sign_out",
              actor: { kind: "user", userId: session.user.id, email: session.user.email },
              ...requestOrigin(ctx),
            });
          }),
        },
      ],
      after: [
        {
          matcher: (ctx: HookContext) => ctx.path === "/sign-in/email",
          handler: createAuthMiddleware(async (ctx) => {
            const origin = requestOrigin(ctx);
            const returned = ctx.context.returned;
            const email = bodyEmail(ctx);
            if (isAPIError(returned)) {
              const code = (returned.body as { code?: string } | undefined)?.code;
              if (code === "BANNED_USER") {
                const user = email ? await findAuthUserByEmail(email) : null;
                await auditSignIn("failure", { email, userId: user?.id }, origin, { reason: "banned" });
              } else if (returned.statusCode === 401) {
                await failed(email, "bad_password", origin);
              }
              return;
            }
            const session = ctx.context.newSession;
            // No session and no error: the password was right and the two-factor plugin now asks for a code.
            if (!session) return;
            await signedIn(session.user, origin, { method: "password", twoFactor: "not_enrolled" });
          }),
        },
        {
          matcher: (ctx: HookContext) => ctx.path === "/two-factor/verify-totp",
          handler: createAuthMiddleware(async (ctx) => {
            const origin = requestOrigin(ctx);
            const returned = ctx.context.returned;
            const cookieName = ctx.context.createAuthCookie(TWO_FACTOR_CHALLENGE_COOKIE).name;
            const challenge = await ctx.getSignedCookie(cookieName, ctx.context.secret);
            if (isAPIError(returned)) {
              // Only a sign-in's code step counts toward the lockout; a wrong code while enrolling does not.
              if (!challenge) return;
              const userId = await userIdForVerification(challenge);
              const user = userId ? await findAuthUserById(userId) : null;
              await failed(user?.email ?? null, "bad_totp", origin);
              if (!user) await auditSignIn("failure", { email: null }, origin, { reason: "bad_totp" });
              return;
            }
            const session = ctx.context.newSession;
            if (!session) return;
            if (challenge) {
              await signedIn(session.user, origin, { method: "password", twoFactor: "totp" });
            } else {
              await recordAudit({
                action: "auth.two_factor_enrolled",
                actor: { kind: "user", userId: session.user.id, email: session.user.email },
                target: { type: "user", id: session.user.id, label: session.user.email },
                ...origin,
              });
            }
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
