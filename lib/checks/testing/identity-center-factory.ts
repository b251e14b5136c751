/** An Identity Center instance for check tests: permission sets, assignments to TEST_ACCOUNT_ID, people and groups. */
import type { IdentityCenterAssignment, IdentityCenterInstance, IdentityCenterPermissionSet } from "@/lib/snapshot/schema";
import { TEST_ACCOUNT_ID } from "./snapshot-factory";

export const INSTANCE_ARN = "arn:aws:sso:::instance/ssoins-1111222233334444";
export const setArn = (name: string) => `arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-${name.toLowerCase()}`;

export function permissionSet(name: string, overrides: Partial<IdentityCenterPermissionSet> = {}): IdentityCenterPermissionSet {
  return { permissionSetArn: setArn(name), name, awsManagedPolicies: [], customerManagedPolicies: [], ...overrides };
}

export function assignment(setName: string, principalType: "USER" | "GROUP", principalId: string, accountId = TEST_ACCOUNT_ID): IdentityCenterAssignment {
  return { accountId, permissionSetArn: setArn(setName), principalType, principalId };
}

export function identityCenter(overrides: Partial<IdentityCenterInstance> = {}): IdentityCenterInstance {
  return {
    instanceArn: INSTANCE_ARN,
    identityStoreId: "d-1234567890",
    region: "us-east-1",
    readInAccountId: "999900001111",
    permissionSets: [],
    assignments: [],
    users: [
      { userId: "u-ada", userName: "ada", displayName: "Ada Lovelace" },
      { userId: "u-bob", userName: "bob" },
      { userId: "u-cy", userName: "cy" },
    ],
    groups: [{ groupId: "g-eng", displayName: "engineers" }],
    memberships: [
      { groupId: "g-eng", userId: "u-ada" },
      { groupId: "g-eng", userId: "u-bob" },
    ],
    ...overrides,
  };
}
