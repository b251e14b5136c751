/**
 * The browser's calls to Better Auth's endpoints (/api/auth/*). The sign-in steps go there, not
 * through server actions, so Better Auth's per-address rate limit and Origin check apply to them.
 */
import type { AuthRefusal } from "@/lib/auth/sign-in-messages";

export type AuthAnswer<T> = { ok: true; data: T } | { ok: false; refusal: AuthRefusal };

async function postJson<T>(path: string, body: unknown): Promise<AuthAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/auth${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, refusal: { status: 0, message: "iamfit cannot be reached." } };
  }
  const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, data: payload as T };
  const retryAfter = Number(response.headers.get("x-retry-after"));
  return {
    ok: false,
    refusal: {
      status: response.status,
      code: typeof payload.code === "string" ? payload.code : undefined,
      message: typeof payload.message === "string" ? payload.message : undefined,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    },
  };
}

export function signInWithPassword(email: string, password: string) {
  return postJson<{ twoFactorRedirect?: boolean }>("/sign-in/email", { email, password, rememberMe: true });
}

/** Creates (or renews, until confirmed) the user's authenticator key; needs the password again. */
export function startTotpEnrolment(password: string) {
  return postJson<{ totpURI?: string }>("/two-factor/enable", { password });
}

/** The code step of a sign-in, or the confirmation that finishes an enrolment. */
export function verifyTotpCode(code: string) {
  return postJson<{ token?: string }>("/two-factor/verify-totp", { code });
}
