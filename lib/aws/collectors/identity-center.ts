/**
 * IAM Identity Center: the instance, its permission sets (AWS managed, customer managed and
 * inline policies, permissions boundary, session duration), the account assignments, and the
 * identity store's users, groups and memberships.
 *
 * ListInstances answers an instance only in the account that holds it, the management account or
 * the delegated administrator, and only in the region Identity Center was enabled in (SSO Admin API
 * reference, ListInstances). So the collector asks each collected region until one answers an
 * instance; an account where none does is a member account (`member_account`), which
 * lib/collect/identity-center.ts completes with what the holding account read.
 *
 * Members AWS documents as optional: a permission set's Name and SessionDuration, a user's
 * UserName and DisplayName, a group's DisplayName. The name falls back to the ARN's or id's own
 * value; an assignment without its account, permission set or principal identifies nothing and is
 * left out as an entry error.
 */
import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  paginateListAccountAssignments,
  paginateListAccountsForProvisionedPermissionSet,
  paginateListCustomerManagedPolicyReferencesInPermissionSet,
  paginateListInstances,
  paginateListManagedPoliciesInPermissionSet,
  paginateListPermissionSets,
  type InstanceMetadata,
} from "@aws-sdk/client-sso-admin";
import { paginateListGroupMemberships, paginateListGroups, paginateListUsers } from "@aws-sdk/client-identitystore";
import { identityCenterSchema, type IdentityCenter, type IdentityCenterInstance, type IdentityCenterPermissionSet } from "@/lib/snapshot/schema";
import type { AccountClients } from "../client-factory";
import { hasErrorCode } from "../errors";
import { parsePolicyJson } from "../parsers/policy-document";
import { awsCall, validatePart } from "./aws-call";
import { compareStrings, missingMember, sortBy } from "./sdk-values";

/** The region Identity Center is most often enabled in is asked first, then the others in order. */
const LIKELY_HOME_REGION = "us-east-1";

async function findInstance(clients: AccountClients, regions: string[], signal?: AbortSignal): Promise<{ instance: InstanceMetadata; region: string } | undefined> {
  const ordered = [...new Set([LIKELY_HOME_REGION, ...regions])].filter((region) => regions.includes(region) || region === LIKELY_HOME_REGION);
  for (const region of ordered) {
    const found = await awsCall("sso:ListInstances", region, async () => {
      for await (const page of paginateListInstances({ client: clients.ssoAdmin(region) }, {}, { abortSignal: signal })) {
        const instance = (page.Instances ?? [])[0];
        if (!instance) continue;
        // An instance without its ARN or identity store cannot be read: an error, never "no instance here".
        if (!instance.InstanceArn) throw missingMember("sso:ListInstances", region, "the instance's ARN");
        if (!instance.IdentityStoreId) throw missingMember("sso:ListInstances", region, "the instance's identity store id");
        return instance;
      }
      return undefined;
    });
    if (found) return { instance: found, region };
  }
  return undefined;
}

