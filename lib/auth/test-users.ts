/**
 * Users and API tokens for integration tests, through lib/db as the users page writes them (a
 * placeholder instead of a password hash, no session): enough for everything that reads users by
 * id, role and ban state.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { insertApiToken } from "@/lib/db/api-tokens";
import { insertLocalUser, setUserDisabled } from "@/lib/db/auth-users";
import { generateApiToken, type ApiTokenScope } from "./api-tokens";
import type { Role } from "./roles";
import type { SessionUser } from "./session-user";

export async function insertTestUser(role: Role, overrides: { email?: string; banned?: boolean } = {}): Promise<SessionUser> {
  const email = overrides.email ?? `${role}-${randomUUID().slice(0, 8)}@example.com`;
  const user = await insertLocalUser({ email, name: `Test ${role}`, role, passwordHash: "not-a-password-hash" });
  // setUserDisabled keeps the last active admin: a banned admin needs another admin first.
  if (overrides.banned) await setUserDisabled(user.id, true, "test");
  return { id: user.id, email: user.email, name: user.name, role, authMethod: "password" };
}

export async function insertTestApiToken(
  user: { id: string },
  options: { scope?: ApiTokenScope; expiresAt?: Date; name?: string } = {},
): Promise<{ id: string; secret: string }> {
  const token = generateApiToken();
  await insertApiToken({
    id: token.id,
    userId: user.id,
    name: options.name ?? "test",
    scope: options.scope ?? "read",
    secretHash: token.secretHash,
    expiresAt: options.expiresAt ?? new Date(Date.now() + 86_400_000),
  });
  return { id: token.id, secret: token.secret };
}
