import { describe, expect, it } from "vitest";
import { CollectorFailure } from "../errors";
import { awsError } from "../testing/stub-plugin";
import { stubbedAccountClients } from "../testing/test-clients";
import { collectIdentityCenter } from "./identity-center";

const INSTANCE = "arn:aws:sso:::instance/ssoins-1111222233334444";
const ADMIN_SET = `arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaa`;
const UNNAMED_SET = `arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-bbbb`;

function holdingAccount(overrides: Record<string, unknown> = {}) {
  return stubbedAccountClients({
    ListInstances: (_input: unknown, context: { region: string }) =>
      context.region === "eu-west-1" ? { Instances: [{ InstanceArn: INSTANCE, IdentityStoreId: "d-1234567890" }] } : { Instances: [] },
    ListPermissionSets: { PermissionSets: [UNNAMED_SET, ADMIN_SET] },
    DescribePermissionSet: (input: { PermissionSetArn: string }) =>
      input.PermissionSetArn === ADMIN_SET ? { PermissionSet: { Name: "AdministratorAccess", SessionDuration: "PT8H" } } : { PermissionSet: {} },
    ListManagedPoliciesInPermissionSet: (input: { PermissionSetArn: string }) =>
      input.PermissionSetArn === ADMIN_SET ? { AttachedManagedPolicies: [{ Arn: "arn:aws:iam::aws:policy/AdministratorAccess" }] } : {},
    ListCustomerManagedPolicyReferencesInPermissionSet: (input: { PermissionSetArn: string }) =>
      input.PermissionSetArn === UNNAMED_SET ? { CustomerManagedPolicyReferences: [{ Name: "deploy" }] } : {},
    GetInlinePolicyForPermissionSet: (input: { PermissionSetArn: string }) =>
      input.PermissionSetArn === UNNAMED_SET ? { InlinePolicy: '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' } : {},
    GetPermissionsBoundaryForPermissionSet: (input: { PermissionSetArn: string }) =>
      input.PermissionSetArn === UNNAMED_SET
        ? { PermissionsBoundary: { CustomerManagedPolicyReference: { Name: "boundary", Path: "/limits/" } } }
        : awsError("ResourceNotFoundException", { httpStatus: 400 }),
    ListAccountsForProvisionedPermissionSet: (input: { PermissionSetArn: string }) => ({ AccountIds: input.PermissionSetArn === ADMIN_SET ? ["222233334444", "111122223333"] : [] }),
    ListAccountAssignments: (input: { AccountId: string }) => ({
      AccountAssignments: [
        { AccountId: input.AccountId, PermissionSetArn: ADMIN_SET, PrincipalType: "GROUP", PrincipalId: "g-1" },
        // No principal: identifies nothing, left out as an entry error.
        { AccountId: input.AccountId, PermissionSetArn: ADMIN_SET, PrincipalType: "USER" },
      ],
    }),
    ListUsers: { Users: [{ UserId: "u-2", UserName: "zoe" }, { UserId: "u-1", DisplayName: "No Name" }] },
    ListGroups: { Groups: [{ GroupId: "g-1" }] },
    ListGroupMemberships: { GroupMemberships: [{ GroupId: "g-1", MemberId: { UserId: "u-2" } }, { GroupId: "g-1", MemberId: { UserId: "u-1" } }] },
    ...overrides,
  });
}

describe("collectIdentityCenter", () => {
  it("reads the instance in the region that holds it, with names derived where AWS leaves them out", async () => {
    const { clients, calls } = holdingAccount();
    const part = await collectIdentityCenter(clients, ["eu-west-1", "us-west-2"]);
    clients.destroy();
    // us-east-1 is asked first, then the account's regions until one answers an instance.
    expect(calls.filter((call) => call.operation === "ListInstances").map((call) => call.region)).toEqual(["us-east-1", "eu-west-1"]);
    expect(part.answer).toBe("read_here");
    if (part.answer !== "read_here") return;
    const { instance } = part;
    expect(instance).toMatchObject({ instanceArn: INSTANCE, identityStoreId: "d-1234567890", region: "eu-west-1" });
    expect(instance.permissionSets).toEqual([
      {
        permissionSetArn: ADMIN_SET,
        name: "AdministratorAccess",
        sessionDuration: "PT8H",
        awsManagedPolicies: [{ policyArn: "arn:aws:iam::aws:policy/AdministratorAccess", policyName: "AdministratorAccess" }],
        customerManagedPolicies: [],
      },
      {
        permissionSetArn: UNNAMED_SET,
        name: "ps-bbbb",
        awsManagedPolicies: [],
        customerManagedPolicies: [{ name: "deploy", path: "/" }],
        inlinePolicy: { Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] },
        permissionsBoundary: { customerManagedPolicy: { name: "boundary", path: "/limits/" } },
      },
    ]);
    expect(instance.assignments).toEqual([
      { accountId: "111122223333", permissionSetArn: ADMIN_SET, principalType: "GROUP", principalId: "g-1" },
      { accountId: "222233334444", permissionSetArn: ADMIN_SET, principalType: "GROUP", principalId: "g-1" },
    ]);
    expect(instance.users).toEqual([
      { userId: "u-1", userName: "u-1", displayName: "No Name" },
      { userId: "u-2", userName: "zoe" },
    ]);
    expect(instance.groups).toEqual([{ groupId: "g-1", displayName: "g-1" }]);
    expect(instance.memberships).toEqual([
      { groupId: "g-1", userId: "u-1" },
      { groupId: "g-1", userId: "u-2" },
    ]);
  });

  it("answers member_account where no region holds an instance", async () => {
    const { clients } = stubbedAccountClients({ ListInstances: { Instances: [] } });
    expect(await collectIdentityCenter(clients, ["eu-west-1"])).toEqual({ answer: "member_account" });
    clients.destroy();
  });

  it("fails the part, naming the call, when the audit role may not read Identity Center", async () => {
    const { clients } = holdingAccount({ ListPermissionSets: awsError("AccessDeniedException", { httpStatus: 400 }) });
    const failure = await collectIdentityCenter(clients, ["eu-west-1"]).catch((error: unknown) => error);
    clients.destroy();
    expect(failure).toBeInstanceOf(CollectorFailure);
    expect((failure as CollectorFailure).collectorError).toMatchObject({ api: "sso:ListPermissionSets", code: "AccessDeniedException", region: "eu-west-1" });
  });
});
