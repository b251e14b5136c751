# iamfit read-only audit role: iamfit assumes it with an ExternalId and can change nothing.

terraform {
  required_version = ">= 1.3"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 4.0"
    }
  }
}

data "aws_partition" "current" {}

data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "IamfitAuditReadOnly"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = [var.trusted_principal_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [var.external_id]
    }
  }
}

resource "aws_iam_role" "audit" {
  name                 = var.role_name
  description          = "Read-only audit role for iamfit"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = 3600
  tags                 = var.tags
}

resource "aws_iam_role_policy_attachment" "security_audit" {
  count      = var.permissions_policy == "SecurityAudit" ? 1 : 0
  role       = aws_iam_role.audit.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/SecurityAudit"
}

# SecurityAudit lacks the IAM Identity Center sso:Get* reads; this adds them beside it.
data "aws_iam_policy_document" "beyond_security_audit" {
  statement {
    sid       = "IamfitReadsBeyondSecurityAudit"
    effect    = "Allow"
    resources = ["*"]
    actions   = ["sso:GetInlinePolicyForPermissionSet", "sso:GetPermissionsBoundaryForPermissionSet"]
  }
}

resource "aws_iam_role_policy" "beyond_security_audit" {
  count  = var.permissions_policy == "SecurityAudit" ? 1 : 0
  name   = "iamfit-beyond-security-audit"
  role   = aws_iam_role.audit.id
  policy = data.aws_iam_policy_document.beyond_security_audit.json
}

# Only the reads iamfit makes today (lib/aws/api-calls.ts); SecurityAudit also covers future ones.
data "aws_iam_policy_document" "minimal" {
  statement {
    sid       = "IamfitCollectorReads"
    effect    = "Allow"
    resources = ["*"]
    actions   = [
      "access-analyzer:ListAnalyzers",
      "autoscaling:DescribeAutoScalingGroups",
      "autoscaling:DescribePolicies",
      "cloudtrail:DescribeTrails",
      "cloudtrail:GetTrailStatus",
      "ec2:DescribeInstances",
      "ec2:DescribeRegions",
      "ec2:DescribeSecurityGroups",
      "iam:GenerateCredentialReport",
      "iam:GetAccountAuthorizationDetails",
      "iam:GetAccountPasswordPolicy",
      "iam:GetAccountSummary",
      "iam:GetCredentialReport",
      "iam:ListOrganizationsFeatures",
      "iam:ListRoles",
      "iam:ListVirtualMFADevices",
      "identitystore:ListGroupMemberships",
      "identitystore:ListGroups",
      "identitystore:ListUsers",
      "organizations:DescribeOrganization",
      "organizations:DescribeOrganizationalUnit",
      "organizations:DescribePolicy",
      "organizations:ListParents",
      "organizations:ListPoliciesForTarget",
      "s3:GetAccountPublicAccessBlock",
      "s3:GetBucketAcl",
      "s3:GetBucketLocation",
      "s3:GetBucketPolicy",
      "s3:GetBucketPolicyStatus",
      "s3:GetBucketPublicAccessBlock",
      "s3:ListAllMyBuckets",
      "sso:DescribePermissionSet",
      "sso:GetInlinePolicyForPermissionSet",
      "sso:GetPermissionsBoundaryForPermissionSet",
      "sso:ListAccountAssignments",
      "sso:ListAccountsForProvisionedPermissionSet",
      "sso:ListCustomerManagedPolicyReferencesInPermissionSet",
      "sso:ListInstances",
      "sso:ListManagedPoliciesInPermissionSet",
      "sso:ListPermissionSets"
    ]
  }
}

resource "aws_iam_role_policy" "minimal" {
  count  = var.permissions_policy == "Minimal" ? 1 : 0
  name   = "iamfit-minimal-read-only"
  role   = aws_iam_role.audit.id
  policy = data.aws_iam_policy_document.minimal.json
}
