/**
 * The people who can sign in (Better Auth's user, account, session and two-factor tables), for
 * first-run setup, the users page and the CLI. Better Auth itself reads and writes the same rows
 * for sign-in; the rules that keep an installation administrable (one first admin, never zero
 * admins) are enforced here, in transactions under one advisory lock, so concurrent requests and
 * the CLI cannot get around them.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { normalizeEmail } from "@/lib/auth/lockout";
import type { Role } from "@/lib/auth/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";
import type { DbTransaction } from "./transaction";

/** Serializes changes to who is an admin (and first-run setup) across processes. */
const USER_ADMIN_LOCK_KEY = 7_240_031_007;
/** Better Auth's provider id for email + password accounts. */
export const CREDENTIAL_PROVIDER_ID = "credential";

export class FirstAdminExistsError extends Error {
  constructor() {
    super("iamfit is already set up: sign in, or ask an admin for an account.");
    this.name = "FirstAdminExistsError";
  }
}

export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`A user with the email ${email} exists already.`);
    this.name = "EmailTakenError";
  }
}

export class LastAdminError extends Error {
  constructor() {
    super("This is the last active admin: make someone else an admin first.");
    this.name = "LastAdminError";
  }
}

export class UserNotFoundError extends Error {
  constructor(readonly reference: string) {
    super(`No user ${reference}.`);
    this.name = "UserNotFoundError";
  }
}

export interface AuthUserView {
  id: string;
  email: string;
  name: string;
  role: string;
  twoFactorEnabled: boolean;
  disabled: boolean;
  /** Signs in with a password (and so must use TOTP). */
  hasPassword: boolean;
  /** Signs in through single sign-on (any provider other than "credential"). */
  hasSso: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  twoFactorEnabled: true,
  banned: true,
  banExpires: true,
  lastSignInAt: true,
  createdAt: true,
  accounts: { select: { providerId: true } },
} satisfies Prisma.AuthUserSelect;

type UserRow = Prisma.AuthUserGetPayload<{ select: typeof userSelect }>;

/** A ban with an expiry in the past is over (Better Auth lifts it at the next sign-in). */
export function isBanActive(user: { banned: boolean | null; banExpires: Date | null }, now = new Date()): boolean {
  return Boolean(user.banned) && (!user.banExpires || user.banExpires > now);
}

function toView(row: UserRow): AuthUserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    twoFactorEnabled: row.twoFactorEnabled,
    disabled: isBanActive(row),
    hasPassword: row.accounts.some((account) => account.providerId === CREDENTIAL_PROVIDER_ID),
    hasSso: row.accounts.some((account) => account.providerId !== CREDENTIAL_PROVIDER_ID),
    lastSignInAt: row.lastSignInAt,
    createdAt: row.createdAt,
  };
}

export async function anyUserExists(): Promise<boolean> {
  return (await db().authUser.findFirst({ select: { id: true } })) !== null;
}

export async function listAuthUsers(): Promise<AuthUserView[]> {
  const rows = await db().authUser.findMany({ select: userSelect, orderBy: [{ createdAt: "asc" }, { email: "asc" }] });
  return rows.map(toView);
}

export async function findAuthUserById(id: string): Promise<AuthUserView | null> {
  const row = await db().authUser.findUnique({ where: { id }, select: userSelect });
  return row ? toView(row) : null;
}

export async function findAuthUserByEmail(email: string): Promise<AuthUserView | null> {
  const row = await db().authUser.findUnique({ where: { email: normalizeEmail(email) }, select: userSelect });
  return row ? toView(row) : null;
}

export async function hasPasswordAccount(userId: string): Promise<boolean> {
  return (await db().authAccount.count({ where: { userId, providerId: CREDENTIAL_PROVIDER_ID } })) > 0;
}

export interface NewLocalUser {
  email: string;
  name: string;
  role: Role;
  /** A Better Auth password hash (better-auth/crypto hashPassword), never the password. */
  passwordHash: string;
}

