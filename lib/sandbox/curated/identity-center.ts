/**
 * The organization's IAM Identity Center instance, held by the management account in us-east-1.
 * Designed so each Identity Center check fails somewhere and passes somewhere:
 * - prod-payments: AdministratorAccess (12-hour sessions) for the whole platform-engineers group,
 *   which pushes the account far over the admin limit; read-only for the auditors;
 * - dev-experiments: a second admin set (an inline "everything" policy, one-hour sessions)
 *   assigned to one person directly rather than to a group;
 * - data-lake and security-tooling: only the read-only set, to a group, with two-hour sessions.
 */
import type { BuildContext } from "@/lib/sandbox/account-builder";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { identityCenterId } from "@/lib/sandbox/identifiers";
import type { SandboxIdentityCenter, SandboxPermissionSet } from "@/lib/sandbox/model";
import { ADMINISTRATOR_ACCESS_ARN, allow, policyDocument } from "@/lib/sandbox/policy-documents";

export const IDENTITY_CENTER_REGION = "us-east-1";
const READ_ONLY_ACCESS_ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";

const PLATFORM_ENGINEERS = [
  "amara.okafor", "ben.hartley", "chen.wei", "dana.kowalski", "elif.demir", "farid.haddad", "grace.lindqvist",
  "hiro.tanaka", "ines.moreau", "jonas.berg", "kavya.iyer", "lucas.silva", "maya.cohen", "nikolai.petrov",
];
const AUDITORS = ["olivia.grant", "pedro.alves", "quinn.murphy"];
/** Assigned an admin permission set on her own, not through a group. */
const DIRECT_ADMIN = "priya.raman";

function displayName(userName: string): string {
  return userName
    .split(".")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" ");
}

export function organizationIdentityCenter(ctx: BuildContext): SandboxIdentityCenter {
  const userId = (name: string) => identityCenterId(ctx.seed, "user", name);
  const groupId = (name: string) => identityCenterId(ctx.seed, "group", name);
  const setId = (name: string) => identityCenterId(ctx.seed, "ps", name);
  const userNames = [...PLATFORM_ENGINEERS, ...AUDITORS, DIRECT_ADMIN];
  const permissionSets: SandboxPermissionSet[] = [
    { id: setId("AdministratorAccess"), name: "AdministratorAccess", sessionDuration: "PT12H", awsManagedPolicyArns: [ADMINISTRATOR_ACCESS_ARN], customerManagedPolicies: [] },
    {
      id: setId("EmergencyAdmin"),
      name: "EmergencyAdmin",
      sessionDuration: "PT1H",
      awsManagedPolicyArns: [],
      customerManagedPolicies: [],
      inlinePolicy: policyDocument(allow("*", "*")),
    },
    { id: setId("ReadOnly"), name: "ReadOnly", sessionDuration: "PT2H", awsManagedPolicyArns: [READ_ONLY_ACCESS_ARN], customerManagedPolicies: [] },
  ];
  const [admin, emergency, readOnly] = permissionSets.map((set) => set.id) as [string, string, string];
  return {
    instanceId: identityCenterId(ctx.seed, "ssoins", "organization"),
    identityStoreId: identityCenterId(ctx.seed, "d", "organization"),
    region: IDENTITY_CENTER_REGION,
    users: userNames.map((name) => ({ userId: userId(name), userName: name, displayName: displayName(name) })),
    groups: [
      { groupId: groupId("platform-engineers"), displayName: "platform-engineers" },
      { groupId: groupId("auditors"), displayName: "auditors" },
    ],
    memberships: [
      ...PLATFORM_ENGINEERS.map((name) => ({ groupId: groupId("platform-engineers"), userId: userId(name) })),
      ...AUDITORS.map((name) => ({ groupId: groupId("auditors"), userId: userId(name) })),
    ],
    permissionSets,
    assignments: [
      { accountId: CURATED_ACCOUNT_IDS.prodPayments, permissionSetId: admin, principalType: "GROUP", principalId: groupId("platform-engineers") },
      { accountId: CURATED_ACCOUNT_IDS.prodPayments, permissionSetId: readOnly, principalType: "GROUP", principalId: groupId("auditors") },
      { accountId: CURATED_ACCOUNT_IDS.devExperiments, permissionSetId: emergency, principalType: "USER", principalId: userId(DIRECT_ADMIN) },
      { accountId: CURATED_ACCOUNT_IDS.dataLake, permissionSetId: readOnly, principalType: "GROUP", principalId: groupId("auditors") },
      { accountId: CURATED_ACCOUNT_IDS.securityTooling, permissionSetId: readOnly, principalType: "GROUP", principalId: groupId("auditors") },
    ],
  };
}
