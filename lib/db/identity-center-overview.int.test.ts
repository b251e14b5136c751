import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashBlob, type SnapshotManifest } from "@/lib/collect/manifest";
import type { IdentityCenter, IdentityCenterInstance } from "@/lib/snapshot/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { putBlobs } from "./blobs";
import { db } from "./client";
import { getIdentityCenterFacts } from "./identity-center-overview";
import { recordIdentityCenterInstance } from "./identity-center";
import { insertFinding } from "./scorecard-test-factories";
import { addTestCollection, createTestRun, linkTestAccount } from "./test-factories";

const MANAGEMENT = "111111111111";
const PROD = "222222222222";
const DENIED = "333333333333";
const ADMIN_SET = "arn:aws:sso:::permissionSet/ssoins-1/ps-admin";

const instance: IdentityCenterInstance = {
  instanceArn: "arn:aws:sso:::instance/ssoins-1",
  identityStoreId: "d-1",
  region: "eu-west-1",
  readInAccountId: MANAGEMENT,
  permissionSets: [{ permissionSetArn: ADMIN_SET, name: "Admin", awsManagedPolicies: [], customerManagedPolicies: [] }],
  assignments: [{ accountId: PROD, permissionSetArn: ADMIN_SET, principalType: "GROUP", principalId: "g-1" }],
  users: [{ userId: "u-1", userName: "ada" }],
  groups: [{ groupId: "g-1", displayName: "admins" }],
  memberships: [{ groupId: "g-1", userId: "u-1" }],
};

/** A manifest with only the Identity Center part, as the worker stores it. */
async function manifestWith(accountId: string, part: { ok: IdentityCenter } | { error: { code: string; api: string } }): Promise<SnapshotManifest> {
  if ("error" in part) {
    return { version: 1, accountId, regions: [], parts: { "identitycenter.assignments": { status: "error", error: { ...part.error, message: "refused" } } } };
  }
  const blob = hashBlob(part.ok);
  // The service control policy part says whether the account is the management account.
  const scp = hashBlob(part.ok.answer === "read_here" ? { answer: "management_account", organizationId: "o-1" } : { answer: "read", organizationId: "o-1", levels: [] });
  await putBlobs(db(), [blob, scp]);
  return {
    version: 1,
    accountId,
    regions: [],
    parts: { "identitycenter.assignments": { status: "ok", blob: blob.hash }, "organizations.serviceControlPolicies": { status: "ok", blob: scp.hash } },
  };
}

describe("the Identity Center facts behind the organization page", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("reads each account's latest answer, the recorded instance and the admin verdicts out of the stored JSON", async () => {
    expect(await getIdentityCenterFacts()).toEqual({ instances: [], linkedAccounts: [], organizationAccounts: [], answers: [], adminVerdicts: [] });

    const management = await linkTestAccount(MANAGEMENT, { name: "management" });
    const prod = await linkTestAccount(PROD, { name: "prod" });
    const denied = await linkTestAccount(DENIED, { name: "denied" });
    await linkTestAccount("444444444444", { name: "never collected" });
    const first = await createTestRun("manual", "succeeded");
    // An older answer of the management account is replaced by its latest.
    await addTestCollection(first, management, { status: "partial", manifest: await manifestWith(MANAGEMENT, { error: { code: "ThrottlingException", api: "sso:ListInstances" } }) });
    const second = await createTestRun("manual", "succeeded");
    await addTestCollection(second, management, { status: "succeeded", manifest: await manifestWith(MANAGEMENT, { ok: { answer: "read_here", instance } }) });
    await addTestCollection(second, prod, { status: "succeeded", manifest: await manifestWith(PROD, { ok: { answer: "member_account", instance } }) });
    await addTestCollection(second, denied, { status: "partial", manifest: await manifestWith(DENIED, { error: { code: "AccessDeniedException", api: "sso:ListInstances" } }) });
    await recordIdentityCenterInstance(instance);
    const evidence = {
      limit: 2,
      iamAdminCount: 0,
      identityCenterAdmins: [{ userId: "u-1", userName: "ada", displayName: null, paths: [{ permissionSetArn: ADMIN_SET }, { permissionSetArn: ADMIN_SET }] }],
      undeterminedPermissionSets: ["Other"],
      instanceArn: instance.instanceArn,
      readInAccountId: MANAGEMENT,
    };
    await insertFinding({ accountId: prod, checkId: "identity-center.admin-assignments", exercise: 3, status: "pass", evidence, firstRunId: second });
    // Closed intervals and unknowns for want of data are not verdicts.
    await insertFinding({ accountId: prod, checkId: "identity-center.admin-assignments", exercise: 3, status: "fail", evidence: { ...evidence, undeterminedPermissionSets: ["Old"] }, firstRunId: first, closedRunId: second });
    await insertFinding({ accountId: denied, checkId: "identity-center.admin-assignments", exercise: 3, status: "unknown", evidence: { unavailable: [] }, firstRunId: second });

    const facts = await getIdentityCenterFacts();
    expect(facts.instances).toEqual([{ instance, readAt: expect.any(Date) }]);
    expect(facts.linkedAccounts.map((account) => account.name)).toEqual(["management", "prod", "denied", "never collected"]);
    expect(facts.answers.sort((a, b) => a.awsAccountId.localeCompare(b.awsAccountId))).toEqual([
      { awsAccountId: MANAGEMENT, outcome: "instance_here", code: null, api: null, organizationRole: "management" },
      { awsAccountId: PROD, outcome: "instance_here", code: null, api: null, organizationRole: "member" },
      { awsAccountId: DENIED, outcome: "error", code: "AccessDeniedException", api: "sso:ListInstances", organizationRole: null },
    ]);
    expect(facts.adminVerdicts).toEqual([{ awsAccountId: PROD, adminSetArns: [ADMIN_SET], undeterminedSetNames: ["Other"] }]);
  });

  it("tells a member account that has no copy yet from one that holds the instance", async () => {
    const run = await createTestRun("manual", "succeeded");
    const prod = (await db().linkedAccount.findUniqueOrThrow({ where: { awsAccountId: PROD } })).id;
    await addTestCollection(run, prod, { status: "succeeded", manifest: await manifestWith(PROD, { ok: { answer: "member_account" } }) });
    const facts = await getIdentityCenterFacts();
    expect(facts.answers.find((answer) => answer.awsAccountId === PROD)).toEqual({ awsAccountId: PROD, outcome: "no_instance", code: null, api: null, organizationRole: "member" });
  });
});
