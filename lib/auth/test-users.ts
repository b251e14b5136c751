/**
 * Users and API tokens for integration tests, written straight to the tables (no password, no
 * session): enough for everything that reads users by id, role and ban state.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { insertApiToken } from "@/lib/db/api-tokens";
import { generateApiToken, type ApiTokenScope } from "./api-tokens";
import type { Role } from "./roles";
import type { SessionUser } from "./session-user";

export async function insertTestUser(role: Role, overrides: { email?: string; banned?: boolean } = {}): Promise<SessionUser> {
  const id = randomUUID();
  const email = overrides.email ?? `${role}-${id.slice(0, 8)}@example.com`;
  await db().$executeRawUnsafe(
    `INSERT INTO auth_user (id, name, email, email_verified, role, banned, two_factor_enabled) VALUES ($1, $2, $3, true, $4, $5, true)`,
    id,
    `Test ${role}`,
    email,
    role,
    overrides.banned ?? false,
  );
  return { id, email, name: `Test ${role}`, role, authMethod: "password" };
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
