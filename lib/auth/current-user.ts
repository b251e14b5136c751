/**
 * Who is asking, once per request: the one place that turns Better Auth's session into iamfit's
 * SessionState. Everything else (guards, the header, the sign-in pages) asks here.
 */
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { anyUserExists, hasPasswordAccount, isBanActive } from "@/lib/db/auth-users";
import { getAuth } from "./auth";
import { roleSchema } from "./roles";
import type { SessionUser } from "./session-user";

export type SessionState =
  /** Nobody exists yet: first-run setup at /setup. */
  | { kind: "no_users" }
  | { kind: "signed_out" }
  /** A password user without TOTP: enrolment at /two-factor comes before anything else. */
  | { kind: "needs_two_factor"; user: SessionUser }
  | { kind: "signed_in"; user: SessionUser };

/** The session state for a request's headers (route handlers and tests pass them in). */
export async function sessionStateFor(requestHeaders: Headers): Promise<SessionState> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders }).catch(() => null);
  if (!session) return (await anyUserExists()) ? { kind: "signed_out" } : { kind: "no_users" };
  const { user } = session;
  if (isBanActive({ banned: user.banned ?? false, banExpires: user.banExpires ?? null })) return { kind: "signed_out" };
  const usesPassword = await hasPasswordAccount(user.id);
  const parsedRole = roleSchema.safeParse(user.role);
  const sessionUser: SessionUser = {
    id: user.id,
    email: user.email,
    name: user.name,
    // A role this version does not know grants the least.
    role: parsedRole.success ? parsedRole.data : "viewer",
    authMethod: usesPassword ? "password" : "sso",
  };
  if (usesPassword && !user.twoFactorEnabled) return { kind: "needs_two_factor", user: sessionUser };
  return { kind: "signed_in", user: sessionUser };
}

export const getSessionState = cache(async (): Promise<SessionState> => sessionStateFor(await headers()));

/** Where someone in this state belongs when they reach a page they may not see yet. */
export function entryPathFor(state: SessionState): string | null {
  switch (state.kind) {
    case "no_users":
      return "/setup";
    case "signed_out":
      return "/sign-in";
    case "needs_two_factor":
      return "/two-factor";
    case "signed_in":
      return null;
  }
}
