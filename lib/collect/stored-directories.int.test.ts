import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { narrowToAccount } from "./identity-center";
import type { IdentityCenterInstance } from "@/lib/snapshot/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { db } from "@/lib/db/client";
import { identityCenterHolderCandidates, listIdentityCenterInstances } from "@/lib/db/identity-center";
import { addTestCollection, createTestRun, linkTestAccount } from "@/lib/db/test-factories";
import { databaseIdentityCenter, databaseIdentityCenterDirectory } from "./stored-directories";

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

describe("a member account collected at the same time as the account holding Identity Center", () => {
  let database: TestDatabase;
  const wait = { maxWaitMs: 5_000, queuedGraceMs: 300, pollMs: 50 };
  let management: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const seenAt = new Date();
    for (const id of ["111111111111", "222222222222"]) {
      await db().organizationAccount.create({
        data: { awsAccountId: id, organizationId: "o-1", name: id, email: `${id}@example.com`, arn: `arn:aws:organizations::111111111111:account/o-1/${id}`, state: "ACTIVE", parentId: "r-1", ouPath: "Root", lastSeenAt: seenAt },
      });
    }
    management = await linkTestAccount("111111111111");
    await linkTestAccount("222222222222");
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("guesses the management account from the organization's ARNs, then knows the holder it read", async () => {
    expect(await identityCenterHolderCandidates()).toEqual(["111111111111"]);
    expect(await identityCenterHolderCandidates("o-other")).toEqual([]);
  });

  it("does not wait when no holding account is being collected", async () => {
    const started = Date.now();
    expect(await databaseIdentityCenterDirectory(wait).awaitHolder!("222222222222")).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("waits for a queued holder only briefly, since a run starts it first", async () => {
    const run = await createTestRun();
    const collection = await addTestCollection(run, management, { status: "queued" });
    const started = Date.now();
    expect(await databaseIdentityCenterDirectory(wait).awaitHolder!("222222222222")).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(wait.queuedGraceMs);
    expect(Date.now() - started).toBeLessThan(wait.maxWaitMs);
    await db().accountCollection.update({ where: { id: collection }, data: { status: "running" } });
  });

  it("waits while the holder is running and answers its instance as soon as it is recorded", async () => {
    const directory = databaseIdentityCenterDirectory(wait);
    const waiting = directory.awaitHolder!("222222222222");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await directory.record(instance);
    const found = await waiting;
    expect(found && narrowToAccount(found, "222222222222")).toEqual(narrowToAccount(instance, "222222222222"));
  });

  it("also waits for the management account AWS Organizations names when no organization was discovered", async () => {
    await db().installationSetting.deleteMany({ where: { key: { startsWith: "identitycenter.instance:" } } });
    const named = await linkTestAccount("333333333333");
    await addTestCollection(await createTestRun(), named, { status: "running" });
    const directory = databaseIdentityCenterDirectory({ ...wait, managementAccountId: async () => "333333333333" });
    const waiting = directory.awaitHolder!("444444444444");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await directory.record({ ...instance, readInAccountId: "333333333333" });
    expect(await waiting).toMatchObject({ readInAccountId: "333333333333" });
  });

  it("stops waiting when the collection is aborted", async () => {
    await db().installationSetting.deleteMany({ where: { key: { startsWith: "identitycenter.instance:" } } });
    const abort = new AbortController();
    const waiting = databaseIdentityCenterDirectory({ ...wait, maxWaitMs: 60_000 }).awaitHolder!("222222222222", abort.signal);
    setTimeout(() => abort.abort(), 100);
    expect(await waiting).toBeUndefined();
  });
});
