/**
 * The three roles and what each may do. Roles are ordered: an editor can do everything a viewer
 * can, an admin everything an editor can. Every page, action, route and API endpoint asks
 * `roleAllows(user.role, <capability>)` (through lib/auth's guards), so this table is the whole
 * authorization policy in one place, and the matrix test reads it.
 */
import { z } from "zod";

export const ROLES = ["viewer", "editor", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** What a person can do, named by intent; each maps to the least role allowed to do it. */
export const CAPABILITY_ROLE = {
  /** Scorecards, findings, accounts, runs, changes, checklists, exports, the read-only API. */
  browse: "viewer",
  /** Create and revoke one's own API tokens (never above one's own role). */
  manageOwnTokens: "viewer",
  /** Change checklist items: state, assignee, due date, notes, bulk actions. */
  workChecklists: "editor",
  /** Subscribe oneself to the weekly digest and change or cancel that subscription. */
  manageOwnDigest: "editor",
  /** Start and cancel collections ("Collect now"): editors verify their fixes with them. */
  collect: "editor",
  /** Link, import, test and remove accounts; discover the organization. */
  manageAccounts: "admin",
  /** Collection scope, schedule, request rates and other installation settings. */
  manageSettings: "admin",
  /** Everyone's digest subscriptions and the digest outbox. */
  manageDigests: "admin",
  /** Users, their roles, two-factor resets, everyone's tokens. */
  manageUsers: "admin",
  /** Single sign-on configuration. */
  manageSso: "admin",
  /** The audit log and its export. */
  readAuditLog: "admin",
} as const satisfies Record<string, Role>;

export type Capability = keyof typeof CAPABILITY_ROLE;

export function roleAtLeast(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

export function roleAllows(role: Role, capability: Capability): boolean {
  return roleAtLeast(role, CAPABILITY_ROLE[capability]);
}

/** The lower of two roles: what a token scoped below its owner's role may do. */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}
