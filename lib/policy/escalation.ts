/**
 * Known IAM privilege-escalation methods: permission sets that let a principal give itself (or
 * a resource it controls) more rights than it has. The list follows Rhino Security Labs' 21
 * methods (https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/) and
 * Prowler's `iam_policy_allows_privilege_escalation` combinations. Methods that need an existing
 * admin-powered resource to hijack through a data-plane session (SSM sessions, ECS exec, EC2
 * Instance Connect) are left out: they flag most operators' roles without evidence of a target.
 */
import type { StatementEvidence } from "./document";
import { evaluateAccess, isAllowed, type PrincipalPolicySet } from "./evaluator";
import type { PolicyVariables } from "./matching";
import type { PolicySourceRef } from "./principal-policies";

export interface EscalationMethod {
  id: string;
  title: string;
  actions: string[];
  /** The method acts on another identity, so Allows scoped to `${aws:username}` do not count. */
  targetsOthers?: boolean;
}

export const ESCALATION_METHODS: EscalationMethod[] = [
  { id: "iam-create-policy-version", title: "Create a new default version of a managed policy", actions: ["iam:CreatePolicyVersion"] },
  { id: "iam-set-default-policy-version", title: "Switch a managed policy to a more permissive existing version", actions: ["iam:SetDefaultPolicyVersion"] },
  { id: "iam-create-access-key", title: "Create an access key for another user", actions: ["iam:CreateAccessKey"], targetsOthers: true },
  { id: "iam-create-login-profile", title: "Set a console password for another user", actions: ["iam:CreateLoginProfile"], targetsOthers: true },
  { id: "iam-update-login-profile", title: "Change another user's console password", actions: ["iam:UpdateLoginProfile"], targetsOthers: true },
  { id: "iam-attach-user-policy", title: "Attach any managed policy to a user", actions: ["iam:AttachUserPolicy"] },
  { id: "iam-attach-group-policy", title: "Attach any managed policy to a group", actions: ["iam:AttachGroupPolicy"] },
  { id: "iam-attach-role-policy", title: "Attach any managed policy to a role", actions: ["iam:AttachRolePolicy"] },
  { id: "iam-put-user-policy", title: "Write an inline policy on a user", actions: ["iam:PutUserPolicy"] },
  { id: "iam-put-group-policy", title: "Write an inline policy on a group", actions: ["iam:PutGroupPolicy"] },
  { id: "iam-put-role-policy", title: "Write an inline policy on a role", actions: ["iam:PutRolePolicy"] },
  { id: "iam-add-user-to-group", title: "Add a user to a more privileged group", actions: ["iam:AddUserToGroup"] },
  {
    id: "iam-update-assume-role-policy",
    title: "Rewrite a role's trust policy and assume it",
    actions: ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"],
  },
  { id: "passrole-ec2", title: "Launch an instance with a privileged instance profile", actions: ["iam:PassRole", "ec2:RunInstances"] },
  {
    id: "passrole-lambda-invoke",
    title: "Create and invoke a Lambda function with a privileged role",
    actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
  },
  {
    id: "passrole-lambda-event-source",
    title: "Create a Lambda function with a privileged role triggered by an event source",
    actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"],
  },
  { id: "lambda-update-function-code", title: "Replace the code of a Lambda function that has a privileged role", actions: ["lambda:UpdateFunctionCode"] },
  { id: "passrole-glue-dev-endpoint", title: "Create a Glue development endpoint with a privileged role", actions: ["iam:PassRole", "glue:CreateDevEndpoint"] },
  { id: "glue-update-dev-endpoint", title: "Add an SSH key to a Glue development endpoint with a privileged role", actions: ["glue:UpdateDevEndpoint"] },
  {
    id: "passrole-glue-job",
    title: "Create and run a Glue job with a privileged role",
    actions: ["iam:PassRole", "glue:CreateJob", "glue:StartJobRun"],
  },
  {
    id: "passrole-cloudformation",
    title: "Create a CloudFormation stack with a privileged service role",
    actions: ["iam:PassRole", "cloudformation:CreateStack"],
  },
  {
    id: "passrole-datapipeline",
    title: "Create a Data Pipeline that runs commands with a privileged role",
    actions: ["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"],
  },
  {
    id: "passrole-sagemaker-notebook",
    title: "Create a SageMaker notebook with a privileged role",
    actions: ["iam:PassRole", "sagemaker:CreateNotebookInstance"],
  },
  {
    id: "sagemaker-presigned-notebook-url",
    title: "Open a shell on an existing SageMaker notebook with a privileged role",
    actions: ["sagemaker:CreatePresignedNotebookInstanceUrl"],
  },
  {
    id: "passrole-codebuild",
    title: "Create and start a CodeBuild project with a privileged service role",
    actions: ["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"],
  },
  {
    id: "passrole-ecs-task",
    title: "Register and run an ECS task with a privileged task role",
    actions: ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"],
  },
];

export interface GrantingStatement {
  source: PolicySourceRef;
  statement: StatementEvidence;
  /** The statement applies to every resource, not only some. */
  allResources: boolean;
  conditional: boolean;
}

export interface ActionGrant {
  action: string;
  statements: GrantingStatement[];
}

export interface EscalationPath {
  method: string;
  title: string;
  /** Per required action, the statements that allow it. */
  grants: ActionGrant[];
  /** Every required action is allowed on Resource `*` (not narrowed to named resources). */
  unrestricted: boolean;
}

/**
 * The identity-policy statements that allow `action` on at least one resource, when the one
 * evaluator says the principal may call it at all (after Denies, boundary and SCPs).
 */
export function actionGrant(
  set: PrincipalPolicySet,
  action: string,
  options: { resource?: string; variables?: PolicyVariables; excludeSelfScoped?: boolean } = {},
): ActionGrant | undefined {
  const evaluation = evaluateAccess(set, { action, ...options });
  if (!isAllowed(evaluation)) return undefined;
  const statements = evaluation.allows.flatMap((allow) => {
    if (allow.policy.layer !== "identity") return [];
    const { layer: _layer, ...source } = allow.policy;
    return [{ source, statement: allow.statement, allResources: allow.allResources, conditional: allow.conditional }];
  });
  return { action, statements };
}

/**
 * Which escalation methods a principal's policies allow. Resource scoping is not held against a
 * method (a PassRole on one named role can still be that role's admin rights), but
 * `unrestricted` says whether any of it was narrowed.
 */
export function privilegeEscalationPaths(set: PrincipalPolicySet, options: { variables?: PolicyVariables } = {}): EscalationPath[] {
  const cache = new Map<string, ActionGrant | undefined>();
  const grantFor = (action: string, excludeSelfScoped: boolean) => {
    const key = `${action}|${excludeSelfScoped}`;
    if (!cache.has(key)) cache.set(key, actionGrant(set, action, { ...options, excludeSelfScoped }));
    return cache.get(key);
  };
  return ESCALATION_METHODS.flatMap((method) => {
    const grants = method.actions.map((action) => grantFor(action, method.targetsOthers === true));
    if (grants.some((grant) => grant === undefined)) return [];
    const present = grants as ActionGrant[];
    const unrestricted = present.every((grant) => grant.statements.some((statement) => statement.allResources));
    return [{ method: method.id, title: method.title, grants: present, unrestricted }];
  });
}
