/**
 * Policy documents the sandbox accounts use: builders for customer and trust policies, and a
 * small library of AWS managed policies (documents abbreviated to their security-relevant
 * shape; names, paths and ARNs as AWS publishes them).
 */
import type { PolicyDocument, SandboxManagedPolicy } from "@/lib/sandbox/model";

export type Condition = Record<string, Record<string, string | string[]>>;

export interface StatementSpec {
  sid?: string;
  effect?: "Allow" | "Deny";
  action?: string | string[];
  notAction?: string | string[];
  resource?: string | string[];
  notResource?: string | string[];
  principal?: unknown;
  condition?: Condition;
}

export function statement(spec: StatementSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (spec.sid !== undefined) out.Sid = spec.sid;
  out.Effect = spec.effect ?? "Allow";
  if (spec.principal !== undefined) out.Principal = spec.principal;
  if (spec.action !== undefined) out.Action = spec.action;
  if (spec.notAction !== undefined) out.NotAction = spec.notAction;
  if (spec.resource !== undefined) out.Resource = spec.resource;
  if (spec.notResource !== undefined) out.NotResource = spec.notResource;
  if (spec.condition !== undefined) out.Condition = spec.condition;
  return out;
}

export function policyDocument(...statements: StatementSpec[]): PolicyDocument {
  // A single statement is often written as an object, not an array; both forms occur in AWS.
  const rendered = statements.map(statement);
  return { Version: "2012-10-17", Statement: rendered.length === 1 ? rendered[0] : rendered };
}

export function allow(action: string | string[], resource: string | string[] = "*", condition?: Condition): StatementSpec {
  return { effect: "Allow", action, resource, condition };
}

/**
 * The AWS-documented "allow self-service MFA, deny everything else without MFA" policy
 * (IAM user guide, "Allows MFA-authenticated IAM users to manage their own MFA device"; seed 003).
 */
export const requireMfaDocument: PolicyDocument = policyDocument(
  {
    sid: "AllowManageOwnVirtualMFADevice",
    action: ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ResyncMFADevice", "iam:ListMFADevices"],
    resource: ["arn:aws:iam::*:mfa/*", "arn:aws:iam::*:user/${aws:username}"],
  },
  {
    sid: "DenyAllExceptListedIfNoMFA",
    effect: "Deny",
    notAction: [
      "iam:CreateVirtualMFADevice",
      "iam:EnableMFADevice",
      "iam:GetUser",
      "iam:ListMFADevices",
      "iam:ListVirtualMFADevices",
      "iam:ResyncMFADevice",
      "sts:GetSessionToken",
    ],
    resource: "*",
    condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
  },
);

// ---------------------------------------------------------------------------------------------
// Trust policies

const assumeRole = "sts:AssumeRole";

export function serviceTrust(service: string): PolicyDocument {
  return policyDocument({ principal: { Service: service }, action: assumeRole });
}

export interface AccountTrustOptions {
  externalId?: string;
  requireMfa?: boolean;
  /** Trust one principal ARN instead of the account root. */
  principalArn?: string;
}

export function accountTrust(accountId: string, options: AccountTrustOptions = {}): PolicyDocument {
  const condition: Condition = {};
  if (options.externalId !== undefined) condition.StringEquals = { "sts:ExternalId": options.externalId };
  if (options.requireMfa) condition.Bool = { "aws:MultiFactorAuthPresent": "true" };
  return policyDocument({
    principal: { AWS: options.principalArn ?? `arn:aws:iam::${accountId}:root` },
    action: assumeRole,
    condition: Object.keys(condition).length > 0 ? condition : undefined,
  });
}

/** Trusts every AWS principal in the world: the misconfiguration roles.cross-account-conditions flags. */
export function anyoneTrust(): PolicyDocument {
  return policyDocument({ principal: { AWS: "*" }, action: assumeRole });
}

export function samlTrust(accountId: string, providerName: string): PolicyDocument {
  return policyDocument({
    principal: { Federated: `arn:aws:iam::${accountId}:saml-provider/${providerName}` },
    action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
    condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
  });
}

// ---------------------------------------------------------------------------------------------
// AWS managed policies

export interface AwsManagedPolicy extends SandboxManagedPolicy {
  arn: string;
}

