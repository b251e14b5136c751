/**
 * Who may sign in through single sign-on, and with which role: a pure function of the SSO policy
 * an admin configured (/settings/sso) and the claims the identity provider asserted (the verified
 * ID token's or the UserInfo response's). lib/auth/sso.ts asks it at every SSO sign-in, so
 * removing someone from a group at the IdP demotes or refuses them at their next sign-in.
 */
import { ROLES, type Role } from "./roles";

/** What a user gets when none of their groups is mapped: a role, or no entry at all. */
export type SsoDefaultRole = Role | "deny";

export interface SsoRoleMapping {
  /** A group exactly as the identity provider sends it in the groups claim. */
  group: string;
  role: Role;
}

export interface SsoPolicy {
  /** Email domains allowed to sign in (lower-case, no "@"); a subdomain must be listed itself. */
  allowedDomains: string[];
  /** Groups allowed to sign in (any one of them is enough). */
  allowedGroups: string[];
  /** The claim holding the user's groups: "groups" unless the IdP names it otherwise. */
  groupsClaim: string;
  roleMappings: SsoRoleMapping[];
  defaultRole: SsoDefaultRole;
}

export type SsoDenialReason =
  | "email_missing"
  | "email_unverified"
  | "domain_not_allowed"
  | "group_not_allowed"
  | "no_role"
  | "no_restriction";

export type SsoDecision =
  | { allowed: true; email: string; role: Role; groups: string[]; matchedGroup: string | null }
  | { allowed: false; email: string | null; groups: string[]; reason: SsoDenialReason; message: string };

export const DEFAULT_GROUPS_CLAIM = "groups";

export function evaluateSsoIdentity(policy: SsoPolicy, claims: Record<string, unknown>): SsoDecision {
  const email = emailClaim(claims);
  const groups = groupsFromClaims(claims, policy.groupsClaim || DEFAULT_GROUPS_CLAIM);
  const deny = (reason: SsoDenialReason, message: string): SsoDecision => ({ allowed: false, email, groups, reason, message });

  if (!email) {
    return deny("email_missing", "Your identity provider did not send an email address, so iamfit cannot sign you in. Ask your IdP admin to release the email claim (scope \"email\").");
  }
  // OpenID Connect Core 5.1: email_verified false means the IdP has not verified the address, so it
  // proves nothing about who signs in. Many directories (Microsoft Entra ID) omit the claim for
  // addresses they manage; absent is accepted, only an explicit false refuses.
  if (emailVerifiedClaim(claims) === false) {
    return deny("email_unverified", `Your identity provider says ${email} is not verified. Verify it there, then sign in again.`);
  }
  const allowedDomains = policy.allowedDomains.map(normalizeDomain).filter(Boolean);
  const allowedGroups = policy.allowedGroups.map((group) => group.trim()).filter(Boolean);
  if (allowedDomains.length === 0 && allowedGroups.length === 0) {
    // Without either list, anyone the IdP knows (with Google: anyone with a Google account) would
    // get in. The settings form refuses to save that; this is the same rule, failing closed.
    return deny("no_restriction", "Single sign-on allows no email domain or group yet. Ask an iamfit admin to finish its set-up.");
  }
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (allowedDomains.length > 0 && !allowedDomains.includes(domain)) {
    return deny("domain_not_allowed", `${email} is not allowed to sign in to iamfit: the email domain ${domain} is not an allowed domain. Ask an iamfit admin for access.`);
  }
  if (allowedGroups.length > 0 && !groups.some((group) => allowedGroups.includes(group))) {
    return deny("group_not_allowed", `${email} is not allowed to sign in to iamfit: you are not in a group that may sign in. Ask an iamfit admin for access.`);
  }

  const mapped = mappedRole(policy.roleMappings, groups);
  if (mapped) return { allowed: true, email, role: mapped.role, groups, matchedGroup: mapped.group };
  if (policy.defaultRole === "deny") {
    return deny("no_role", `${email} has no iamfit role: none of your groups is mapped to a role. Ask an iamfit admin for access.`);
  }
  return { allowed: true, email, role: policy.defaultRole, groups, matchedGroup: null };
}

/** The highest role among the mappings whose group the user is in (mappings order does not matter). */
function mappedRole(mappings: SsoRoleMapping[], groups: string[]): SsoRoleMapping | null {
  let best: SsoRoleMapping | null = null;
  for (const mapping of mappings) {
    if (!groups.includes(mapping.group.trim())) continue;
    if (!best || ROLES.indexOf(mapping.role) > ROLES.indexOf(best.role)) best = mapping;
  }
  return best;
}

function emailClaim(claims: Record<string, unknown>): string | null {
  const email = claims.email;
  if (typeof email !== "string") return null;
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  return at > 0 && at < trimmed.length - 1 ? trimmed : null;
}

/** true, false, or undefined when the IdP does not say (some send the strings "true"/"false"). */
function emailVerifiedClaim(claims: Record<string, unknown>): boolean | undefined {
  const value = claims.email_verified;
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && ["true", "false"].includes(value.trim().toLowerCase())) return value.trim().toLowerCase() === "true";
  return undefined;
}

/**
 * The user's groups from the configured claim: an array of strings, or one string for one group
 * (some IdPs collapse a single-valued claim). The claim name is looked up as is first (Auth0's
 * namespaced claims are URLs full of dots), then as a dotted path ("realm_access.roles" in Keycloak).
 */
export function groupsFromClaims(claims: Record<string, unknown>, claimName: string): string[] {
  const value = claimName in claims ? claims[claimName] : claimAtPath(claims, claimName);
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return [...new Set(values.filter((item): item is string => typeof item === "string").map((item) => item.trim()).filter(Boolean))];
}

function claimAtPath(claims: Record<string, unknown>, dottedPath: string): unknown {
  let current: unknown = claims;
  for (const part of dottedPath.split(".")) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** "@Example.COM " → "example.com": domains compare case-insensitively (RFC 4343). */
export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
}
