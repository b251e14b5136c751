import { describe, expect, it } from "vitest";
import { ADMINISTRATOR_ACCESS_ARN } from "@/lib/policy/admin";
import { attached, authorizationDetails, iamUser, managedPolicy } from "@/lib/policy/testing/iam-factory";
import { allow, policy } from "@/lib/policy/testing/policy-factory";
import { renderCliCommand } from "@/lib/remediation/shell";
import type { IdentityCenterInstance } from "@/lib/snapshot/schema";
import { allSandboxFindings } from "../../testing/sandbox-findings";
import { assignment, identityCenter, INSTANCE_ARN, permissionSet, setArn } from "../../testing/identity-center-factory";
import { renderedText, remediationTarget } from "../../testing/check-folder";
import { only, run } from "../../testing/run-check";
import { failed, ok, snapshot, TEST_ACCOUNT_ID } from "../../testing/snapshot-factory";
import { adminsCount } from "../admins.count/check";
import { identityCenterAdminAssignments } from "./check";

const READ_ONLY_ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const adminSet = permissionSet("Admin", { awsManagedPolicies: [{ policyName: "AdministratorAccess", policyArn: ADMINISTRATOR_ACCESS_ARN }] });
const readOnlySet = permissionSet("ReadOnly", { awsManagedPolicies: [{ policyName: "ReadOnlyAccess", policyArn: READ_ONLY_ARN }] });
const inlineAdminSet = permissionSet("Emergency", { inlinePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } });

function account(instance: IdentityCenterInstance, iamAdmins = 0) {
  const users = Array.from({ length: iamAdmins }, (_, index) => iamUser(`iam-admin-${index}`, { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] }));
  const details = authorizationDetails({ users, policies: [managedPolicy(READ_ONLY_ARN, policy(allow(["s3:Get*", "ec2:Describe*"])))] });
  return snapshot({ "iam.authorizationDetails": ok(details), "identitycenter.assignments": ok({ answer: "member_account", instance }) });
}

