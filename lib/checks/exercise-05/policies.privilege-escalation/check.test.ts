import { describe, expect, it } from "vitest";
import { ADMINISTRATOR_ACCESS_ARN } from "@/lib/policy/admin";
import { attached, authorizationDetails, customerPolicyArn, groupArn, iamGroup, iamRole, iamUser, inline, managedPolicy, userArn } from "@/lib/policy/testing/iam-factory";
import { allow, policy } from "@/lib/policy/testing/policy-factory";
import { renderCliCommand } from "@/lib/remediation/shell";
import type { AuthorizationDetails } from "@/lib/snapshot/schema";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run, statuses } from "../../testing/run-check";
import { ok, snapshot } from "../../testing/snapshot-factory";
import { policiesPrivilegeEscalation } from "./check";

const adminAccess = managedPolicy(ADMINISTRATOR_ACCESS_ARN, policy(allow("*")));
const withDetails = (details: AuthorizationDetails) => snapshot({ "iam.authorizationDetails": ok(details) });

describe("policies.privilege-escalation", () => {
  it("fails non-admin principals with an escalation path, across users (direct and via group) and roles", () => {
    const details = authorizationDetails({
      users: [
        iamUser("attacher", { inlinePolicies: [inline("iam", policy(allow("iam:AttachUserPolicy")))] }),
        iamUser("grouped", { groups: ["deployers"] }),
        iamUser("reader", { inlinePolicies: [inline("read", policy(allow(["s3:Get*", "iam:List*"])))] }),
        iamUser("admin", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] }),
      ],
      groups: [iamGroup("deployers", { inlinePolicies: [inline("deploy", policy(allow("iam:PassRole"), allow("ec2:RunInstances")))] })],
      roles: [
        iamRole("ci", { inlinePolicies: [inline("cfn", policy(allow(["iam:PassRole", "cloudformation:CreateStack"])))] }),
        iamRole("AWSServiceRoleForSupport", { path: "/aws-service-role/support.amazonaws.com/", inlinePolicies: [inline("x", policy(allow("iam:*")))] }),
      ],
      policies: [adminAccess],
    });
    expect(statuses(run(policiesPrivilegeEscalation, withDetails(details)))).toEqual([
      ["attacher", "fail"],
      ["grouped", "fail"],
      ["reader", "pass"],
      ["ci", "fail"],
    ]);
  });

  it("lowers the severity when every action is narrowed to named resources", () => {
    const user = iamUser("narrow", { inlinePolicies: [inline("p", policy(allow("iam:AttachRolePolicy", "arn:aws:iam::111122223333:role/app")))] });
    expect(only(run(policiesPrivilegeEscalation, withDetails(authorizationDetails({ users: [user] }))))).toMatchObject({ status: "fail", severity: "medium" });
  });

  it("does not count self-service credential management scoped to ${aws:username}", () => {
    const user = iamUser("self", { inlinePolicies: [inline("own-keys", policy(allow(["iam:CreateAccessKey", "iam:UpdateLoginProfile"], "arn:aws:iam::*:user/${aws:username}")))] });
    expect(only(run(policiesPrivilegeEscalation, withDetails(authorizationDetails({ users: [user] })))).status).toBe("pass");
  });

  it("puts the granting statements in the evidence", () => {
    const user = iamUser("attacher", { inlinePolicies: [inline("iam", policy(allow("iam:AttachUserPolicy")))] });
    const finding = only(run(policiesPrivilegeEscalation, withDetails(authorizationDetails({ users: [user] }))));
    expect(finding.evidence).toMatchObject({
      paths: [{ method: "iam-attach-user-policy", grants: [{ action: "iam:AttachUserPolicy", statements: [{ policyName: "iam", index: 0, statement: allow("iam:AttachUserPolicy") }] }] }],
    });
  });

  it("shows a grant that needs a condition as conditional, and says SCPs were not considered", () => {
    const user = iamUser("tagged", {
      inlinePolicies: [inline("iam", policy(allow("iam:AttachUserPolicy", "*", { Condition: { StringEquals: { "aws:PrincipalTag/team": "platform" } } })))],
    });
    const finding = only(run(policiesPrivilegeEscalation, withDetails(authorizationDetails({ users: [user] }))));
    expect(finding.reason).toContain("under conditions its policies set");
    expect(finding.evidence).toMatchObject({
      paths: [{ grants: [{ statements: [{ policyName: "iam", conditional: true }] }] }],
      serviceControlPolicies: "not considered",
    });
  });

  it("does not count an action its permissions boundary denies", () => {
    const boundary = managedPolicy(customerPolicyArn("no-iam"), policy(allow("*"), { Effect: "Deny", Action: "iam:*", Resource: "*" }));
    const user = iamUser("bounded", { permissionsBoundaryArn: boundary.arn, inlinePolicies: [inline("iam", policy(allow("iam:AttachUserPolicy")))] });
    expect(only(run(policiesPrivilegeEscalation, withDetails(authorizationDetails({ users: [user], policies: [boundary] })))).status).toBe("pass");
  });

  it("is unknown, not pass, when a principal without a visible path has an unreadable policy", () => {
    const user = iamUser("partial", { inlinePolicies: [inline("bad", { $malformed: true, raw: "", error: "bad" })] });
    expect(only(run(policiesPrivilegeEscalation, withDetails(authorizationDetails({ users: [user] })))).status).toBe("unknown");
  });
});