async function collectPermissionSet(clients: AccountClients, region: string, instanceArn: string, permissionSetArn: string, signal?: AbortSignal): Promise<IdentityCenterPermissionSet> {
  const client = clients.ssoAdmin(region);
  const input = { InstanceArn: instanceArn, PermissionSetArn: permissionSetArn };
  const options = { abortSignal: signal };
  const [described, managed, customer, inline, boundary] = await Promise.all([
    awsCall("sso:DescribePermissionSet", region, () => client.send(new DescribePermissionSetCommand(input), options)),
    awsCall("sso:ListManagedPoliciesInPermissionSet", region, async () => {
      const policies: Array<{ policyName: string; policyArn: string }> = [];
      for await (const page of paginateListManagedPoliciesInPermissionSet({ client }, input, options)) {
        for (const policy of page.AttachedManagedPolicies ?? []) {
          if (!policy.Arn) continue;
          policies.push({ policyArn: policy.Arn, policyName: policy.Name ?? policy.Arn.slice(policy.Arn.lastIndexOf("/") + 1) });
        }
      }
      return sortBy(policies, (policy) => policy.policyArn);
    }),
    awsCall("sso:ListCustomerManagedPolicyReferencesInPermissionSet", region, async () => {
      const references: Array<{ name: string; path: string }> = [];
      for await (const page of paginateListCustomerManagedPolicyReferencesInPermissionSet({ client }, input, options)) {
        for (const reference of page.CustomerManagedPolicyReferences ?? []) {
          if (reference.Name) references.push({ name: reference.Name, path: reference.Path ?? "/" });
        }
      }
      return sortBy(references, (reference) => `${reference.path}${reference.name}`);
    }),
    awsCall("sso:GetInlinePolicyForPermissionSet", region, () => client.send(new GetInlinePolicyForPermissionSetCommand(input), options)),
    awsCall("sso:GetPermissionsBoundaryForPermissionSet", region, async () => {
      try {
        return (await client.send(new GetPermissionsBoundaryForPermissionSetCommand(input), options)).PermissionsBoundary;
      } catch (error) {
        // A permission set without a boundary answers ResourceNotFoundException.
        if (hasErrorCode(error, "ResourceNotFoundException")) return undefined;
        throw error;
      }
    }),
  ]);
  const set: IdentityCenterPermissionSet = {
    permissionSetArn,
    name: described.PermissionSet?.Name ?? permissionSetArn.slice(permissionSetArn.lastIndexOf("/") + 1),
    awsManagedPolicies: managed,
    customerManagedPolicies: customer,
  };
  const sessionDuration = described.PermissionSet?.SessionDuration;
  if (sessionDuration) set.sessionDuration = sessionDuration;
  if (inline.InlinePolicy) set.inlinePolicy = parsePolicyJson(inline.InlinePolicy);
  if (boundary && (boundary.ManagedPolicyArn || boundary.CustomerManagedPolicyReference?.Name)) {
    set.permissionsBoundary = {
      ...(boundary.ManagedPolicyArn ? { managedPolicyArn: boundary.ManagedPolicyArn } : {}),
      ...(boundary.CustomerManagedPolicyReference?.Name
        ? { customerManagedPolicy: { name: boundary.CustomerManagedPolicyReference.Name, path: boundary.CustomerManagedPolicyReference.Path ?? "/" } }
        : {}),
    };
  }
  return set;
}

async function collectAssignments(clients: AccountClients, region: string, instanceArn: string, permissionSetArn: string, signal?: AbortSignal): Promise<unknown[]> {
  const client = clients.ssoAdmin(region);
  const accounts = await awsCall("sso:ListAccountsForProvisionedPermissionSet", region, async () => {
    const ids: string[] = [];
    for await (const page of paginateListAccountsForProvisionedPermissionSet({ client }, { InstanceArn: instanceArn, PermissionSetArn: permissionSetArn }, { abortSignal: signal })) {
      ids.push(...(page.AccountIds ?? []));
    }
    return [...new Set(ids)].sort(compareStrings);
  });
  const perAccount = await Promise.all(
    accounts.map((accountId) =>
      awsCall("sso:ListAccountAssignments", region, async () => {
        const found: unknown[] = [];
        const input = { InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, AccountId: accountId };
        for await (const page of paginateListAccountAssignments({ client }, input, { abortSignal: signal })) {
          for (const assignment of page.AccountAssignments ?? []) {
            found.push({
              accountId: assignment.AccountId ?? accountId,
              permissionSetArn: assignment.PermissionSetArn ?? permissionSetArn,
              principalType: assignment.PrincipalType,
              principalId: assignment.PrincipalId,
            });
          }
        }
        return found;
      }),
    ),
  );
  return perAccount.flat();
}

