/**
 * Managing who can sign in, for the users page, first-run setup and the CLI alike: the rules
 * (an admin never demotes or disables themselves; the last admin stays; the first admin is
 * created once) and the audit entry of every change live here, the rows in lib/db/auth-users.ts.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { AuditEntryInput } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import {
  findAuthUserById,
  insertFirstAdmin,
  insertLocalUser,
  resetUserTwoFactor,
  setUserDisabled,
  updateUserRole,
  UserNotFoundError,
  type AuthUserView,
} from "@/lib/db/auth-users";
import { passwordProblem } from "./password-policy";
import type { Role } from "./roles";

/** Who makes a change: a signed-in admin (from an address), or the CLI on the server itself. */
export type UserAdminActor =
  | { kind: "user"; userId: string; email: string; ip?: string | null; userAgent?: string | null }
  | { kind: "cli" };

export class UserAdminRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserAdminRuleError";
  }
}

export class WeakPasswordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WeakPasswordError";
  }
}

function auditActor(actor: UserAdminActor): Pick<AuditEntryInput, "actor" | "ip" | "userAgent"> {
  return actor.kind === "cli"
    ? { actor: { kind: "cli" } }
    : { actor: { kind: "user", userId: actor.userId, email: actor.email }, ip: actor.ip ?? null, userAgent: actor.userAgent ?? null };
}

function userTarget(user: AuthUserView) {
  return { type: "user", id: user.id, label: user.email };
}

/** ~100 random bits in five groups a person can read out and type: "k7qmx-2vhdr-…". */
export function generateOneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(25);
  const characters = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join("");
  return characters.match(/.{5}/g)!.join("-");
}

export async function createFirstAdmin(
  input: { email: string; name: string; password: string },
  origin: { ip: string | null; userAgent: string | null },
): Promise<AuthUserView> {
  const problem = passwordProblem(input.password, [input.email, input.name]);
  if (problem) throw new WeakPasswordError(problem);
  const user = await insertFirstAdmin({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password) });
  const entry = { actor: { kind: "anonymous" as const, email: user.email }, target: userTarget(user), ...origin };
  await recordAudit({ action: "auth.first_admin_created", ...entry });
  await recordAudit({ action: "user.created", detail: { role: user.role, method: "setup" }, ...entry });
  return user;
}

/** Creates a password user with a one-time password (returned once, never stored in clear). */
export async function createLocalUser(
  actor: UserAdminActor,
  input: { email: string; name: string; role: Role },
): Promise<{ user: AuthUserView; oneTimePassword: string }> {
  const oneTimePassword = generateOneTimePassword();
  const user = await insertLocalUser({ ...input, passwordHash: await hashPassword(oneTimePassword) });
  await recordAudit({ action: "user.created", target: userTarget(user), detail: { role: user.role, method: "password" }, ...auditActor(actor) });
  return { user, oneTimePassword };
}

async function existingUser(userId: string): Promise<AuthUserView> {
  const user = await findAuthUserById(userId);
  if (!user) throw new UserNotFoundError(userId);
  return user;
}

export async function changeUserRole(actor: UserAdminActor, userId: string, role: Role): Promise<AuthUserView> {
  if (actor.kind === "user" && actor.userId === userId) throw new UserAdminRuleError("You cannot change your own role; ask another admin.");
  const { before, user } = await updateUserRole(userId, role);
  if (before !== role) {
    await recordAudit({ action: "user.role_changed", target: userTarget(user), detail: { from: before, to: role }, ...auditActor(actor) });
  }
  return user;
}

export async function setUserEnabled(actor: UserAdminActor, userId: string, enabled: boolean): Promise<AuthUserView> {
  if (actor.kind === "user" && actor.userId === userId && !enabled) throw new UserAdminRuleError("You cannot disable yourself.");
  const before = await existingUser(userId);
  const user = await setUserDisabled(userId, !enabled);
  if (before.disabled === enabled) {
    await recordAudit({ action: enabled ? "user.enabled" : "user.disabled", target: userTarget(user), ...auditActor(actor) });
  }
  return user;
}

export async function resetTwoFactor(actor: UserAdminActor, userId: string): Promise<AuthUserView> {
  const user = await resetUserTwoFactor(userId);
  await recordAudit({ action: "user.two_factor_reset", target: userTarget(user), ...auditActor(actor) });
  return user;
}
