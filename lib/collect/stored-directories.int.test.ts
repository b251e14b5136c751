import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { narrowToAccount } from "./identity-center";
import type { IdentityCenterInstance } from "@/lib/snapshot/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { listIdentityCenterInstances } from "@/lib/db/identity-center";
import { databaseIdentityCenter } from "./stored-directories";

const SET = "arn:aws:sso:::permissionSet/ssoins-1/ps-a";
const instance: IdentityCenterInstance = {
  instanceArn: "arn:aws:sso:::instance/ssoins-1",
  identityStoreId: "d-1",
  region: "us-east-1",
  readInAccountId: "111111111111",
  permissionSets: [{ permissionSetArn: SET, name: "Admin", sessionDuration: "PT8H", awsManagedPolicies: [], customerManagedPolicies: [], inlinePolicy: { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } }],
  assignments: [{ accountId: "222222222222", permissionSetArn: SET, principalType: "GROUP", principalId: "g-1" }],
  users: [{ userId: "u-1", userName: "ada" }],
  groups: [{ groupId: "g-1", displayName: "admins" }],
  memberships: [{ groupId: "g-1", userId: "u-1" }],
};

describe("the Identity Center directory in the database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("knows no instance until one is recorded, then gives each account its narrowed copy", async () => {
    expect(await databaseIdentityCenter.lookup("222222222222")).toBeUndefined();
    await databaseIdentityCenter.record(instance);
    await databaseIdentityCenter.record(instance);
    expect(await listIdentityCenterInstances()).toEqual([instance]);
    const found = await databaseIdentityCenter.lookup("222222222222");
    expect(found && narrowToAccount(found, "222222222222")).toEqual(narrowToAccount(instance, "222222222222"));
  });
});
