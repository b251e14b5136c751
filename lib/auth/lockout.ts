/**
 * The per-email sign-in lockout, on top of Better Auth's per-address rate limit: after 5 failed
 * sign-ins (wrong password or wrong code) for one email within 15 minutes, that email is refused
 * for 15 minutes from the last failure. It applies to emails nobody has too, so a lockout never
 * tells whether an account exists. Attempts refused while locked do not count (an attacker
 * cannot extend the lock forever); a successful sign-in clears the count.
 */
export const LOCKOUT_POLICY = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
} as const;

export type LockoutState = { locked: false } | { locked: true; retryAt: Date };

/** `recentFailures`: failure times for one email, any order; only the window's matter. */
export function lockoutState(recentFailures: Date[], now: Date, policy = LOCKOUT_POLICY): LockoutState {
  const inWindow = recentFailures.filter((failedAt) => now.getTime() - failedAt.getTime() < policy.windowMs);
  if (inWindow.length < policy.maxFailures) return { locked: false };
  const latest = Math.max(...inWindow.map((failedAt) => failedAt.getTime()));
  const retryAt = new Date(latest + policy.lockMs);
  return retryAt > now ? { locked: true, retryAt } : { locked: false };
}

/** "Too many failed sign-ins. Try again after 14:05 UTC." — said the same way for every email. */
export function lockoutMessage(retryAt: Date): string {
  const time = retryAt.toISOString().slice(11, 16);
  return `Too many failed sign-ins for this email. Try again after ${time} UTC.`;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
