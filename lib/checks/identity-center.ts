/**
 * IAM Identity Center facts the Identity Center checks and admins.count share: the assignments
 * that target the snapshot's account, and who is admin there through a permission set.
 *
 * A permission set becomes a role in each target account (AWSReservedSSO_…) carrying its AWS
 * managed policies, the customer managed policies of that name and path in the target account,
 * its inline policy and its boundary. So it is judged like an IAM principal, by the one evaluator
 * (lib/policy), with the target account's policy catalogue and service control policies.
 */
import { z } from "zod";
import { ADMINISTRATOR_ACCESS_ARN } from "@/lib/policy/admin";
import { parsePolicyDocument, type NormalizedPolicy } from "@/lib/policy/document";
import { principalAdminStatus, type PrincipalAdminStatus } from "@/lib/policy/effective-admin";
import type { PrincipalPolicySet } from "@/lib/policy/evaluator";
import type { PolicyCatalog } from "@/lib/policy/principal-policies";
import type { AccountSnapshot, IdentityCenterAssignment, IdentityCenterInstance, IdentityCenterPermissionSet } from "@/lib/snapshot/schema";
import { storedStatementSchema, storeStatement } from "./evidence/policy-statements";
import { analyseIam } from "./iam-analysis";
import { globalPart, type UnavailablePart } from "./part-access";

export type IdentityCenterHere =
  | { readable: true; instance: IdentityCenterInstance; assignments: IdentityCenterAssignment[] }
  | { readable: false; unavailable: UnavailablePart };

const NOT_READ_YET =
  "IAM Identity Center is read in the account that holds its instance (the management account or its delegated administrator); " +
  "no such account has been collected yet, so who can sign in to this account through Identity Center is not known";

/** The instance as this account's snapshot holds it, narrowed to the assignments that target it. */
export function identityCenterHere(snapshot: AccountSnapshot): IdentityCenterHere {
  const part = globalPart(snapshot, "identitycenter.assignments");
  if (!part.available) return { readable: false, unavailable: part.unavailable };
  const instance = part.data.instance;
  if (!instance) {
    return {
      readable: false,
      unavailable: { part: "identitycenter.assignments", reason: NOT_READ_YET, evidence: { part: "identitycenter.assignments", status: "not_read_yet" } },
    };
  }
  return { readable: true, instance, assignments: instance.assignments.filter((assignment) => assignment.accountId === snapshot.accountId) };
}

/** One way a person is admin: through a group or directly, which permission set, which policy. */
export const identityCenterAdminPathSchema = z
  .object({
    /** The identity store group's name; null when the permission set is assigned to the person directly. */
    groupName: z.string().nullable(),
    /** Whom the permission set is assigned to: the group's or the user's identity store id. */
    principalType: z.enum(["USER", "GROUP"]),
    principalId: z.string(),
    permissionSetName: z.string(),
    permissionSetArn: z.string(),
    policyName: z.string(),
    policyType: z.enum(["aws_managed", "customer_managed", "inline"]),
    kind: z.enum(["administrator_access_arn", "full_wildcard", "not_action"]),
    conditional: z.boolean(),
    statement: storedStatementSchema.nullable(),
  })
  .strict();
export type IdentityCenterAdminPath = z.infer<typeof identityCenterAdminPathSchema>;

export const identityCenterAdminSchema = z
  .object({ userId: z.string(), userName: z.string(), displayName: z.string().nullable(), paths: z.array(identityCenterAdminPathSchema) })
  .strict();
export type IdentityCenterAdmin = z.infer<typeof identityCenterAdminSchema>;