describe("policies.privilege-escalation evidence", () => {
  const details = authorizationDetails({
    users: [iamUser("deployer", { groups: ["deployers"] })],
    groups: [iamGroup("deployers", { inlinePolicies: [inline("deploy", policy(allow("iam:Pass*"), allow("ec2:RunInstances", "*", { Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } })))] })],
  });
  const finding = () => only(run(policiesPrivilegeEscalation, withDetails(details)));

  it("stores the granting statements with their policy and the group they are attached to", () => {
    expect(finding().evidence).toMatchObject({
      arn: userArn("deployer"),
      paths: [
        {
          method: "passrole-ec2",
          grants: [
            { action: "iam:PassRole", statements: [{ via: "group", groupName: "deployers", policyName: "deploy", policyArn: null, attachedTo: groupArn("deployers"), index: 0, sid: null, allResources: true, conditional: false }] },
            { action: "ec2:RunInstances", statements: [{ index: 1, conditional: true }] },
          ],
        },
      ],
      unreadablePolicies: [],
    });
  });

  it("shows each method in words and each granting statement once, with the escalation actions marked where written", () => {
    const blocks = policiesPrivilegeEscalation.describeEvidence?.(finding().evidence) ?? [];
    expect(blocks[1]).toEqual({
      kind: "table",
      title: "How it can raise its own privileges",
      columns: ["Method", "Actions it needs", "On", "Conditions"],
      rows: [["Launch an instance with a privileged instance profile", { text: "iam:PassRole, ec2:RunInstances", verbatim: true }, { text: "every resource", mark: true }, "only when its policies' conditions are met"]],
    });
    const statements = blocks.filter((block) => block.kind === "statement");
    expect(statements).toMatchObject([
      { title: "Statement 1: allows iam:PassRole on every resource", policyName: "deploy", attachedTo: [groupArn("deployers")] },
      { title: "Statement 2: allows ec2:RunInstances on every resource", policyName: "deploy" },
    ]);
    const marked = statements.map((block) => (block.kind === "statement" ? block.lines.flat().filter((part) => part.mark).map((part) => part.text) : []));
    expect(marked).toEqual([['"iam:Pass*"', '"*"'], ['"ec2:RunInstances"', '"*"']]);
    expect(renderedText(blocks)).not.toMatch(/passrole-ec2|allResources|unreadablePolicies/);
  });

  it("rewrites the group's inline policy named in the typed evidence, and names the method in words", () => {
    const steps = policiesPrivilegeEscalation.remediation?.(remediationTarget(finding()));
    expect(steps?.summary).toBe("Remove the permissions that let user deployer raise its own privileges (launch an instance with a privileged instance profile).");
    expect(steps?.commands.map(renderCliCommand)).toContain("aws iam put-group-policy --group-name deployers --policy-name deploy --policy-document file://policy.json");
  });
});
