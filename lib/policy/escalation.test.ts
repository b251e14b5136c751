import { describe, expect, it } from "vitest";
import { parsePolicyDocument } from "./document";
import { privilegeEscalationPaths } from "./escalation";
import type { PrincipalPolicySet } from "./evaluator";
import { allow, deny, policy, type StatementJson } from "./testing/policy-factory";

function statementsOf(...statements: StatementJson[]): PrincipalPolicySet {
  const parsed = parsePolicyDocument(policy(...statements));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { identity: [{ source: { via: "direct", attachment: "inline", policyName: "test" }, policy: parsed.policy }], unreadable: [] };
}

const methods = (set: PrincipalPolicySet) => privilegeEscalationPaths(set).map((path) => path.method);

describe("privilegeEscalationPaths", () => {
  it.each([
    ["iam:CreatePolicyVersion", [allow("iam:CreatePolicyVersion")], "iam-create-policy-version"],
    ["iam:SetDefaultPolicyVersion", [allow("iam:SetDefaultPolicyVersion")], "iam-set-default-policy-version"],
    ["iam:CreateAccessKey on any user", [allow("iam:CreateAccessKey", "arn:aws:iam::111122223333:user/*")], "iam-create-access-key"],
    ["iam:CreateLoginProfile", [allow("iam:CreateLoginProfile")], "iam-create-login-profile"],
    ["iam:UpdateLoginProfile", [allow("iam:UpdateLoginProfile")], "iam-update-login-profile"],
    ["iam:AttachUserPolicy", [allow("iam:AttachUserPolicy")], "iam-attach-user-policy"],
    ["iam:AttachGroupPolicy", [allow("iam:AttachGroupPolicy")], "iam-attach-group-policy"],
    ["iam:AttachRolePolicy", [allow("iam:AttachRolePolicy")], "iam-attach-role-policy"],
    ["iam:PutUserPolicy", [allow("iam:PutUserPolicy")], "iam-put-user-policy"],
    ["iam:PutGroupPolicy", [allow("iam:PutGroupPolicy")], "iam-put-group-policy"],
    ["iam:PutRolePolicy", [allow("iam:PutRolePolicy")], "iam-put-role-policy"],
    ["iam:AddUserToGroup", [allow("iam:AddUserToGroup")], "iam-add-user-to-group"],
    ["UpdateAssumeRolePolicy + AssumeRole", [allow(["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"])], "iam-update-assume-role-policy"],
    ["PassRole + RunInstances across two statements", [allow("iam:PassRole"), allow("ec2:RunInstances")], "passrole-ec2"],
    ["PassRole + Lambda create + invoke", [allow(["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"])], "passrole-lambda-invoke"],
    ["PassRole + CloudFormation", [allow(["iam:PassRole", "cloudformation:CreateStack"])], "passrole-cloudformation"],
    ["PassRole + Glue dev endpoint", [allow(["iam:PassRole", "glue:CreateDevEndpoint"])], "passrole-glue-dev-endpoint"],
    ["PassRole + Data Pipeline", [allow(["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"])], "passrole-datapipeline"],
    ["PassRole + SageMaker notebook", [allow(["iam:PassRole", "sagemaker:CreateNotebookInstance"])], "passrole-sagemaker-notebook"],
    ["iam:Put* (wildcard action)", [allow("iam:Put*")], "iam-put-role-policy"],
  ])("finds %s", (_, statements, method) => {
    expect(methods(statementsOf(...statements))).toContain(method);
  });

  it.each([
    ["iam:PassRole alone", [allow("iam:PassRole")]],
    ["ec2:RunInstances alone", [allow("ec2:RunInstances")]],
    ["read-only IAM", [allow(["iam:Get*", "iam:List*"])]],
    ["UpdateAssumeRolePolicy without AssumeRole", [allow("iam:UpdateAssumeRolePolicy")]],
    ["self-service keys scoped to ${aws:username}", [allow(["iam:CreateAccessKey", "iam:UpdateLoginProfile"], "arn:aws:iam::*:user/${aws:username}")]],
    ["AttachUserPolicy denied unconditionally", [allow("iam:AttachUserPolicy"), deny("iam:Attach*")]],
  ])("finds nothing for %s", (_, statements) => {
    expect(methods(statementsOf(...statements))).toEqual([]);
  });

  it("keeps a grant when the only Deny is conditional", () => {
    const statements = statementsOf(allow("iam:AttachUserPolicy"), deny("iam:*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }));
    expect(methods(statements)).toEqual(["iam-attach-user-policy"]);
  });

  it("reports which statements grant each action of the combination", () => {
    const [path] = privilegeEscalationPaths(statementsOf(allow("iam:PassRole", "arn:aws:iam::111122223333:role/app"), allow("ec2:RunInstances")));
    expect(path).toMatchObject({
      method: "passrole-ec2",
      unrestricted: false,
      grants: [
        { action: "iam:PassRole", statements: [{ statement: { index: 0 }, allResources: false }] },
        { action: "ec2:RunInstances", statements: [{ statement: { index: 1 }, allResources: true }] },
      ],
    });
  });

  it("respects a permissions boundary that does not allow IAM writes", () => {
    const boundary = parsePolicyDocument(policy(allow("s3:*")));
    if (!boundary.ok) throw new Error("boundary");
    const set = { ...statementsOf(allow("iam:AttachUserPolicy")), boundary: { policyArn: "arn:aws:iam::111122223333:policy/b", policyName: "b", policy: boundary.policy } };
    expect(privilegeEscalationPaths(set)).toEqual([]);
  });
});