async function collectIdentityStore(clients: AccountClients, region: string, identityStoreId: string, signal?: AbortSignal) {
  const client = clients.identityStore(region);
  const options = { abortSignal: signal };
  const [users, groups] = await Promise.all([
    awsCall("identitystore:ListUsers", region, async () => {
      const found: Array<{ userId: string; userName: string; displayName?: string }> = [];
      for await (const page of paginateListUsers({ client }, { IdentityStoreId: identityStoreId }, options)) {
        for (const user of page.Users ?? []) {
          if (!user.UserId) continue;
          found.push({ userId: user.UserId, userName: user.UserName ?? user.UserId, ...(user.DisplayName ? { displayName: user.DisplayName } : {}) });
        }
      }
      return sortBy(found, (user) => user.userId);
    }),
    awsCall("identitystore:ListGroups", region, async () => {
      const found: Array<{ groupId: string; displayName: string }> = [];
      for await (const page of paginateListGroups({ client }, { IdentityStoreId: identityStoreId }, options)) {
        for (const group of page.Groups ?? []) {
          if (group.GroupId) found.push({ groupId: group.GroupId, displayName: group.DisplayName ?? group.GroupId });
        }
      }
      return sortBy(found, (group) => group.groupId);
    }),
  ]);
  const memberships = await Promise.all(
    groups.map((group) =>
      awsCall("identitystore:ListGroupMemberships", region, async () => {
        const found: Array<{ groupId: string; userId: string }> = [];
        for await (const page of paginateListGroupMemberships({ client }, { IdentityStoreId: identityStoreId, GroupId: group.groupId }, options)) {
          for (const membership of page.GroupMemberships ?? []) {
            const userId = membership.MemberId && "UserId" in membership.MemberId ? membership.MemberId.UserId : undefined;
            if (userId) found.push({ groupId: membership.GroupId ?? group.groupId, userId });
          }
        }
        return sortBy(found, (membership) => membership.userId);
      }),
    ),
  );
  return { users, groups, memberships: memberships.flat() };
}

function assignmentKey(assignment: unknown): string {
  const record = assignment as Record<string, unknown>;
  return [record.accountId, record.permissionSetArn, record.principalType, record.principalId].map(String).join("|");
}

/** `regions`: the account's collected regions, where the instance is looked for. */
export async function collectIdentityCenter(clients: AccountClients, regions: string[], signal?: AbortSignal): Promise<IdentityCenter> {
  const found = await findInstance(clients, regions, signal);
  if (!found) return validatePart(identityCenterSchema, { answer: "member_account" }, "sso:ListInstances");
  const { region } = found;
  const instanceArn = found.instance.InstanceArn ?? "";
  const identityStoreId = found.instance.IdentityStoreId ?? "";
  const permissionSetArns = await awsCall("sso:ListPermissionSets", region, async () => {
    const arns: string[] = [];
    for await (const page of paginateListPermissionSets({ client: clients.ssoAdmin(region) }, { InstanceArn: instanceArn }, { abortSignal: signal })) {
      arns.push(...(page.PermissionSets ?? []));
    }
    return [...new Set(arns)].sort(compareStrings);
  });
  const [permissionSets, assignments, store] = await Promise.all([
    Promise.all(permissionSetArns.map((arn) => collectPermissionSet(clients, region, instanceArn, arn, signal))),
    Promise.all(permissionSetArns.map((arn) => collectAssignments(clients, region, instanceArn, arn, signal))),
    collectIdentityStore(clients, region, identityStoreId, signal),
  ]);
  const instance: Omit<IdentityCenterInstance, "assignments"> & { assignments: unknown[] } = {
    instanceArn,
    identityStoreId,
    region,
    readInAccountId: clients.accountId,
    permissionSets,
    assignments: assignments.flat().sort((a, b) => compareStrings(assignmentKey(a), assignmentKey(b))),
    ...store,
    memberships: sortBy(store.memberships, (membership) => `${membership.groupId}|${membership.userId}`),
  };
  return validatePart(identityCenterSchema, { answer: "read_here", instance }, "sso:ListInstances", region);
}
