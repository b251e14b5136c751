/**
 * The organization page's IAM Identity Center section, as plain data: the instance and the account
 * that holds it, each permission set with its policies in words, its session length and whether it
 * makes people administrators, and where it is assigned. Pure, so it is tested without a database;
 * lib/db/identity-center-overview.ts reads what it needs.
 *
 * Whether a set grants administrator rights is judged per target account by the check
 * identity-center.admin-assignments (customer managed policies are the target account's own), so
 * the page repeats the checks' verdicts rather than judging again; a set that grants admin on its
 * face (AdministratorAccess, an inline "everything") says so even where no one holds it yet.
 */
import type { IdentityCenterFacts } from "@/lib/db/identity-center-overview";
import { permissionSetPolicies } from "@/lib/checks/identity-center";
import { durationInWords, durationSeconds } from "@/lib/checks/exercise-07/identity-center.session-duration/duration";
import { SESSION_THRESHOLD_SECONDS } from "@/lib/checks/exercise-07/identity-center.session-duration/check";
import { principalAdminStatus } from "@/lib/policy/effective-admin";
import type { IdentityCenterInstance, IdentityCenterPermissionSet } from "@/lib/snapshot/schema";

/** AWS's default when a permission set names no session duration (SSO Admin API reference, PermissionSet). */
const AWS_DEFAULT_SECONDS = 3600;

export interface AccountName {
  awsAccountId: string;
  name: string | null;
  /** Linked accounts have a page in iamfit; others are only known from the organization. */
  linked: boolean;
}

/** One account's verdict of identity-center.admin-assignments, as its open finding's evidence says. */
export interface AdminVerdict {
  awsAccountId: string;
  /** ARNs of the permission sets through which someone is administrator there. */
  adminSetArns: string[];
  /** Names of the permission sets whose policies could not be read there. */
  undeterminedSetNames: string[];
}

export type PermissionSetAdmin =
  | { kind: "admin"; accounts: number }
  | { kind: "admin_on_its_face" }
  | { kind: "undetermined"; accounts: number }
  | { kind: "not_admin"; accounts: number }
  | { kind: "not_judged" };

export interface AssignedPrincipal {
  type: "GROUP" | "USER";
  name: string;
  /** A group's members as the identity store lists them; null for a user. */
  members: number | null;
}

export interface PermissionSetAssignmentRow extends AccountName {
  principals: AssignedPrincipal[];
}

export interface PermissionSetView {
  permissionSetArn: string;
  name: string;
  awsManagedPolicies: string[];
  /** "path/name" as the set references them; each must exist in every target account. */
  customerManagedPolicies: string[];
  hasInlinePolicy: boolean;
  /** The permissions boundary in words, null when there is none. */
  boundary: string | null;
  /** "12 hours"; the AWS default of one hour when the set names none. */
  session: string;
  sessionDefault: boolean;
  /** Longer than the short-session advice (4 hours); null when the duration is not one iamfit reads. */
  sessionTooLong: boolean | null;
  admin: PermissionSetAdmin;
  accounts: PermissionSetAssignmentRow[];
  groupCount: number;
  userCount: number;
}

export const SESSION_LIMIT_WORDS = durationInWords(SESSION_THRESHOLD_SECONDS);

function boundaryInWords(set: IdentityCenterPermissionSet): string | null {
  const boundary = set.permissionsBoundary;
  if (boundary?.managedPolicyArn) return `AWS managed policy ${boundary.managedPolicyArn.slice(boundary.managedPolicyArn.lastIndexOf("/") + 1)}`;
  if (boundary?.customerManagedPolicy) return `customer managed policy ${boundary.customerManagedPolicy.path.replace(/^\//, "")}${boundary.customerManagedPolicy.name}`;
  return null;
}

/** Admin on its face: judged with AWS's AdministratorAccess and the set's own inline policy only. */
function adminOnItsFace(set: IdentityCenterPermissionSet): boolean {
  const policies = permissionSetPolicies(set, "000000000000", undefined, undefined);
  return principalAdminStatus("role", { arn: set.permissionSetArn, name: set.name }, policies).status === "admin";
}

