/**
 * The sandbox organization's service control policies: AWS's default FullAWSAccess on every root,
 * OU and account (Organizations attaches it to each when SCPs are enabled), plus guardrails as
 * AWS's SCP examples write them ("Example service control policies", Organizations User Guide):
 * no leaving the organization, no tampering with CloudTrail in workloads, no IAM credential or
 * policy-version changes and no Glue development endpoints in non-production (the latter closes
 * the glue:UpdateDevEndpoint escalation of dev-experiments' lambda-etl and etl-runner, while
 * notebook-sync's PassRole with RunInstances stays open), a region restriction in the Sandbox
 * OU, and deny-all for suspended accounts.
 */
import type { PolicyDocument } from "@/lib/sandbox/model";
import { policyDocument } from "@/lib/sandbox/policy-documents";
import type { Placement } from "./organization-units";

export interface ServiceControlPolicyDefinition {
  /** Stable key; the policy id is derived from it and the seed (FullAWSAccess keeps AWS's own id). */
  key: string;
  name: string;
  description: string;
  awsManaged: boolean;
  document: PolicyDocument;
  /** Where it is attached besides accounts: the root or OUs. "everywhere" also attaches it to every account. */
  attachedTo: readonly Placement[] | "everywhere";
}

/** AWS's id and document for the default SCP. */
export const FULL_AWS_ACCESS_ID = "p-FullAWSAccess";

export const SERVICE_CONTROL_POLICIES: readonly ServiceControlPolicyDefinition[] = [
  {
    key: "full-aws-access",
    name: "FullAWSAccess",
    description: "Allows access to every operation",
    awsManaged: true,
    document: policyDocument({ effect: "Allow", action: "*", resource: "*" }),
    attachedTo: "everywhere",
  },
  {
    key: "deny-leave-organization",
    name: "DenyLeaveOrganization",
    description: "Member accounts cannot leave the organization",
    awsManaged: false,
    document: policyDocument({ sid: "DenyLeaving", effect: "Deny", action: "organizations:LeaveOrganization", resource: "*" }),
    attachedTo: ["root"],
  },
  {
    key: "protect-cloudtrail",
    name: "ProtectCloudTrail",
    description: "Workload accounts cannot stop or change the organization's audit trail",
    awsManaged: false,
    document: policyDocument({
      sid: "ProtectTrail",
      effect: "Deny",
      action: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors"],
      resource: "*",
    }),
    attachedTo: ["workloads"],
  },
  {
    key: "deny-iam-credential-changes",
    name: "DenyIamCredentialChanges",
    description: "Non-production accounts cannot mint IAM credentials or rewrite policy versions",
    awsManaged: false,
    document: policyDocument({
      sid: "DenyCredentialAndPolicyVersionChanges",
      effect: "Deny",
      action: ["iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"],
      resource: "*",
    }),
    attachedTo: ["workloads-nonprod"],
  },
  {
    key: "deny-glue-dev-endpoints",
    name: "DenyGlueDevEndpoints",
    description: "Non-production accounts cannot create or change Glue development endpoints (retired with Glue 0.9 and 1.0)",
    awsManaged: false,
    document: policyDocument({ sid: "DenyDevEndpoints", effect: "Deny", action: ["glue:CreateDevEndpoint", "glue:UpdateDevEndpoint"], resource: "*" }),
    attachedTo: ["workloads-nonprod"],
  },
  {
    key: "sandbox-regions",
    name: "SandboxRegionRestriction",
    description: "Sandbox accounts work in two regions only",
    awsManaged: false,
    document: policyDocument({
      sid: "DenyOutsideAllowedRegions",
      effect: "Deny",
      notAction: ["iam:*", "organizations:*", "sts:*", "support:*", "cloudfront:*", "route53:*"],
      resource: "*",
      condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
    }),
    attachedTo: ["sandbox"],
  },
  {
    key: "quarantine",
    name: "QuarantineSuspendedAccounts",
    description: "Accounts on their way out can do nothing",
    awsManaged: false,
    document: policyDocument({ sid: "DenyAll", effect: "Deny", action: "*", resource: "*" }),
    attachedTo: ["suspended"],
  },
];