const ADMINISTRATOR_ACCESS: NormalizedPolicy = (() => {
  const parsed = parsePolicyDocument({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
  if (!parsed.ok) throw new Error("the AdministratorAccess document does not parse");
  return parsed.policy;
})();

const ADMINISTRATOR_ACCESS_STATEMENT = { index: 0, sid: null, statement: { Effect: "Allow", Action: "*", Resource: "*" } };

function customerPolicyArn(accountId: string, reference: { name: string; path: string }): string {
  return `arn:aws:iam::${accountId}:policy${reference.path}${reference.name}`;
}

/** The permission set as the role it provisions in `accountId`. */
export function permissionSetPolicies(set: IdentityCenterPermissionSet, accountId: string, catalog: PolicyCatalog | undefined, scp: PrincipalPolicySet["serviceControlPolicies"]): PrincipalPolicySet {
  const policySet: PrincipalPolicySet = { identity: [], unreadable: [] };
  const managed = (arn: string) =>
    arn === ADMINISTRATOR_ACCESS_ARN
      ? ({ ok: true, policy: ADMINISTRATOR_ACCESS } as const)
      : (catalog?.managedDocument(arn) ?? ({ ok: false, error: { kind: "missing", message: `${arn} could not be read: the account's IAM policies were not collected` } } as const));
  const add = (source: { policyName: string; policyArn?: string; attachment: "managed" | "inline" }, parsed: ReturnType<typeof parsePolicyDocument>) => {
    const ref = { via: "direct" as const, ...source };
    if (parsed.ok) policySet.identity.push({ source: ref, policy: parsed.policy });
    else policySet.unreadable.push({ source: ref, error: parsed.error });
  };
  for (const policy of set.awsManagedPolicies) add({ policyName: policy.policyName, policyArn: policy.policyArn, attachment: "managed" }, managed(policy.policyArn));
  for (const reference of set.customerManagedPolicies) {
    const arn = customerPolicyArn(accountId, reference);
    add({ policyName: reference.name, policyArn: arn, attachment: "managed" }, managed(arn));
  }
  if (set.inlinePolicy !== undefined) add({ policyName: `${set.name} inline policy`, attachment: "inline" }, parsePolicyDocument(set.inlinePolicy));
  const boundary = set.permissionsBoundary;
  const boundaryArn = boundary?.managedPolicyArn ?? (boundary?.customerManagedPolicy ? customerPolicyArn(accountId, boundary.customerManagedPolicy) : undefined);
  if (boundaryArn) {
    const parsed = managed(boundaryArn);
    const policyName = boundaryArn.slice(boundaryArn.lastIndexOf("/") + 1);
    policySet.boundary = parsed.ok ? { policyArn: boundaryArn, policyName, policy: parsed.policy } : { policyArn: boundaryArn, policyName, error: parsed.error };
  }
  if (scp) policySet.serviceControlPolicies = scp;
  return policySet;
}

export interface IdentityCenterAdmins {
  admins: IdentityCenterAdmin[];
  /** Assigned permission sets with a policy that could not be read and no readable admin grant. */
  undeterminedSets: string[];
}

/** Who is admin in the snapshot's account through the permission sets assigned there. */
export function identityCenterAdmins(snapshot: AccountSnapshot, here: Extract<IdentityCenterHere, { readable: true }>): IdentityCenterAdmins {
  const details = globalPart(snapshot, "iam.authorizationDetails");
  const iam = details.available ? analyseIam(details.data, snapshot) : undefined;
  const { instance } = here;
  const sets = new Map(instance.permissionSets.map((set) => [set.permissionSetArn, set]));
  const statusOf = new Map<string, PrincipalAdminStatus>();
  for (const arn of new Set(here.assignments.map((assignment) => assignment.permissionSetArn))) {
    const set = sets.get(arn);
    if (!set) continue;
    statusOf.set(arn, principalAdminStatus("role", { arn, name: set.name }, permissionSetPolicies(set, snapshot.accountId, iam?.catalog, iam?.serviceControlPolicies.levels)));
  }
  const users = new Map(instance.users.map((user) => [user.userId, user]));
  const groups = new Map(instance.groups.map((group) => [group.groupId, group.displayName]));
  const byUser = new Map<string, IdentityCenterAdmin>();
  for (const assignment of here.assignments) {
    const status = statusOf.get(assignment.permissionSetArn);
    const set = sets.get(assignment.permissionSetArn);
    if (!status || !set || status.status !== "admin") continue;
    const groupName = assignment.principalType === "GROUP" ? (groups.get(assignment.principalId) ?? assignment.principalId) : null;
    const members = assignment.principalType === "USER" ? [assignment.principalId] : instance.memberships.filter((membership) => membership.groupId === assignment.principalId).map((membership) => membership.userId);
    for (const userId of members) {
      const user = users.get(userId);
      const admin = byUser.get(userId) ?? { userId, userName: user?.userName ?? userId, displayName: user?.displayName ?? null, paths: [] };
      for (const path of status.paths) {
        admin.paths.push({
          groupName,
          principalType: assignment.principalType,
          principalId: assignment.principalId,
          permissionSetName: set.name,
          permissionSetArn: set.permissionSetArn,
          policyName: path.source.policyName,
          policyType: path.source.attachment === "inline" ? "inline" : path.source.policyArn?.startsWith("arn:aws:iam::aws:") ? "aws_managed" : "customer_managed",
          kind: path.kind,
          conditional: path.conditional,
          // AdministratorAccess is judged by its ARN; its one statement is AWS's published document.
          statement: path.statement ? storeStatement(path.statement) : path.kind === "administrator_access_arn" ? ADMINISTRATOR_ACCESS_STATEMENT : null,
        });
      }
      byUser.set(userId, admin);
    }
  }
  const undeterminedSets = [...statusOf].filter(([, status]) => status.status === "undetermined").map(([arn]) => sets.get(arn)?.name ?? arn);
  return { admins: [...byUser.values()].sort((a, b) => a.userName.localeCompare(b.userName)), undeterminedSets: undeterminedSets.sort() };
}

/** "group platform-engineers › permission set AdministratorAccess › AdministratorAccess". */
export function identityCenterPathInWords(path: Pick<IdentityCenterAdminPath, "groupName" | "permissionSetName" | "policyName">): string {
  return `${path.groupName === null ? "assigned directly" : `group ${path.groupName}`} › permission set ${path.permissionSetName} › ${path.policyName}`;
}