describe("identity-center.admin-assignments", () => {
  it("fails when a group's admin permission set takes the account over the limit with its IAM admins, with the path", () => {
    const finding = only(run(identityCenterAdminAssignments, account(identityCenter({ permissionSets: [adminSet], assignments: [assignment("Admin", "GROUP", "g-eng")] }), 1)));
    expect(finding.status).toBe("fail");
    expect(finding.reason).toBe("2 people are administrators through IAM Identity Center (ada: group engineers › permission set Admin › AdministratorAccess); with 1 IAM user that is 3, more than the limit of 2.");
    expect(finding.evidence).toMatchObject({
      iamAdminCount: 1,
      identityCenterAdmins: [
        { userName: "ada", displayName: "Ada Lovelace", paths: [{ groupName: "engineers", principalType: "GROUP", principalId: "g-eng", permissionSetName: "Admin", policyType: "aws_managed", kind: "administrator_access_arn" }] },
        { userName: "bob", displayName: null },
      ],
    });
  });

  it("judges an inline policy by the evaluator and a read-only set as no admin", () => {
    const instance = identityCenter({ permissionSets: [inlineAdminSet, readOnlySet], assignments: [assignment("Emergency", "USER", "u-cy"), assignment("ReadOnly", "GROUP", "g-eng")] });
    const finding = only(run(identityCenterAdminAssignments, account(instance)));
    expect(finding.status).toBe("pass");
    expect(finding.reason).toBe("1 person is administrator through IAM Identity Center (cy: assigned directly › permission set Emergency › Emergency inline policy); with 0 IAM users that is 1, within the limit of 2.");
  });

  it("passes when no permission set assigned here grants admin", () => {
    const finding = only(run(identityCenterAdminAssignments, account(identityCenter({ permissionSets: [readOnlySet], assignments: [assignment("ReadOnly", "GROUP", "g-eng")] }))));
    expect([finding.status, finding.reason]).toEqual(["pass", "No one is administrator of this account through IAM Identity Center (1 assignment read, none with administrator rights)."]);
  });

  it("is unknown, never pass, when a policy of an assigned set cannot be read", () => {
    const custom = permissionSet("Custom", { customerManagedPolicies: [{ name: "missing", path: "/" }] });
    const finding = only(run(identityCenterAdminAssignments, account(identityCenter({ permissionSets: [custom], assignments: [assignment("Custom", "GROUP", "g-eng")] }))));
    expect([finding.status, finding.reason]).toEqual(["unknown", "A policy of permission set Custom could not be read, so its holders may be administrators."]);
  });

  it("is unknown with the reason when Identity Center was not read, or not read yet", () => {
    const denied = only(run(identityCenterAdminAssignments, snapshot({ "identitycenter.assignments": failed("sso:ListPermissionSets", "AccessDeniedException") })));
    expect(denied.status).toBe("unknown");
    expect(denied.reason).toContain("sso:ListPermissionSets failed: AccessDeniedException");
    const notYet = only(run(identityCenterAdminAssignments, snapshot({ "identitycenter.assignments": ok({ answer: "member_account" }) })));
    expect(notYet.status).toBe("unknown");
    expect(notYet.reason).toContain("no such account has been collected yet");
  });

  it("shows the people with their path, and removes each admin assignment once with the real names", () => {
    const finding = only(run(identityCenterAdminAssignments, account(identityCenter({ permissionSets: [adminSet], assignments: [assignment("Admin", "GROUP", "g-eng")] }), 1)));
    const blocks = identityCenterAdminAssignments.describeEvidence(finding.evidence) ?? [];
    expect(blocks[1]).toMatchObject({ kind: "table", columns: ["Person", "Through group", "Permission set", "Policy", "What it grants"] });
    const text = renderedText(blocks);
    // No field names or codes: the policy type and principal type are said in words.
    for (const code of ["aws_managed", "administrator_access_arn", "GROUP", "USER", "permissionSet", "groupName", "null"]) expect(text).not.toContain(code);
    expect(text).toContain("People with administrator rights through IAM Identity Center");
    const steps = identityCenterAdminAssignments.remediation(remediationTarget(finding, TEST_ACCOUNT_ID));
    expect(steps.commands.map(renderCliCommand)).toEqual([
      `aws sso-admin list-account-assignments --instance-arn ${INSTANCE_ARN} --account-id ${TEST_ACCOUNT_ID} --permission-set-arn ${setArn("Admin")}`,
      `aws sso-admin delete-account-assignment --instance-arn ${INSTANCE_ARN} --target-id ${TEST_ACCOUNT_ID} --target-type AWS_ACCOUNT --permission-set-arn ${setArn("Admin")} --principal-type GROUP --principal-id g-eng`,
    ]);
  });

  it("is counted into admins.count with the IAM users", () => {
    const finding = only(run(adminsCount, account(identityCenter({ permissionSets: [adminSet], assignments: [assignment("Admin", "GROUP", "g-eng")] }), 1)));
    expect(finding.status).toBe("fail");
    expect(finding.reason).toContain("3 have administrator rights (1 IAM user and 2 people through IAM Identity Center), more than the limit of 2");
  });

  it("on the sandbox: fails where a large group holds AdministratorAccess, passes where only read-only is assigned", async () => {
    const findings = (await allSandboxFindings()).filter(({ finding }) => finding.checkId === "identity-center.admin-assignments");
    const byAccount = Object.fromEntries(findings.map(({ account, finding }) => [account, finding.status]));
    expect(byAccount).toMatchObject({ "prod-payments": "fail", "dev-experiments": "fail", "data-lake": "pass", "security-tooling": "pass" });
    const payments = (await allSandboxFindings()).find(({ account, finding }) => account === "prod-payments" && finding.checkId === "admins.count");
    expect(payments?.finding.status).toBe("fail");
    expect(payments?.finding.reason).toContain("14 people through IAM Identity Center");
  }, 120_000);
});
