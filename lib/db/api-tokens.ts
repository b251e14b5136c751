/**
 * API tokens in the database: create, list (one user's, or everyone's for admins), revoke, and
 * the lookup every API request makes (by the secret's hash, with its owner as they are now).
 */
import "server-only";
import type { ApiTokenScope } from "@/lib/auth/api-tokens";
import { roleSchema, type Role } from "@/lib/auth/roles";
import { isBanActive } from "./auth-users";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";

export interface ApiTokenView {
  id: string;
  name: string;
  scope: ApiTokenScope;
  ownerId: string;
  ownerEmail: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
}

export interface ApiTokenWithOwner {
  id: string;
  scope: ApiTokenScope;
  expiresAt: Date;
  revokedAt: Date | null;
  owner: { id: string; email: string; name: string; role: Role; disabled: boolean };
}

interface TokenRow {
  id: string;
  name: string;
  scope: ApiTokenScope;
  user_id: string;
  email: string;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  last_used_ip: string | null;
  revoked_at: Date | null;
}

const TOKEN_COLUMNS = Prisma.sql`t.id, t.name, t.scope, t.user_id, u.email, t.created_at, t.expires_at, t.last_used_at, t.last_used_ip, t.revoked_at`;

function toView(row: TokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    ownerId: row.user_id,
    ownerEmail: row.email,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    lastUsedIp: row.last_used_ip,
    revokedAt: row.revoked_at,
  };
}

export async function insertApiToken(token: {
  id: string;
  userId: string;
  name: string;
  scope: ApiTokenScope;
  secretHash: string;
  expiresAt: Date;
}): Promise<void> {
  await db().apiToken.create({ data: token });
}

/** Newest first; `ownerId` null lists every user's tokens (the admin's view). */
export async function listApiTokens(ownerId: string | null): Promise<ApiTokenView[]> {
  const rows = await db().$queryRaw<TokenRow[]>`SELECT ${TOKEN_COLUMNS} FROM api_token t JOIN auth_user u ON u.id = t.user_id
     WHERE ${ownerId}::text IS NULL OR t.user_id = ${ownerId}::text
     ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC LIMIT 500`;
  return rows.map(toView);
}

export async function getApiToken(id: string): Promise<ApiTokenView | null> {
  const rows = await db().$queryRaw<TokenRow[]>`SELECT ${TOKEN_COLUMNS} FROM api_token t JOIN auth_user u ON u.id = t.user_id WHERE t.id = ${id}`;
  return rows[0] ? toView(rows[0]) : null;
}

/** Revokes a token once; false when it was already revoked or does not exist. */
export async function revokeApiToken(id: string, at: Date): Promise<boolean> {
  const { count } = await db().apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
  return count === 1;
}

export async function findApiTokenBySecretHash(secretHash: string, now: Date): Promise<ApiTokenWithOwner | null> {
  const rows = await db().$queryRaw<
    Array<{ id: string; scope: ApiTokenScope; expires_at: Date; revoked_at: Date | null; user_id: string; email: string; name: string; role: string | null; banned: boolean | null; ban_expires: Date | null }>
  >`SELECT t.id, t.scope, t.expires_at, t.revoked_at, u.id AS user_id, u.email, u.name, u.role, u.banned, u.ban_expires
     FROM api_token t JOIN auth_user u ON u.id = t.user_id WHERE t.secret_hash = ${secretHash}`;
  const row = rows[0];
  if (!row) return null;
  const role = roleSchema.safeParse(row.role);
  const banActive = isBanActive({ banned: row.banned, banExpires: row.ban_expires }, now);
  return {
    id: row.id,
    scope: row.scope,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    // An owner whose role is not one iamfit knows gets nothing rather than a guess.
    owner: { id: row.user_id, email: row.email, name: row.name, role: role.success ? role.data : "viewer", disabled: banActive || !role.success },
  };
}

/** Last use, at most once a minute per token: an automation polling hard must not write every call. */
export async function touchApiToken(id: string, at: Date, ip: string | null): Promise<void> {
  await db().$executeRaw`UPDATE api_token SET last_used_at = ${at}::timestamptz, last_used_ip = ${ip}
     WHERE id = ${id} AND (last_used_at IS NULL OR last_used_at < ${at}::timestamptz - interval '1 minute')`;
}
