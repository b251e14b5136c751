/**
 * API tokens: their format, hashing and what a token lets its bearer do. A token is
 * "iamfit_" + 43 base64url characters (32 random bytes): the prefix lets secret scanners and
 * people recognise one in a log or a repository. Only the SHA-256 of it is stored; with 256 bits
 * of entropy a slow password hash adds nothing, and lookups stay one index probe.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { lowerRole, type Role } from "./roles";

export const API_TOKEN_PREFIX = "iamfit_";
const TOKEN_PATTERN = /^iamfit_[A-Za-z0-9_-]{43}$/;

export const API_TOKEN_SCOPES = ["read", "read_write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Tokens always expire; a year at most, so a forgotten one does not live for ever. */
export const API_TOKEN_LIFETIMES_DAYS = [7, 30, 90, 365] as const;

export const newApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name that says what uses it.").max(100, "Keep the name under 100 characters."),
  scope: z.enum(API_TOKEN_SCOPES, { message: "Choose read-only or read-write." }),
  lifetimeDays: z.coerce
    .number()
    .refine((days) => (API_TOKEN_LIFETIMES_DAYS as readonly number[]).includes(days), "Choose one of the offered lifetimes."),
});
export type NewApiToken = z.infer<typeof newApiTokenSchema>;

export function generateApiToken(): { id: string; secret: string; secretHash: string } {
  const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { id: `tok_${randomBytes(9).toString("base64url")}`, secret, secretHash: hashApiToken(secret) };
}

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The token in an `Authorization: Bearer …` header, or why there is none. */
export function bearerToken(authorization: string | null): { ok: true; secret: string } | { ok: false; reason: "missing" | "malformed" } {
  if (!authorization) return { ok: false, reason: "missing" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match || !TOKEN_PATTERN.test(match[1]!)) return { ok: false, reason: "malformed" };
  return { ok: true, secret: match[1]! };
}

/**
 * What a request made with the token may do: read-only tokens act as a viewer whatever their
 * owner is; read-write ones act as their owner does today (a demoted owner's tokens follow).
 */
export function tokenRole(ownerRole: Role, scope: ApiTokenScope): Role {
  return scope === "read" ? lowerRole(ownerRole, "viewer") : ownerRole;
}

export type TokenRefusal = "revoked" | "expired" | "owner_disabled" | "unknown";

export function tokenRefusal(token: { revokedAt: Date | null; expiresAt: Date; ownerDisabled: boolean }, now: Date): TokenRefusal | null {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt.getTime() <= now.getTime()) return "expired";
  if (token.ownerDisabled) return "owner_disabled";
  return null;
}
