/**
 * What the sign-in pages say when Better Auth refuses: one generic message for a wrong email or
 * password (never which of the two), the lockout's own message (it says when to retry), and
 * plain words for the rest. Pure, shared by the browser forms and their tests.
 */
export interface AuthRefusal {
  status: number;
  code?: string;
  message?: string;
  /** Seconds, from Better Auth's rate limiter (X-Retry-After). */
  retryAfterSeconds?: number;
}

export const WRONG_CREDENTIALS = "The email or password is not right.";

function inSeconds(seconds: number | undefined): string {
  if (!seconds || seconds <= 0) return "a minute";
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

export function passwordStepMessage(refusal: AuthRefusal): string {
  if (refusal.code === "SIGN_IN_LOCKED" && refusal.message) return refusal.message;
  if (refusal.code === "BANNED_USER") return "This account is disabled. Ask an iamfit admin.";
  if (refusal.status === 429) return `Too many sign-in attempts from your network. Try again in ${inSeconds(refusal.retryAfterSeconds)}.`;
  if (refusal.status === 400 || refusal.status === 401 || refusal.status === 403) return WRONG_CREDENTIALS;
  return "Signing in failed. Try again in a moment.";
}

/** `restart`: the challenge is over (expired or too many wrong codes); only a new sign-in helps. */
export function codeStepMessage(refusal: AuthRefusal): { message: string; restart: boolean } {
  switch (refusal.code) {
    case "INVALID_CODE":
      return { message: "That code is not right. Enter the current 6-digit code from your authenticator app.", restart: false };
    case "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE":
      return { message: "Too many wrong codes. Sign in again.", restart: true };
    case "INVALID_TWO_FACTOR_COOKIE":
      return { message: "This sign-in has expired. Sign in again.", restart: true };
  }
  if (refusal.status === 429) return { message: `Too many attempts. Try again in ${inSeconds(refusal.retryAfterSeconds)}.`, restart: false };
  if (refusal.message && /locked/i.test(refusal.message)) return { message: "Too many wrong codes for this account. Try again in 15 minutes.", restart: true };
  return { message: "Checking the code failed. Try again.", restart: false };
}
