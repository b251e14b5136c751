import { describe, expect, it } from "vitest";
import { ADMINISTRATOR_ACCESS_ARN } from "@/lib/policy/admin";
import {
  attached,
  authorizationDetails,
  awsPolicyArn,
  customerPolicyArn,
  iamGroup,
  iamRole,
  iamUser,
  inline,
  managedPolicy,
  roleArn,
  TEST_ACCOUNT_ID,
} from "@/lib/policy/testing/iam-factory";
import { allow, allowNotAction, allowPrincipal, policy, singleStatementPolicy } from "@/lib/policy/testing/policy-factory";
import type { AuthorizationDetails } from "@/lib/snapshot/schema";
import { adminsCount, policiesNoStarStar, usersPermissionsViaGroups } from "./exercise-03-admins";
import { only, run, statuses } from "./testing/run-check";
import { failed, ok, snapshot } from "./testing/snapshot-factory";

const adminAccess = managedPolicy(ADMINISTRATOR_ACCESS_ARN, policy(allow("*")));
const withDetails = (details: AuthorizationDetails) => snapshot({ "iam.authorizationDetails": ok(details) });
const admin = (name: string) => iamUser(name, { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] });

describe("admins.count", () => {
  it.each([
    ["no admins", [iamUser("a"), iamUser("b")], "pass"],
    ["two admins (at the limit)", [admin("a"), admin("b"), iamUser("c")], "pass"],
    ["three admins", [admin("a"), admin("b"), admin("c")], "fail"],
  ])("%s → %s", (_, users, status) => {
    expect(only(run(adminsCount, withDetails(authorizationDetails({ users, policies: [adminAccess] })))).status).toBe(status);
  });

  it("counts an admin whose grant needs a condition, says so, and says SCPs were not considered", () => {
    const details = authorizationDetails({
      users: [iamUser("mfa-admin", { inlinePolicies: [inline("all-with-mfa", policy(allow("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } })))] })],
    });
    const finding = only(run(adminsCount, withDetails(details)));
    expect(finding.reason).toContain("mfa-admin (inline policy all-with-mfa, only under conditions)");
    expect(finding.evidence).toMatchObject({ adminUsers: [{ name: "mfa-admin", paths: [{ conditional: true }] }], serviceControlPolicies: "not considered" });
  });

  it("counts admins through a group and through an inline policy", () => {
    const details = authorizationDetails({
      users: [iamUser("via-group", { groups: ["admins"] }), iamUser("via-inline", { inlinePolicies: [inline("all", singleStatementPolicy(allow("*:*")))] })],
      groups: [iamGroup("admins", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] })],
      policies: [adminAccess],
    });
    const finding = only(run(adminsCount, withDetails(details), { adminLimit: 1 }));
    expect(finding.status).toBe("fail");
    expect(finding.evidence).toMatchObject({
      limit: 1,
      adminUsers: [
        { name: "via-group", paths: [{ via: "group", groupName: "admins", kind: "administrator_access_arn" }] },
        { name: "via-inline", paths: [{ via: "direct", attachment: "inline", policyName: "all", kind: "full_wildcard", statementIndex: 0 }] },
      ],
    });
  });

  it("lists but does not count users who reach admin by assuming a role", () => {
    const role = iamRole("break-glass", {
      assumeRolePolicyDocument: policy(allowPrincipal({ AWS: `arn:aws:iam::${TEST_ACCOUNT_ID}:root` }, "sts:AssumeRole", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } })),
      attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)],
    });
    const user = iamUser("ops", { inlinePolicies: [inline("assume", policy(allow("sts:AssumeRole", roleArn("break-glass"))))] });
    const finding = only(run(adminsCount, withDetails(authorizationDetails({ users: [user], roles: [role], policies: [adminAccess] })), { adminLimit: 0 }));
    expect(finding.status).toBe("pass");
    expect(finding.evidence).toMatchObject({ adminThroughRoles: [{ userArn: user.arn, roles: [role.arn] }] });
    expect(finding.reason).toContain("1 more can assume an admin role");
  });

  it("is unknown, never pass, when unreadable policies could push the count over the limit", () => {
    const broken = iamUser("x", { inlinePolicies: [inline("bad", { $malformed: true, raw: "%", error: "bad" })] });
    const details = authorizationDetails({ users: [admin("a"), admin("b"), broken], policies: [adminAccess] });
    expect(only(run(adminsCount, withDetails(details))).status).toBe("unknown");
  });

  it("is unknown for the account when the authorization details failed", () => {
    const finding = only(run(adminsCount, snapshot({ "iam.authorizationDetails": failed("iam:GetAccountAuthorizationDetails", "AccessDenied") })));
    expect(finding).toMatchObject({ status: "unknown", resourceType: "account", resourceId: `arn:aws:iam::${TEST_ACCOUNT_ID}:root` });
  });
});

describe("policies.no-star-star", () => {
  const customer = (name: string, document: unknown, attachmentCount = 1) => managedPolicy(customerPolicyArn(name), document, { attachmentCount });

  it.each([
    ["Allow *:*", customer("star-star", policy(allow("*:*"))), "fail"],
    ["Allow * as a single statement", customer("star", singleStatementPolicy(allow("*"))), "fail"],
    ["Allow NotAction on * (judged by policies.allow-not-action)", customer("not-action", policy(allowNotAction("iam:*"))), "pass"],
    ["Allow s3:*", customer("s3", policy(allow("s3:*"))), "pass"],
    ["a malformed document", customer("broken", { $malformed: true, raw: "%7B", error: "Unexpected end of JSON input" }), "unknown"],
  ])("an attached customer policy with %s → %s", (_, managed, status) => {
    expect(only(run(policiesNoStarStar, withDetails(authorizationDetails({ policies: [managed] })))).status).toBe(status);
  });

  it("ignores AWS managed and unattached policies, and judges inline policies by owner", () => {
    const details = authorizationDetails({
      policies: [adminAccess, managedPolicy(customerPolicyArn("unused"), policy(allow("*")), { attachmentCount: 0 }), managedPolicy(awsPolicyArn("ReadOnlyAccess"), policy(allow("s3:Get*")))],
      roles: [iamRole("app", { inlinePolicies: [inline("everything", policy(allow("*")))] })],
    });
    const finding = only(run(policiesNoStarStar, withDetails(details)));
    expect(finding).toMatchObject({ status: "fail", resourceId: `${roleArn("app")}#inline-policy/everything`, resourceName: "app/everything", resourceType: "policy" });
    expect(finding.evidence).toMatchObject({ statements: [{ index: 0, statement: allow("*") }] });
  });
});

describe("users.permissions-via-groups", () => {
  it("fails users with attached or inline policies of their own", () => {
    const details = authorizationDetails({
      users: [
        iamUser("grouped", { groups: ["devs"] }),
        iamUser("attached", { attachedManagedPolicies: [attached(awsPolicyArn("ReadOnlyAccess"))] }),
        iamUser("inline", { inlinePolicies: [inline("mine", policy(allow("s3:GetObject")))] }),
      ],
    });
    expect(statuses(run(usersPermissionsViaGroups, withDetails(details)))).toEqual([
      ["grouped", "pass"],
      ["attached", "fail"],
      ["inline", "fail"],
    ]);
  });
});