async function lockUserAdmin(tx: DbTransaction): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${USER_ADMIN_LOCK_KEY}::bigint)`;
}

async function insertUserWithPassword(tx: DbTransaction, user: NewLocalUser): Promise<string> {
  const id = randomUUID();
  await tx.authUser.create({ data: { id, email: normalizeEmail(user.email), name: user.name, role: user.role } });
  await tx.authAccount.create({
    data: { id: randomUUID(), userId: id, accountId: id, providerId: CREDENTIAL_PROVIDER_ID, password: user.passwordHash },
  });
  return id;
}

function mapUniqueViolation(error: unknown, email: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailTakenError(normalizeEmail(email));
  throw error;
}

/**
 * First-run setup: creates the first admin only while nobody exists. The advisory lock makes two
 * simultaneous submissions take turns, and the second finds the first's user.
 */
export async function insertFirstAdmin(user: Omit<NewLocalUser, "role">): Promise<AuthUserView> {
  try {
    const id = await db().$transaction(async (tx) => {
      await lockUserAdmin(tx);
      if ((await tx.authUser.count()) > 0) throw new FirstAdminExistsError();
      return insertUserWithPassword(tx, { ...user, role: "admin" });
    });
    return (await findAuthUserById(id))!;
  } catch (error) {
    return mapUniqueViolation(error, user.email);
  }
}

export async function insertLocalUser(user: NewLocalUser): Promise<AuthUserView> {
  try {
    const id = await db().$transaction(async (tx) => insertUserWithPassword(tx, user));
    return (await findAuthUserById(id))!;
  } catch (error) {
    return mapUniqueViolation(error, user.email);
  }
}

async function otherActiveAdmins(tx: DbTransaction, userId: string): Promise<number> {
  const admins = await tx.authUser.findMany({
    where: { role: "admin", id: { not: userId } },
    select: { banned: true, banExpires: true },
  });
  return admins.filter((admin) => !isBanActive(admin)).length;
}

/** Returns the role the user had before. */
export async function updateUserRole(userId: string, role: Role): Promise<{ before: string; user: AuthUserView }> {
  const before = await db().$transaction(async (tx) => {
    await lockUserAdmin(tx);
    const current = await tx.authUser.findUnique({ where: { id: userId }, select: { role: true } });
    if (!current) throw new UserNotFoundError(userId);
    if (current.role === "admin" && role !== "admin" && (await otherActiveAdmins(tx, userId)) === 0) throw new LastAdminError();
    await tx.authUser.update({ where: { id: userId }, data: { role } });
    return current.role;
  });
  return { before, user: (await findAuthUserById(userId))! };
}

/** Disabling also ends the user's sessions at once. */
export async function setUserDisabled(userId: string, disabled: boolean, reason?: string): Promise<AuthUserView> {
  await db().$transaction(async (tx) => {
    await lockUserAdmin(tx);
    const current = await tx.authUser.findUnique({ where: { id: userId }, select: { role: true } });
    if (!current) throw new UserNotFoundError(userId);
    if (disabled && current.role === "admin" && (await otherActiveAdmins(tx, userId)) === 0) throw new LastAdminError();
    await tx.authUser.update({
      where: { id: userId },
      data: disabled ? { banned: true, banReason: reason ?? "disabled by an admin", banExpires: null } : { banned: false, banReason: null, banExpires: null },
    });
    if (disabled) await tx.authSession.deleteMany({ where: { userId } });
  });
  return (await findAuthUserById(userId))!;
}

/** Removes the TOTP secret and ends the user's sessions: they enrol again at their next sign-in. */
export async function resetUserTwoFactor(userId: string): Promise<AuthUserView> {
  await db().$transaction(async (tx) => {
    const current = await tx.authUser.findUnique({ where: { id: userId }, select: { id: true } });
    if (!current) throw new UserNotFoundError(userId);
    await tx.authTwoFactor.deleteMany({ where: { userId } });
    await tx.authUser.update({ where: { id: userId }, data: { twoFactorEnabled: false } });
    await tx.authSession.deleteMany({ where: { userId } });
  });
  return (await findAuthUserById(userId))!;
}

export async function markSignedIn(userId: string, at = new Date()): Promise<void> {
  await db().authUser.updateMany({ where: { id: userId }, data: { lastSignInAt: at } });
}

/** The encrypted TOTP secret of an enrolment that was started but not confirmed yet. */
export async function pendingTwoFactorSecret(userId: string): Promise<string | null> {
  const row = await db().authTwoFactor.findFirst({ where: { userId, verified: false }, select: { secret: true } });
  return row?.secret ?? null;
}

/** The user a two-factor challenge (Better Auth's verification row) belongs to. */
export async function userIdForVerification(identifier: string): Promise<string | null> {
  const row = await db().authVerification.findFirst({ where: { identifier, expiresAt: { gt: new Date() } }, select: { value: true } });
  return row?.value ?? null;
}