function adminOf(set: IdentityCenterPermissionSet, assignedIn: Set<string>, verdicts: Map<string, AdminVerdict>): PermissionSetAdmin {
  const judged = [...assignedIn].flatMap((accountId) => verdicts.get(accountId) ?? []);
  const adminIn = judged.filter((verdict) => verdict.adminSetArns.includes(set.permissionSetArn)).length;
  if (adminIn > 0) return { kind: "admin", accounts: adminIn };
  if (adminOnItsFace(set)) return { kind: "admin_on_its_face" };
  const undetermined = judged.filter((verdict) => verdict.undeterminedSetNames.includes(set.name)).length;
  if (undetermined > 0) return { kind: "undetermined", accounts: undetermined };
  return judged.length > 0 ? { kind: "not_admin", accounts: judged.length } : { kind: "not_judged" };
}

export function permissionSetViews(instance: IdentityCenterInstance, accountNames: Map<string, AccountName>, verdicts: Map<string, AdminVerdict>): PermissionSetView[] {
  const groups = new Map(instance.groups.map((group) => [group.groupId, group.displayName]));
  const users = new Map(instance.users.map((user) => [user.userId, user.displayName ?? user.userName]));
  const members = new Map<string, number>();
  for (const membership of instance.memberships) members.set(membership.groupId, (members.get(membership.groupId) ?? 0) + 1);
  return instance.permissionSets
    .map((set) => {
      const assignments = instance.assignments.filter((assignment) => assignment.permissionSetArn === set.permissionSetArn);
      const byAccount = new Map<string, AssignedPrincipal[]>();
      for (const assignment of assignments) {
        const principal: AssignedPrincipal =
          assignment.principalType === "GROUP"
            ? { type: "GROUP", name: groups.get(assignment.principalId) ?? assignment.principalId, members: members.get(assignment.principalId) ?? 0 }
            : { type: "USER", name: users.get(assignment.principalId) ?? assignment.principalId, members: null };
        byAccount.set(assignment.accountId, [...(byAccount.get(assignment.accountId) ?? []), principal]);
      }
      const seconds = set.sessionDuration === undefined ? AWS_DEFAULT_SECONDS : durationSeconds(set.sessionDuration);
      return {
        permissionSetArn: set.permissionSetArn,
        name: set.name,
        awsManagedPolicies: set.awsManagedPolicies.map((policy) => policy.policyName),
        customerManagedPolicies: set.customerManagedPolicies.map((reference) => `${reference.path.replace(/^\//, "")}${reference.name}`),
        hasInlinePolicy: set.inlinePolicy !== undefined,
        boundary: boundaryInWords(set),
        session: seconds === null ? (set.sessionDuration ?? "") : durationInWords(seconds),
        sessionDefault: set.sessionDuration === undefined,
        sessionTooLong: seconds === null ? null : seconds > SESSION_THRESHOLD_SECONDS,
        admin: adminOf(set, new Set(byAccount.keys()), verdicts),
        accounts: [...byAccount]
          .map(([awsAccountId, principals]) => ({
            ...(accountNames.get(awsAccountId) ?? { awsAccountId, name: null, linked: false }),
            principals: principals.sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name)),
          }))
          .sort((a, b) => (a.name ?? a.awsAccountId).localeCompare(b.name ?? b.awsAccountId)),
        groupCount: new Set(assignments.filter((a) => a.principalType === "GROUP").map((a) => a.principalId)).size,
        userCount: new Set(assignments.filter((a) => a.principalType === "USER").map((a) => a.principalId)).size,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Why no instance is known, from what the collected accounts answered. */
export type IdentityCenterUnread =
  /** No linked account has been collected with Identity Center yet. */
  | { reason: "not_collected" }
  /** ListInstances (or a later call) was refused; the audit role lacks the read actions. */
  | { reason: "access_denied"; accounts: AccountName[]; api: string | null }
  /** Some other error answered, e.g. throttling. */
  | { reason: "error"; accounts: AccountName[]; code: string; api: string | null }
  /**
   * Every collected account answered "no instance here": Identity Center is not enabled, or its
   * delegated administrator is an account iamfit does not collect. `uncollected` counts the
   * organization's accounts not collected (0 means every account answered: it is not enabled).
   */
  | { reason: "no_instance"; managementAccount: AccountName | null; managementAnswered: boolean; uncollected: number };

/** One linked account's latest answer for the Identity Center part. */
export interface IdentityCenterAnswer {
  account: AccountName;
  outcome: "instance_here" | "no_instance" | "error";
  code: string | null;
  api: string | null;
}

const DENIED = new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation"]);

export function whyUnread(answers: IdentityCenterAnswer[], organization: { managementAccountId: string | null; accountsInOrganization: number }, accountNames: Map<string, AccountName>): IdentityCenterUnread {
  if (answers.length === 0) return { reason: "not_collected" };
  const errors = answers.filter((answer) => answer.outcome === "error");
  const denied = errors.filter((answer) => answer.code && DENIED.has(answer.code));
  if (denied.length > 0) return { reason: "access_denied", accounts: denied.map((answer) => answer.account), api: denied[0]?.api ?? null };
  const first = errors[0];
  if (first) return { reason: "error", accounts: errors.map((answer) => answer.account), code: first.code ?? "an error", api: first.api };
  const management = organization.managementAccountId;
  return {
    reason: "no_instance",
    managementAccount: management ? (accountNames.get(management) ?? { awsAccountId: management, name: null, linked: false }) : null,
    managementAnswered: management !== null && answers.some((answer) => answer.account.awsAccountId === management),
    uncollected: Math.max(0, organization.accountsInOrganization - answers.length),
  };
}

/** The management account's id, from an Organizations account ARN (arn:aws:organizations::<management>:account/o-…/<id>). */
export function managementAccountFromArn(arn: string): string | null {
  return /^arn:aws[\w-]*:organizations::(\d{12}):account\//.exec(arn)?.[1] ?? null;
}

export interface IdentityCenterInstanceView {
  instanceArn: string;
  region: string;
  holder: AccountName;
  /** Whether the holding account is the organization's management account; null when the organization is not discovered. */
  holderIsManagement: boolean | null;
  /** When the holding account last read the instance. */
  readAt: Date;
  /** The holding account's latest collection could not read it again: what is shown is as of `readAt`. */
  latestProblem: { code: string; api: string | null } | null;
  permissionSets: PermissionSetView[];
  people: number;
  groups: number;
}

export type IdentityCenterOverview =
  | { state: "read"; instances: IdentityCenterInstanceView[] }
  | { state: "unread"; why: IdentityCenterUnread }
  /** No account is linked at all: nothing to say yet. */
  | { state: "no_accounts" };

export function identityCenterOverview(facts: IdentityCenterFacts): IdentityCenterOverview {
  const names = new Map<string, AccountName>();
  for (const account of facts.organizationAccounts) names.set(account.awsAccountId, { awsAccountId: account.awsAccountId, name: account.name, linked: false });
  for (const account of facts.linkedAccounts) names.set(account.awsAccountId, { awsAccountId: account.awsAccountId, name: account.name, linked: true });
  const nameOf = (awsAccountId: string) => names.get(awsAccountId) ?? { awsAccountId, name: null, linked: false };
  const managementAccountId = facts.organizationAccounts.map((account) => managementAccountFromArn(account.arn)).find((id) => id !== null) ?? null;
  if (facts.instances.length > 0) {
    const verdicts = new Map(facts.adminVerdicts.map((verdict) => [verdict.awsAccountId, verdict]));
    return {
      state: "read",
      instances: facts.instances.map(({ instance, readAt }) => {
        const latest = facts.answers.find((answer) => answer.awsAccountId === instance.readInAccountId);
        return {
          instanceArn: instance.instanceArn,
          region: instance.region,
          holder: nameOf(instance.readInAccountId),
          // The holder's own snapshot knows best; the organization's ARNs answer when it could not read its SCPs.
          holderIsManagement:
            latest?.organizationRole ? latest.organizationRole === "management" : managementAccountId === null ? null : managementAccountId === instance.readInAccountId,
          readAt,
          latestProblem: latest?.outcome === "error" ? { code: latest.code ?? "an error", api: latest.api } : null,
          permissionSets: permissionSetViews(instance, names, verdicts),
          people: instance.users.length,
          groups: instance.groups.length,
        };
      }),
    };
  }
  if (facts.linkedAccounts.length === 0) return { state: "no_accounts" };
  const answers = facts.answers.map((answer) => ({ account: nameOf(answer.awsAccountId), outcome: answer.outcome, code: answer.code, api: answer.api }));
  const accountsInOrganization = Math.max(facts.organizationAccounts.length, facts.linkedAccounts.length);
  return { state: "unread", why: whyUnread(answers, { managementAccountId, accountsInOrganization }, names) };
}
