/**
 * IAM Identity Center is read in the one account that holds the instance (the management account
 * or the delegated administrator), but its assignments give people access to other accounts, and
 * each account's admins are judged in that account's snapshot (checks are pure functions of one
 * snapshot). So what the holding account read is remembered in a directory, and each other
 * account's part gets a copy narrowed to the assignments that target it, with the permission sets,
 * users, groups and memberships those assignments need. Customer managed policies a permission
 * set names are then judged with the target account's own IAM policies, as AWS provisions them.
 *
 * The copy is only as fresh as the holding account's last collection. On the very first run the
 * holding account is collected at the same time as the others, so a member account that finds no
 * instance yet waits, bounded, while a possible holding account is being collected (the run queues
 * those first). One that still finds none says so (`member_account` without an instance), and its
 * Identity Center checks are unknown, never passed.
 */
import type { IdentityCenter, IdentityCenterInstance } from "@/lib/snapshot/schema";

export interface IdentityCenterDirectory {
  record(instance: IdentityCenterInstance): Promise<void>;
  /** The instance of the organization this account belongs to, when its holding account was read. */
  lookup(accountId: string): Promise<IdentityCenterInstance | undefined>;
  /**
   * When lookup found nothing: waits, bounded, while an account that may hold this account's
   * instance is being collected, and answers the instance once it is recorded.
   */
  awaitHolder?(accountId: string, signal?: AbortSignal): Promise<IdentityCenterInstance | undefined>;
}

/** The instance as one target account sees it: only its assignments and what they reference. */
export function narrowToAccount(instance: IdentityCenterInstance, accountId: string): IdentityCenterInstance {
  const assignments = instance.assignments.filter((assignment) => assignment.accountId === accountId);
  const setArns = new Set(assignments.map((assignment) => assignment.permissionSetArn));
  const groupIds = new Set(assignments.filter((assignment) => assignment.principalType === "GROUP").map((assignment) => assignment.principalId));
  const memberships = instance.memberships.filter((membership) => groupIds.has(membership.groupId));
  const userIds = new Set([
    ...assignments.filter((assignment) => assignment.principalType === "USER").map((assignment) => assignment.principalId),
    ...memberships.map((membership) => membership.userId),
  ]);
  return {
    ...instance,
    permissionSets: instance.permissionSets.filter((set) => setArns.has(set.permissionSetArn)),
    assignments,
    users: instance.users.filter((user) => userIds.has(user.userId)),
    groups: instance.groups.filter((group) => groupIds.has(group.groupId)),
    memberships,
  };
}

/** Records what the holding account read, or completes another account's answer with its narrowed copy. */
export async function resolveIdentityCenter(
  accountId: string,
  own: IdentityCenter,
  directory: IdentityCenterDirectory | undefined,
  signal?: AbortSignal,
): Promise<IdentityCenter> {
  if (!directory) return own;
  if (own.answer === "read_here") {
    await directory.record(own.instance);
    return own;
  }
  if (own.instance) return own;
  const instance = (await directory.lookup(accountId)) ?? (await directory.awaitHolder?.(accountId, signal));
  return instance ? { answer: "member_account", instance: narrowToAccount(instance, accountId) } : own;
}

/**
 * The instance an account belongs to: the one whose holding account is in the same organization
 * when memberships are known, else the only one known (one organization, one instance).
 */
export function instanceForAccount(
  instances: IdentityCenterInstance[],
  organizationOf: (accountId: string) => string | undefined,
  accountId: string,
): IdentityCenterInstance | undefined {
  const organization = organizationOf(accountId);
  if (organization) {
    const same = instances.filter((instance) => organizationOf(instance.readInAccountId) === organization);
    if (same.length > 0) return same[0];
  }
  return instances.length === 1 ? instances[0] : undefined;
}

/** A directory in memory, for tests and one-off collections. */
export function memoryIdentityCenterDirectory(memberships: Record<string, string> = {}): IdentityCenterDirectory {
  const byInstance = new Map<string, IdentityCenterInstance>();
  return {
    async record(instance) {
      byInstance.set(instance.instanceArn, instance);
    },
    async lookup(accountId) {
      return instanceForAccount([...byInstance.values()], (id) => memberships[id], accountId);
    },
  };
}
