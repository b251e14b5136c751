/**
 * The evaluator against AWS's documented evaluation rules: each case cites the IAM User Guide
 * or Organizations User Guide page it was written from.
 */
import { describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/checks/types";
import type { RequestContext } from "./condition-evaluation";
import { parsePolicyDocument, type NormalizedPolicy } from "./document";
import { evaluateAccess, explainAccess, type AccessDecision, type AccessRequest, type PrincipalPolicySet } from "./evaluator";
import { allow, allowNotAction, allowNotResource, deny, policy, type StatementJson } from "./testing/policy-factory";

const IAM = "https://docs.aws.amazon.com/IAM/latest/UserGuide";
const EVALUATION = `${IAM}/reference_policies_evaluation-logic.html`;
const DENY_ALLOW = `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`;
const ACTION = `${IAM}/reference_policies_elements_action.html`;
const NOT_ACTION = `${IAM}/reference_policies_elements_notaction.html`;
const RESOURCE = `${IAM}/reference_policies_elements_resource.html`;
const NOT_RESOURCE = `${IAM}/reference_policies_elements_notresource.html`;
const CONDITION = `${IAM}/reference_policies_elements_condition.html`;
const OPERATORS = `${IAM}/reference_policies_elements_condition_operators.html`;
const MULTI_VALUED = `${IAM}/reference_policies_condition-single-vs-multi-valued-context-keys.html`;
const CONDITION_KEYS = `${IAM}/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent`;
const VARIABLES = `${IAM}/reference_policies_variables.html`;
const BOUNDARIES = `${IAM}/access_policies_boundaries.html`;
const SCP_EVALUATION = "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html";

const BUCKET = "arn:aws:s3:::reports";
const OBJECT = "arn:aws:s3:::reports/2025/q1.csv";
const ALICE = "arn:aws:iam::111122223333:user/alice";
const BOB = "arn:aws:iam::111122223333:user/bob";
const FULL_ACCESS = policy(allow("*"));
const LONG_TERM_KEY: RequestContext = { "aws:MultiFactorAuthPresent": null, "aws:MultiFactorAuthAge": null };
const CONSOLE_WITHOUT_MFA: RequestContext = { "aws:MultiFactorAuthPresent": "false", "aws:MultiFactorAuthAge": null };
const WITH_MFA: RequestContext = { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "300" };

function parsed(document: JsonValue): NormalizedPolicy {
  const result = parsePolicyDocument(document);
  if (!result.ok) throw new Error(result.error.message);
  return result.policy;
}

interface Layers {
  identity: Array<{ Version: string; Statement: StatementJson[] }>;
  boundary?: { Version: string; Statement: StatementJson[] };
  /** One list of policies per level, root first. */
  scps?: Array<Array<{ Version: string; Statement: StatementJson[] }>>;
}

function policySet(layers: Layers): PrincipalPolicySet {
  const set: PrincipalPolicySet = {
    identity: layers.identity.map((document, index) => ({
      source: { via: "direct", attachment: "inline", policyName: `policy-${index}` },
      policy: parsed(document),
    })),
    unreadable: [],
  };
  if (layers.boundary)
    set.boundary = { policyArn: "arn:aws:iam::111122223333:policy/boundary", policyName: "boundary", policy: parsed(layers.boundary) };
  if (layers.scps) {
    set.serviceControlPolicies = layers.scps.map((policies, level) => ({
      target: level === 0 ? "organization root" : `level ${level}`,
      policies: policies.map((document, index) => ({ policyName: `scp-${level}-${index}`, policy: parsed(document) })),
    }));
  }
  return set;
}

type Case = [name: string, source: string, layers: Layers, request: AccessRequest, expected: AccessDecision];

const cases: Case[] = [
  // Allow, Deny and the implicit deny.
  ["no policy at all is an implicit deny", EVALUATION, { identity: [] }, { action: "s3:GetObject", resource: OBJECT }, "not_allowed"],
  [
    "an Allow of the action grants it",
    EVALUATION,
    { identity: [policy(allow("s3:GetObject", OBJECT))] },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed",
  ],
  [
    "an Allow of another action does not",
    EVALUATION,
    { identity: [policy(allow("s3:PutObject", OBJECT))] },
    { action: "s3:GetObject", resource: OBJECT },
    "not_allowed",
  ],
  [
    "an explicit Deny overrides an Allow in the same policy",
    DENY_ALLOW,
    { identity: [policy(allow("s3:*"), deny("s3:GetObject"))] },
    { action: "s3:GetObject", resource: OBJECT },
    "denied",
  ],
  [
    "an explicit Deny in another policy overrides an Allow",
    DENY_ALLOW,
    { identity: [policy(allow("s3:*")), policy(deny("s3:GetObject"))] },
    { action: "s3:GetObject", resource: OBJECT },
    "denied",
  ],
  [
    "a Deny without any Allow is still denied",
    DENY_ALLOW,
    { identity: [policy(deny("s3:*"))] },
    { action: "s3:GetObject", resource: OBJECT },
    "denied",
  ],
  [
    "a Deny of another action leaves the Allow",
    DENY_ALLOW,
    { identity: [policy(allow("s3:*"), deny("s3:DeleteObject"))] },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed",
  ],
  [
    "Allows from several policies combine",
    EVALUATION,
    { identity: [policy(allow("s3:GetObject")), policy(allow("s3:PutObject"))] },
    { action: "s3:PutObject", resource: OBJECT },
    "allowed",
  ],
  [
    "a Deny of every action on every resource denies everything",
    DENY_ALLOW,
    { identity: [FULL_ACCESS, policy(deny("*"))] },
    { action: "iam:CreateUser", resource: ALICE },
    "denied",
  ],

  // Action: wildcards and case.
  ["Action * grants every action", ACTION, { identity: [policy(allow("*"))] }, { action: "kms:Decrypt", resource: "*" }, "allowed"],
  [
    "Action service:* grants the service's actions",
    ACTION,
    { identity: [policy(allow("s3:*"))] },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed",
  ],
  [
    "Action service:* does not grant another service",
    ACTION,
    { identity: [policy(allow("s3:*"))] },
    { action: "ec2:RunInstances", resource: "*" },
    "not_allowed",
  ],
  [
    "Action prefix wildcard s3:Get* grants GetObject",
    ACTION,
    { identity: [policy(allow("s3:Get*"))] },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed",
  ],
  [
    "Action prefix wildcard s3:Get* does not grant PutObject",
    ACTION,
    { identity: [policy(allow("s3:Get*"))] },
    { action: "s3:PutObject", resource: OBJECT },
    "not_allowed",
  ],
  [
    "Action wildcard in the middle iam:*AccessKey* grants CreateAccessKey",
    ACTION,
    { identity: [policy(allow("iam:*AccessKey*"))] },
    { action: "iam:CreateAccessKey", resource: ALICE },
    "allowed",
  ],
  [
    "Action ? matches exactly one character",
    ACTION,
    { identity: [policy(allow("s3:?etObject"))] },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed",
  ],
  [
    "Action names are case-insensitive",
    ACTION,
    { identity: [policy(allow("S3:getobject"))] },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed",
  ],
  [
    "Action lists grant each listed action",
    ACTION,
    { identity: [policy(allow(["s3:GetObject", "s3:ListBucket"]))] },
    { action: "s3:ListBucket", resource: BUCKET },
    "allowed",
  ],

  // NotAction.
  [
    "Allow NotAction grants actions not listed",
    NOT_ACTION,
    { identity: [policy(allowNotAction("iam:*"))] },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed",
  ],
  [
    "Allow NotAction does not grant the listed actions",
    NOT_ACTION,
    { identity: [policy(allowNotAction("iam:*"))] },
    { action: "iam:CreateUser", resource: ALICE },
    "not_allowed",
  ],
  [
    "Deny NotAction denies actions not listed",
    NOT_ACTION,
    { identity: [FULL_ACCESS, policy({ Effect: "Deny", NotAction: "iam:*", Resource: "*" })] },
    { action: "s3:GetObject", resource: OBJECT },
    "denied",
  ],
  [
    "Deny NotAction leaves the listed actions allowed",
    NOT_ACTION,
    { identity: [FULL_ACCESS, policy({ Effect: "Deny", NotAction: "iam:*", Resource: "*" })] },
    { action: "iam:GetUser", resource: ALICE },
    "allowed",
  ],
  [
    "Allow NotAction on * counts as every action (all but a few)",
    NOT_ACTION,
    { identity: [policy(allowNotAction(["iam:*", "organizations:*"]))] },
    { action: "*", resource: "*" },
    "allowed",
  ],
  [
    "Deny NotAction is only an exception to every action",
    NOT_ACTION,
    { identity: [FULL_ACCESS, policy({ Effect: "Deny", NotAction: "s3:*", Resource: "*" })] },
    { action: "*", resource: "*" },
    "allowed",
  ],
  [
    "Allow NotAction with a Resource list grants only there",
    NOT_ACTION,
    { identity: [policy(allowNotAction("iam:*", BUCKET))] },
    { action: "s3:ListBucket", resource: "arn:aws:s3:::other" },
    "not_allowed",
  ],

  // Resource and NotResource.
  [
    "Resource * grants every resource",
    RESOURCE,
    { identity: [policy(allow("s3:GetObject", "*"))] },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed",
  ],
  [
    "Resource wildcard grants matching ARNs",
    RESOURCE,
    { identity: [policy(allow("s3:GetObject", "arn:aws:s3:::reports/*"))] },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed",
  ],
  [
    "Resource wildcard does not grant other ARNs",
    RESOURCE,
    { identity: [policy(allow("s3:GetObject", "arn:aws:s3:::reports/*"))] },
    { action: "s3:GetObject", resource: "arn:aws:s3:::payroll/x" },
    "not_allowed",
  ],
  [
    "Resource ARNs are case-sensitive",
    RESOURCE,
    { identity: [policy(allow("s3:GetObject", "arn:aws:s3:::Reports/*"))] },
    { action: "s3:GetObject", resource: OBJECT },
    "not_allowed",
  ],
  [
    "a named Resource grants 'some resource'",
    RESOURCE,
    { identity: [policy(allow("iam:PassRole", "arn:aws:iam::111122223333:role/app"))] },
    { action: "iam:PassRole" },
    "allowed",
  ],
  [
    "a named Resource does not grant 'every resource'",
    RESOURCE,
    { identity: [policy(allow("*", BUCKET))] },
    { action: "*", resource: "*" },
    "not_allowed",
  ],
  [
    "a Deny on one resource leaves 'some resource' allowed",
    RESOURCE,
    { identity: [policy(allow("iam:PassRole"), deny("iam:PassRole", "arn:aws:iam::111122223333:role/admin"))] },
    { action: "iam:PassRole" },
    "allowed",
  ],
  [
    "a Deny on one resource denies that resource",
    RESOURCE,
    { identity: [policy(allow("iam:PassRole"), deny("iam:PassRole", "arn:aws:iam::111122223333:role/admin"))] },
    { action: "iam:PassRole", resource: "arn:aws:iam::111122223333:role/admin" },
    "denied",
  ],
  [
    "Allow NotResource grants resources not listed",
    NOT_RESOURCE,
    { identity: [policy(allowNotResource("s3:*", "arn:aws:s3:::payroll*"))] },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed",
  ],
  [
    "Allow NotResource does not grant the listed resources",
    NOT_RESOURCE,
    { identity: [policy(allowNotResource("s3:*", "arn:aws:s3:::payroll*"))] },
    { action: "s3:GetObject", resource: "arn:aws:s3:::payroll/x" },
    "not_allowed",
  ],
  [
    "Deny NotResource denies everything outside the list",
    NOT_RESOURCE,
    { identity: [FULL_ACCESS, policy({ Effect: "Deny", Action: "s3:*", NotResource: "arn:aws:s3:::reports*" })] },
    { action: "s3:GetObject", resource: "arn:aws:s3:::payroll/x" },
    "denied",
  ],
  [
    "Deny NotResource leaves the listed resources",
    NOT_RESOURCE,
    { identity: [FULL_ACCESS, policy({ Effect: "Deny", Action: "s3:*", NotResource: "arn:aws:s3:::reports*" })] },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed",
  ],
  [
    "Allow * with NotResource is not 'every resource'",
    NOT_RESOURCE,
    { identity: [policy(allowNotResource("*", BUCKET))] },
    { action: "*", resource: "*" },
    "not_allowed",
  ],

  // Policy variables.
  [
    "${aws:username} in Resource grants the caller's own user",
    VARIABLES,
    { identity: [policy(allow("iam:CreateAccessKey", "arn:aws:iam::111122223333:user/${aws:username}"))] },
    { action: "iam:CreateAccessKey", resource: ALICE, variables: { "aws:username": "alice" } },
    "allowed",
  ],
  [
    "${aws:username} in Resource does not grant another user",
    VARIABLES,
    { identity: [policy(allow("iam:CreateAccessKey", "arn:aws:iam::111122223333:user/${aws:username}"))] },
    { action: "iam:CreateAccessKey", resource: BOB, variables: { "aws:username": "alice" } },
    "not_allowed",
  ],
  [
    "a self-scoped Allow is not a grant over others when asked so",
    VARIABLES,
    { identity: [policy(allow("iam:CreateAccessKey", "arn:aws:iam::111122223333:user/${aws:username}"))] },
    { action: "iam:CreateAccessKey", excludeSelfScoped: true },
    "not_allowed",
  ],

  // Conditions.
  [
    "an Allow whose condition is unknown grants conditionally",
    CONDITION,
    { identity: [policy(allow("s3:*", "*", { Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } }))] },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed_conditionally",
  ],
  [
    "an Allow whose condition the request meets grants",
    CONDITION,
    { identity: [policy(allow("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: WITH_MFA },
    "allowed",
  ],
  [
    "an Allow whose condition the request fails does not grant",
    CONDITION,
    { identity: [policy(allow("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: CONSOLE_WITHOUT_MFA },
    "not_allowed",
  ],
  [
    "a conditional Deny makes an Allow conditional",
    CONDITION,
    { identity: [FULL_ACCESS, policy(deny("*", "*", { Condition: { StringNotEquals: { "aws:RequestedRegion": "eu-west-1" } } }))] },
    { action: "ec2:RunInstances", resource: "*" },
    "allowed_conditionally",
  ],
  [
    "a Deny whose condition the request meets denies",
    CONDITION,
    { identity: [FULL_ACCESS, policy(deny("*", "*", { Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: CONSOLE_WITHOUT_MFA },
    "denied",
  ],
  [
    "a Deny whose condition the request fails does not apply",
    CONDITION,
    { identity: [FULL_ACCESS, policy(deny("*", "*", { Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: WITH_MFA },
    "allowed",
  ],
  [
    "several condition operators must all hold (AND)",
    CONDITION,
    {
      identity: [
        policy(
          allow("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" }, StringEquals: { "aws:RequestedRegion": "eu-west-1" } } }),
        ),
      ],
    },
    { action: "s3:GetObject", resource: OBJECT, context: { ...WITH_MFA, "aws:RequestedRegion": "us-east-1" } },
    "not_allowed",
  ],
  [
    "several values of one key match any (OR)",
    CONDITION,
    { identity: [policy(allow("*", "*", { Condition: { StringEquals: { "aws:RequestedRegion": ["eu-west-1", "us-east-1"] } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: { "aws:RequestedRegion": "us-east-1" } },
    "allowed",
  ],
  [
    "condition keys are case-insensitive",
    CONDITION,
    { identity: [policy(allow("*", "*", { Condition: { Bool: { "AWS:multifactorauthpresent": "true" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: WITH_MFA },
    "allowed",
  ],
  [
    "an absent key makes a positive operator false",
    OPERATORS,
    { identity: [policy(allow("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: LONG_TERM_KEY },
    "not_allowed",
  ],
  [
    "an absent key makes a negated operator true",
    OPERATORS,
    { identity: [policy(allow("*", "*", { Condition: { StringNotLike: { "aws:PrincipalTag/team": "ops*" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: { "aws:PrincipalTag/team": null } },
    "allowed",
  ],
  [
    "…IfExists is true when the key is absent",
    OPERATORS,
    { identity: [FULL_ACCESS, policy(deny("*", "*", { Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: LONG_TERM_KEY },
    "denied",
  ],
  [
    "Bool false is false when the key is absent (long-term keys slip past)",
    CONDITION_KEYS,
    { identity: [FULL_ACCESS, policy(deny("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: LONG_TERM_KEY },
    "allowed",
  ],
  [
    "Bool false matches a console session without MFA",
    CONDITION_KEYS,
    { identity: [FULL_ACCESS, policy(deny("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: CONSOLE_WITHOUT_MFA },
    "denied",
  ],
  [
    "Null true holds when the key is absent",
    OPERATORS,
    { identity: [FULL_ACCESS, policy(deny("*", "*", { Condition: { Null: { "aws:MultiFactorAuthAge": "true" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: LONG_TERM_KEY },
    "denied",
  ],
  [
    "Null true does not hold when the key is present",
    OPERATORS,
    { identity: [FULL_ACCESS, policy(deny("*", "*", { Condition: { Null: { "aws:MultiFactorAuthAge": "true" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: WITH_MFA },
    "allowed",
  ],
  [
    "StringLike matches with wildcards",
    OPERATORS,
    { identity: [policy(allow("*", "*", { Condition: { StringLike: { "aws:RequestedRegion": "eu-*" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: { "aws:RequestedRegion": "eu-west-1" } },
    "allowed",
  ],
  [
    "StringEquals is case-sensitive",
    OPERATORS,
    { identity: [policy(allow("*", "*", { Condition: { StringEquals: { "aws:PrincipalTag/team": "Ops" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: { "aws:PrincipalTag/team": "ops" } },
    "not_allowed",
  ],
  [
    "StringEqualsIgnoreCase ignores case",
    OPERATORS,
    { identity: [policy(allow("*", "*", { Condition: { StringEqualsIgnoreCase: { "aws:PrincipalTag/team": "Ops" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: { "aws:PrincipalTag/team": "ops" } },
    "allowed",
  ],
  [
    "NumericLessThan compares numbers",
    OPERATORS,
    { identity: [policy(allow("*", "*", { Condition: { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: WITH_MFA },
    "allowed",
  ],
  [
    "ArnLike matches ARNs with wildcards",
    OPERATORS,
    { identity: [policy(allow("*", "*", { Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111122223333:user/*" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: { "aws:PrincipalArn": ALICE } },
    "allowed",
  ],
  [
    "DateLessThan compares dates",
    OPERATORS,
    { identity: [policy(allow("*", "*", { Condition: { DateLessThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } } }))] },
    { action: "s3:GetObject", resource: OBJECT, context: { "aws:CurrentTime": "2025-06-01T00:00:00Z" } },
    "not_allowed",
  ],
  [
    "ForAllValues holds for an absent multivalued key",
    MULTI_VALUED,
    { identity: [policy(allow("*", "*", { Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["env"] } } }))] },
    { action: "ec2:CreateTags", resource: "*", context: { "aws:TagKeys": null } },
    "allowed",
  ],
  [
    "ForAnyValue fails for an absent multivalued key",
    MULTI_VALUED,
    { identity: [policy(allow("*", "*", { Condition: { "ForAnyValue:StringEquals": { "aws:TagKeys": ["env"] } } }))] },
    { action: "ec2:CreateTags", resource: "*", context: { "aws:TagKeys": null } },
    "not_allowed",
  ],
  [
    "ForAllValues needs every request value to match",
    MULTI_VALUED,
    { identity: [policy(allow("*", "*", { Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["env", "team"] } } }))] },
    { action: "ec2:CreateTags", resource: "*", context: { "aws:TagKeys": ["env", "owner"] } },
    "not_allowed",
  ],
  [
    "ForAnyValue needs one request value to match",
    MULTI_VALUED,
    { identity: [policy(allow("*", "*", { Condition: { "ForAnyValue:StringEquals": { "aws:TagKeys": ["env"] } } }))] },
    { action: "ec2:CreateTags", resource: "*", context: { "aws:TagKeys": ["env", "owner"] } },
    "allowed",
  ],

  // Permissions boundaries.
  [
    "a boundary that allows the action keeps the identity grant",
    BOUNDARIES,
    { identity: [FULL_ACCESS], boundary: policy(allow("s3:*")) },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed",
  ],
  [
    "a boundary that does not allow the action removes it",
    BOUNDARIES,
    { identity: [FULL_ACCESS], boundary: policy(allow("s3:*")) },
    { action: "iam:CreateUser", resource: ALICE },
    "not_allowed",
  ],
  [
    "a boundary alone grants nothing",
    BOUNDARIES,
    { identity: [], boundary: FULL_ACCESS },
    { action: "s3:GetObject", resource: OBJECT },
    "not_allowed",
  ],
  [
    "a Deny in the boundary denies",
    BOUNDARIES,
    { identity: [FULL_ACCESS], boundary: policy(allow("*"), deny("iam:*")) },
    { action: "iam:CreateUser", resource: ALICE },
    "denied",
  ],
  [
    "a boundary limited to some resources does not give 'every resource'",
    BOUNDARIES,
    { identity: [FULL_ACCESS], boundary: policy(allow("*", BUCKET)) },
    { action: "*", resource: "*" },
    "not_allowed",
  ],
  [
    "a conditional boundary makes the grant conditional",
    BOUNDARIES,
    { identity: [FULL_ACCESS], boundary: policy(allow("*", "*", { Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } })) },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed_conditionally",
  ],

  // Service control policies.
  [
    "SCPs allowing at every level keep the identity grant",
    SCP_EVALUATION,
    { identity: [FULL_ACCESS], scps: [[FULL_ACCESS], [FULL_ACCESS]] },
    { action: "s3:GetObject", resource: OBJECT },
    "allowed",
  ],
  [
    "an SCP level without an Allow blocks the action",
    SCP_EVALUATION,
    { identity: [FULL_ACCESS], scps: [[FULL_ACCESS], [policy(allow("ec2:*"))]] },
    { action: "s3:GetObject", resource: OBJECT },
    "not_allowed",
  ],
  [
    "an SCP Deny at any level denies",
    SCP_EVALUATION,
    { identity: [FULL_ACCESS], scps: [[FULL_ACCESS, policy(deny("iam:CreateUser"))], [FULL_ACCESS]] },
    { action: "iam:CreateUser", resource: ALICE },
    "denied",
  ],
  [
    "SCPs grant nothing without an identity Allow",
    SCP_EVALUATION,
    { identity: [], scps: [[FULL_ACCESS]] },
    { action: "s3:GetObject", resource: OBJECT },
    "not_allowed",
  ],
  [
    "an SCP allow-list at one level limits 'every action'",
    SCP_EVALUATION,
    { identity: [FULL_ACCESS], scps: [[FULL_ACCESS], [policy(allow(["s3:*", "ec2:*"]))]] },
    { action: "*", resource: "*" },
    "not_allowed",
  ],
];

describe("evaluateAccess: AWS policy evaluation, case by case", () => {
  it("has at least 60 documented cases, each citing an AWS page", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const [, source] of cases) expect(source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  it.each(cases)("%s (%s)", (_, __, layers, request, expected) => {
    expect(evaluateAccess(policySet(layers), request).decision).toBe(expected);
  });
});

describe("evaluateAccess: the reasons it gives", () => {
  it("names the statement and where the policy is attached", () => {
    const set = policySet({ identity: [policy(allow("s3:*"), deny("s3:DeleteObject"))] });
    const evaluation = evaluateAccess(set, { action: "s3:DeleteObject", resource: OBJECT });
    expect(evaluation.denies).toMatchObject([{ policy: { layer: "identity", policyName: "policy-0" }, statement: { index: 1 } }]);
    expect(explainAccess(evaluation)).toBe("Denied by inline policy policy-0 (statement 1). Service control policies were not considered.");
  });

  it("says which layer lacks an Allow", () => {
    const set = policySet({ identity: [FULL_ACCESS], scps: [[FULL_ACCESS], [policy(allow("ec2:*"))]] });
    const evaluation = evaluateAccess(set, { action: "s3:GetObject", resource: OBJECT });
    expect(evaluation.missingAllow).toEqual({ layer: "scp", target: "level 1" });
    expect(explainAccess(evaluation)).toBe("Not allowed: no service control policy on level 1 allows it.");
  });

  it("marks a conditional grant as conditional and lists partial Denies as exceptions", () => {
    const set = policySet({ identity: [policy(allow("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }), deny("s3:*"))] });
    const evaluation = evaluateAccess(set, { action: "*", resource: "*" });
    expect(evaluation).toMatchObject({
      decision: "allowed_conditionally",
      allows: [{ conditional: true }],
      exceptions: [{ statement: { index: 1 } }],
    });
  });

  it("reports an answer as incomplete when a policy could not be read", () => {
    const set: PrincipalPolicySet = {
      identity: [],
      unreadable: [{ source: { via: "direct", attachment: "inline", policyName: "broken" }, error: { kind: "malformed_json", message: "bad" } }],
    };
    const evaluation = evaluateAccess(set, { action: "s3:GetObject", resource: OBJECT });
    expect(evaluation).toMatchObject({ decision: "not_allowed", incomplete: true });
  });
});
