/**
 * The people a checklist item can be assigned to: iamfit's users who can sign in (not disabled).
 * Items record the assignee by email, as they record who acted.
 */
import "server-only";
import { normalizeEmail } from "@/lib/auth/lockout";
import { db } from "./client";
import { isBanActive } from "./auth-users";

/** Someone an item can be assigned to (lib/remediation/people.ts words them). */
export interface AssignableUser {
  email: string;
  name: string;
}

const assignableSelect = { email: true, name: true, banned: true, banExpires: true } as const;

/** Every user who can sign in, by name. */
export async function listAssignableUsers(now = new Date()): Promise<AssignableUser[]> {
  const rows = await db().authUser.findMany({ select: assignableSelect, orderBy: [{ name: "asc" }, { email: "asc" }] });
  return rows.filter((row) => !isBanActive(row, now)).map(({ email, name }) => ({ email, name }));
}

/** The user with this email who can sign in, or null: an assignment to anyone else is refused. */
export async function findAssignableUser(email: string, now = new Date()): Promise<AssignableUser | null> {
  const row = await db().authUser.findUnique({ where: { email: normalizeEmail(email) }, select: assignableSelect });
  return row && !isBanActive(row, now) ? { email: row.email, name: row.name } : null;
}
