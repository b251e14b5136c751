import { describe, expect, it } from "vitest";
import { ADMINISTRATOR_ACCESS_ARN } from "@/lib/policy/admin";
import { attached, authorizationDetails, groupArn, iamGroup, iamRole, iamUser, inline, managedPolicy, roleArn, TEST_ACCOUNT_ID, userArn } from "@/lib/policy/testing/iam-factory";
import { allow, allowPrincipal, policy, singleStatementPolicy } from "@/lib/policy/testing/policy-factory";
import { renderCliCommand } from "@/lib/remediation/shell";
import type { AuthorizationDetails } from "@/lib/snapshot/schema";
import { renderedText, remediationTarget } from "../../testing/check-folder";
import { only, run } from "../../testing/run-check";
import { failed, ok, snapshot } from "../../testing/snapshot-factory";
import { adminsCount } from "./check";

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

  it("names the first five admins in its reason and counts the rest; the evidence keeps every one", () => {
    const names = ["ana", "ben", "cai", "dee", "eli", "fay", "gus", "hal"];
    const finding = only(run(adminsCount, withDetails(authorizationDetails({ users: names.map(admin), policies: [adminAccess] }))));
    expect(finding.status).toBe("fail");
    expect(finding.reason).toContain("8 users have administrator rights, more than the limit of 2: ana (");
    expect(finding.reason).toContain("eli (managed policy AdministratorAccess) and 3 more (all of them in the evidence).");
    expect(finding.reason).not.toContain("fay");
    expect((finding.evidence as { adminUsers: Array<{ name: string }> }).adminUsers.map((user) => user.name)).toEqual(names);
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
        { name: "via-inline", paths: [{ via: "direct", attachment: "inline", policyName: "all", kind: "full_wildcard", statement: { index: 0, statement: allow("*:*") } }] },
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


describe("admins.count evidence", () => {
  const details = authorizationDetails({
    users: [iamUser("via-group", { groups: ["admins"] }), iamUser("via-inline", { inlinePolicies: [inline("all", singleStatementPolicy(allow("*:*")))] }), admin("direct")],
    groups: [iamGroup("admins", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] })],
    policies: [adminAccess],
  });

  it("stores the statement that makes each user admin, and what its policy is attached to", () => {
    const finding = only(run(adminsCount, withDetails(details)));
    expect(finding.evidence).toMatchObject({
      adminUsers: [
        { name: "via-group", paths: [{ groupName: "admins", attachedTo: groupArn("admins"), kind: "administrator_access_arn", statement: { index: 0, sid: null, statement: allow("*") } }] },
        { name: "via-inline", paths: [{ groupName: null, policyArn: null, attachedTo: userArn("via-inline"), statement: { index: 0, statement: allow("*:*") } }] },
        { name: "direct", paths: [{ policyArn: ADMINISTRATOR_ACCESS_ARN, attachedTo: userArn("direct") }] },
      ],
    });
    expect(adminsCount.evidenceSchema?.safeParse(finding.evidence).success).toBe(true);
  });

  it("shows each admin path in words, and each granting statement once with its policy and every attachment, wildcards marked", () => {
    const finding = only(run(adminsCount, withDetails(details)));
    const blocks = adminsCount.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks[0]).toEqual({
      kind: "facts",
      title: "Administrators",
      rows: [
        { label: "Users with administrator rights", value: "3", mark: true },
        { label: "Limit", value: "2" },
      ],
    });
    expect(blocks[1]).toMatchObject({
      kind: "table",
      columns: ["User", "Through group", "Policy", "What it grants"],
      rows: [
        [{ text: "via-group", verbatim: true }, { text: "admins", verbatim: true }, { text: "AdministratorAccess", verbatim: true }, { text: "AWS's AdministratorAccess: every action on every resource", mark: true }],
        [{ text: "via-inline", verbatim: true }, "the user itself", { text: "all", verbatim: true }, { text: "Grants every action on every resource", mark: true }],
        [{ text: "direct", verbatim: true }, "the user itself", { text: "AdministratorAccess", verbatim: true }, { text: "AWS's AdministratorAccess: every action on every resource", mark: true }],
      ],
    });
    const statements = blocks.filter((block) => block.kind === "statement");
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatchObject({
      title: "Statement 1: AWS's AdministratorAccess: every action on every resource",
      policyName: "AdministratorAccess",
      attachedTo: [groupArn("admins"), userArn("direct")],
    });
    expect(statements[1]).toMatchObject({ title: "Statement 1: grants every action on every resource", policyName: "all", attachedTo: [userArn("via-inline")] });
    const marked = statements[1]!.kind === "statement" ? statements[1]!.lines.flat().filter((part) => part.mark).map((part) => part.text) : [];
    expect(marked).toEqual(['"*:*"', '"*"']);
    expect(blocks.at(-1)).toMatchObject({ kind: "note", title: "Service control policies" });
    expect(renderedText(blocks)).not.toMatch(/statementIndex|full_wildcard|administrator_access_arn|adminUsers|undeterminedUsers/);
  });

  it("lists role chains and unreadable users in words", () => {
    const role = iamRole("break-glass", {
      assumeRolePolicyDocument: policy(allowPrincipal({ AWS: `arn:aws:iam::${TEST_ACCOUNT_ID}:root` }, "sts:AssumeRole")),
      attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)],
    });
    const users = [
      iamUser("ops", { inlinePolicies: [inline("assume", policy(allow("sts:AssumeRole", roleArn("break-glass"))))] }),
      iamUser("x", { inlinePolicies: [inline("bad", { $malformed: true, raw: "%", error: "bad" })] }),
    ];
    const finding = only(run(adminsCount, withDetails(authorizationDetails({ users, roles: [role], policies: [adminAccess] }))));
    const blocks = adminsCount.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks.find((block) => block.kind === "table" && block.columns[1] === "Roles, in the order assumed")).toMatchObject({
      rows: [[{ text: "ops", verbatim: true }, { text: "break-glass", verbatim: true }]],
    });
    expect(blocks.find((block) => block.kind === "table" && block.title === "Users with a policy iamfit could not read")).toMatchObject({ rows: [[{ text: userArn("x"), verbatim: true }]] });
  });

  it("turns each admin path of the typed evidence into the command that removes it", () => {
    const finding = only(run(adminsCount, withDetails(details)));
    const steps = adminsCount.remediation?.(remediationTarget(finding));
    expect(steps?.summary).toBe("3 users have administrator rights; keep at most 2 and give the others only what their job needs.");
    const commands = steps?.commands.map(renderCliCommand);
    expect(commands).toContain("aws iam remove-user-from-group --user-name via-group --group-name admins");
    expect(commands).toContain("aws iam delete-user-policy --user-name via-inline --policy-name all");
    expect(commands).toContain(`aws iam detach-user-policy --user-name direct --policy-arn ${ADMINISTRATOR_ACCESS_ARN}`);
  });

  it("still gives general steps when the evidence is not at hand", () => {
    const steps = adminsCount.remediation?.({ ...remediationTarget(only(run(adminsCount, withDetails(details)))), evidence: null });
    expect(steps?.summary).toBe("Too many users have administrator rights; keep at most 2 and give the others only what their job needs.");
    expect(steps?.commands).toEqual([]);
  });
});
