import { describe, expect, it } from "vitest";
import type { IdentityCenterInstance } from "@/lib/snapshot/schema";
import { memoryIdentityCenterDirectory, narrowToAccount, resolveIdentityCenter } from "./identity-center";

const SET_A = "arn:aws:sso:::permissionSet/ssoins-1/ps-a";
const SET_B = "arn:aws:sso:::permissionSet/ssoins-1/ps-b";
const instance: IdentityCenterInstance = {
  instanceArn: "arn:aws:sso:::instance/ssoins-1",
  identityStoreId: "d-1",
  region: "us-east-1",
  readInAccountId: "111111111111",
  permissionSets: [
    { permissionSetArn: SET_A, name: "Admin", awsManagedPolicies: [], customerManagedPolicies: [] },
    { permissionSetArn: SET_B, name: "ReadOnly", awsManagedPolicies: [], customerManagedPolicies: [] },
  ],
  assignments: [
    { accountId: "222222222222", permissionSetArn: SET_A, principalType: "GROUP", principalId: "g-admins" },
    { accountId: "333333333333", permissionSetArn: SET_B, principalType: "USER", principalId: "u-solo" },
  ],
  users: [
    { userId: "u-admin", userName: "ada" },
    { userId: "u-solo", userName: "sol" },
  ],
  groups: [
    { groupId: "g-admins", displayName: "admins" },
    { groupId: "g-other", displayName: "other" },
  ],
  memberships: [
    { groupId: "g-admins", userId: "u-admin" },
    { groupId: "g-other", userId: "u-solo" },
  ],
};

describe("Identity Center facts for the accounts the holding account's assignments target", () => {
  it("narrows the instance to one account's assignments and what they reference", () => {
    expect(narrowToAccount(instance, "222222222222")).toEqual({
      ...instance,
      permissionSets: [instance.permissionSets[0]],
      assignments: [instance.assignments[0]],
      users: [{ userId: "u-admin", userName: "ada" }],
      groups: [{ groupId: "g-admins", displayName: "admins" }],
      memberships: [{ groupId: "g-admins", userId: "u-admin" }],
    });
    expect(narrowToAccount(instance, "444444444444")).toMatchObject({ permissionSets: [], assignments: [], users: [], groups: [], memberships: [] });
  });

  it("records the holding account's read and completes a member account's answer with it", async () => {
    const directory = memoryIdentityCenterDirectory();
    expect(await resolveIdentityCenter("333333333333", { answer: "member_account" }, directory)).toEqual({ answer: "member_account" });
    expect(await resolveIdentityCenter("111111111111", { answer: "read_here", instance }, directory)).toEqual({ answer: "read_here", instance });
    const member = await resolveIdentityCenter("333333333333", { answer: "member_account" }, directory);
    expect(member).toEqual({ answer: "member_account", instance: narrowToAccount(instance, "333333333333") });
  });

  it("has a member account wait for a holding account being collected, and stay without an instance when none records one", async () => {
    const memory = memoryIdentityCenterDirectory();
    const waited: string[] = [];
    const recordingHolder = {
      ...memory,
      async awaitHolder(accountId: string) {
        waited.push(accountId);
        await memory.record(instance); // the holding account records while the member waits
        return memory.lookup(accountId);
      },
    };
    expect(await resolveIdentityCenter("333333333333", { answer: "member_account" }, recordingHolder)).toEqual({
      answer: "member_account",
      instance: narrowToAccount(instance, "333333333333"),
    });
    // Found at once: no wait.
    expect(await resolveIdentityCenter("222222222222", { answer: "member_account" }, recordingHolder)).toMatchObject({ instance: { readInAccountId: "111111111111" } });
    expect(waited).toEqual(["333333333333"]);
    const nobody = { ...memoryIdentityCenterDirectory(), awaitHolder: async () => undefined };
    expect(await resolveIdentityCenter("333333333333", { answer: "member_account" }, nobody)).toEqual({ answer: "member_account" });
  });

  it("keeps the account's own answer without a directory", async () => {
    expect(await resolveIdentityCenter("333333333333", { answer: "member_account" }, undefined)).toEqual({ answer: "member_account" });
  });
});
