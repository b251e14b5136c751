/**
 * Failed sign-ins per email, for the lockout (lib/auth/lockout.ts decides; this stores).
 */
import "server-only";
import { LOCKOUT_POLICY } from "@/lib/auth/lockout";
import { db } from "./client";

export type SignInFailureReason = "bad_password" | "bad_totp";

export async function recentSignInFailures(email: string, now = new Date()): Promise<Date[]> {
  const rows = await db().authSignInFailure.findMany({
    where: { email, failedAt: { gt: new Date(now.getTime() - LOCKOUT_POLICY.windowMs) } },
    orderBy: { failedAt: "desc" },
    take: LOCKOUT_POLICY.maxFailures,
    select: { failedAt: true },
  });
  return rows.map((row) => row.failedAt);
}

export async function recordSignInFailure(email: string, reason: SignInFailureReason, now = new Date()): Promise<void> {
  await db().$transaction([
    // Older rows no longer count for anything; pruning one email's at a time keeps the table small.
    db().authSignInFailure.deleteMany({ where: { email, failedAt: { lt: new Date(now.getTime() - LOCKOUT_POLICY.windowMs) } } }),
    db().authSignInFailure.create({ data: { email, reason, failedAt: now } }),
  ]);
}

export async function clearSignInFailures(email: string): Promise<void> {
  await db().authSignInFailure.deleteMany({ where: { email } });
}