function awsManaged(
  name: string,
  policyId: string,
  created: string,
  versionId: string,
  document: PolicyDocument,
  path = "/",
): AwsManagedPolicy {
  const createdAt = new Date(created);
  return {
    arn: `arn:aws:iam::aws:policy${path}${name}`,
    policyName: name,
    policyId,
    path,
    createdAt,
    updatedAt: createdAt,
    versions: [{ versionId, document, createdAt }],
    defaultVersionId: versionId,
  };
}

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = [
  awsManaged("AdministratorAccess", "ANPAIWMBCKSKIEE64ZLYK", "2015-02-06T18:39:46Z", "v1", policyDocument(allow("*"))),
  awsManaged(
    "PowerUserAccess",
    "ANPAJYRXTHIB4FOVS3ZXS",
    "2015-02-06T18:39:47Z",
    "v5",
    policyDocument(
      { effect: "Allow", notAction: ["iam:*", "organizations:*", "account:*"], resource: "*" },
      allow(["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles", "organizations:DescribeOrganization"]),
    ),
  ),
  awsManaged(
    "ReadOnlyAccess",
    "ANPAILL3HVNFSB6DCOWYQ",
    "2015-02-06T18:39:48Z",
    "v120",
    policyDocument(allow(["ec2:Describe*", "s3:Get*", "s3:List*", "iam:Get*", "iam:List*", "cloudtrail:Describe*", "cloudtrail:Get*"])),
  ),
  awsManaged(
    "SecurityAudit",
    "ANPAIX2T3QCXHR2OGGCTO",
    "2015-02-06T18:41:01Z",
    "v45",
    policyDocument(
      allow([
        "access-analyzer:List*",
        "autoscaling:Describe*",
        "cloudtrail:DescribeTrails",
        "cloudtrail:GetTrailStatus",
        "ec2:Describe*",
        "iam:GenerateCredentialReport",
        "iam:Get*",
        "iam:List*",
        "s3:GetAccountPublicAccessBlock",
        "s3:GetBucket*",
        "s3:ListAllMyBuckets",
      ]),
    ),
  ),
  awsManaged("IAMFullAccess", "ANPAI7XKCFMBPM3QQRRVQ", "2015-02-06T18:40:38Z", "v2", policyDocument(allow(["iam:*", "organizations:DescribeAccount"]))),
  awsManaged("AmazonS3FullAccess", "ANPAIFIR6V6BVTRAHWINE", "2015-02-06T18:40:58Z", "v2", policyDocument(allow(["s3:*", "s3-object-lambda:*"]))),
  awsManaged("AmazonS3ReadOnlyAccess", "ANPAIZTJ4DXE7G6AGAE6M", "2015-02-06T18:40:59Z", "v3", policyDocument(allow(["s3:Get*", "s3:List*"]))),
  awsManaged(
    "AmazonEC2FullAccess",
    "ANPAI3VAJF5ZCRZ7MCQE6",
    "2015-02-06T18:40:15Z",
    "v7",
    policyDocument(allow(["ec2:*", "elasticloadbalancing:*", "cloudwatch:*", "autoscaling:*"]), allow("iam:CreateServiceLinkedRole")),
  ),
  awsManaged(
    "AmazonSSMManagedInstanceCore",
    "ANPAIXSHM2BNB2D3AXXRU",
    "2019-03-15T17:22:12Z",
    "v2",
    policyDocument(allow(["ssm:DescribeAssociation", "ssm:GetDocument", "ssm:UpdateInstanceInformation", "ssmmessages:*", "ec2messages:*"])),
  ),
  awsManaged(
    "AWSGlueServiceRole",
    "ANPAIRU3HTBCBSVAJ3FSU",
    "2017-08-23T21:35:25Z",
    "v6",
    policyDocument(allow(["glue:*", "s3:GetBucketLocation", "s3:ListBucket", "ec2:DescribeSubnets"])),
    "/service-role/",
  ),
  awsManaged(
    "AccessAnalyzerServiceRolePolicy",
    "ANPAZKAPJZG4LGVLP5Y2V",
    "2019-12-02T17:07:44Z",
    "v12",
    policyDocument(allow(["iam:GetRole", "iam:ListRoles", "s3:GetBucketPolicy", "s3:ListAllMyBuckets", "kms:ListKeys"])),
    "/aws-service-role/",
  ),
];

const awsManagedByArn = new Map(AWS_MANAGED_POLICIES.map((policy) => [policy.arn, policy]));

export function awsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  return awsManagedByArn.get(arn);
}

export function awsPolicyArn(name: string): string {
  const policy = AWS_MANAGED_POLICIES.find((candidate) => candidate.policyName === name);
  if (!policy) throw new Error(`sandbox: no AWS managed policy named ${name}`);
  return policy.arn;
}

export const ADMINISTRATOR_ACCESS_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";
