import { describe, expect, it } from "vitest";
import { CHECKS } from "@/lib/checks/registry";
import { parseMutation } from "@/lib/sandbox/mutations";
import { describeSandboxMutation, sandboxFixFor } from "./sandbox-fix";
import { HOSTILE_NAMES, targetFor, TEST_ACCOUNT } from "./testing/targets";

describe("sandboxFixFor", () => {
  it.each([
    ["root.access-keys", [{ type: "delete-root-access-key", accountId: TEST_ACCOUNT }]],
    ["root.mfa", [{ type: "enable-mfa", accountId: TEST_ACCOUNT, userName: "<root_account>", kind: "hardware" }]],
    ["users.console-mfa", [{ type: "enable-mfa", accountId: TEST_ACCOUNT, userName: "alice", kind: "virtual" }]],
    ["keys.rotated", [{ type: "deactivate-access-key", accountId: TEST_ACCOUNT, userName: "alice", keyIndex: 2 }]],
    ["users.workload-keys", [{ type: "deactivate-access-key", accountId: TEST_ACCOUNT, userName: "alice", keyIndex: 1 }]],
    ["users.humans-via-roles", [1, 2].map((keyIndex) => ({ type: "deactivate-access-key", accountId: TEST_ACCOUNT, userName: "alice", keyIndex }))],
    ["password-policy.strong", [{ type: "set-password-policy", accountId: TEST_ACCOUNT, minLength: 14, reuse: 24 }]],
    ["sts.regions-unused-disabled", [{ type: "deactivate-sts-region", accountId: TEST_ACCOUNT, region: "eu-west-1" }]],
    ["cloudtrail.multi-region", [{ type: "set-trail-logging", accountId: TEST_ACCOUNT, trailName: "app-policy", logging: true }]],
    ["sg.admin-ports-open", [{ type: "revoke-security-group-ingress", accountId: TEST_ACCOUNT, region: "eu-west-1", groupId: "sg-0abc" }]],
    ["s3.account-public-access-block", [{ type: "put-account-public-access-block", accountId: TEST_ACCOUNT, configuration: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true } }]],
    // Three admins, limit two: only the third loses AdministratorAccess, and only where it is attached directly.
    ["admins.count", []],
    ["credentials.unused", []],
    ["s3.bucket-acl-public", []],
    ["sg.default-closed", []],
  ])("maps %s", (checkId, expected) => {
    expect(sandboxFixFor(targetFor(checkId))).toEqual(expected);
  });

  it("detaches AdministratorAccess from the admins beyond the limit", () => {
    const target = targetFor("admins.count");
    const evidence = target.evidence as { adminUsers: Array<{ name: string; paths: unknown[] }> };
    evidence.adminUsers.push({ name: "dave", paths: [{ via: "direct", attachment: "managed", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }] });
    expect(sandboxFixFor(target)).toEqual([{ type: "detach-user-policy", accountId: TEST_ACCOUNT, userName: "dave", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }]);
  });

  it("never offers STS deactivation for us-east-1", () => {
    expect(sandboxFixFor({ ...targetFor("sts.regions-unused-disabled"), region: "us-east-1" })).toEqual([]);
  });

  it.each(CHECKS.map((check) => check.id))("produces only mutations the sandbox accepts for %s, hostile names included", (checkId) => {
    for (const mutation of sandboxFixFor(targetFor(checkId, HOSTILE_NAMES))) {
      expect(parseMutation(mutation)).toEqual(mutation);
      expect(describeSandboxMutation(mutation).length).toBeGreaterThan(5);
    }
  });
});
