/**
 * The audit role as a Terraform module (hashicorp/aws provider): the same trust policy and
 * permissions choice as the CloudFormation template. The module files are generic and also
 * checked in under deploy/terraform/iamfit-audit-role (a test keeps them equal to this
 * generator); the usage block is filled in for this installation.
 */
import {
  assertTemplateSafe,
  BEYOND_SECURITY_AUDIT_ACTIONS,
  BEYOND_SECURITY_AUDIT_POLICY_NAME,
  MINIMAL_POLICY_NAME,
  minimalReadOnlyPolicy,
  type AuditRoleTemplateInput,
} from "./audit-role-policy";

export const TERRAFORM_MODULE_DIR = "deploy/terraform/iamfit-audit-role";

export interface TerraformModuleFiles {
  "main.tf": string;
  "variables.tf": string;
  "outputs.tf": string;
}

function actionList(): string {
  const actions = minimalReadOnlyPolicy().Statement.flatMap((statement) => statement.Action);
  return `[\n${actions.map((action) => `      "${action}"`).join(",\n")}\n    ]`;
}

export function terraformModuleFiles(): TerraformModuleFiles {
  return {
    "main.tf": `# iamfit read-only audit role: iamfit assumes it with an ExternalId and can change nothing.

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
  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/SecurityAudit"
}

# SecurityAudit lacks the IAM Identity Center sso:Get* reads; this adds them beside it.
data "aws_iam_policy_document" "beyond_security_audit" {
  statement {
    sid       = "IamfitReadsBeyondSecurityAudit"
    effect    = "Allow"
    resources = ["*"]
    actions   = [${BEYOND_SECURITY_AUDIT_ACTIONS.map((action) => `"${action}"`).join(", ")}]
  }
}

resource "aws_iam_role_policy" "beyond_security_audit" {
  count  = var.permissions_policy == "SecurityAudit" ? 1 : 0
  name   = "${BEYOND_SECURITY_AUDIT_POLICY_NAME}"
  role   = aws_iam_role.audit.id
  policy = data.aws_iam_policy_document.beyond_security_audit.json
}

# Only the reads iamfit makes today (lib/aws/api-calls.ts); SecurityAudit also covers future ones.
data "aws_iam_policy_document" "minimal" {
  statement {
    sid       = "IamfitCollectorReads"
    effect    = "Allow"
    resources = ["*"]
    actions   = ${actionList()}
  }
}

resource "aws_iam_role_policy" "minimal" {
  count  = var.permissions_policy == "Minimal" ? 1 : 0
  name   = "${MINIMAL_POLICY_NAME}"
  role   = aws_iam_role.audit.id
  policy = data.aws_iam_policy_document.minimal.json
}
`,
    "variables.tf": `variable "trusted_principal_arn" {
  description = "The principal iamfit runs as (an account root, role or user ARN)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:.+$", var.trusted_principal_arn))
    error_message = "trusted_principal_arn must be an IAM or STS ARN, e.g. arn:aws:iam::111122223333:root."
  }
}

variable "external_id" {
  description = "The ExternalId iamfit presents (2-1224 characters of letters, digits and +=,.@:/-)."
  type        = string

  validation {
    condition     = can(regex("^[\\\\w+=,.@:/-]{2,1224}$", var.external_id))
    error_message = "external_id must be 2-1224 characters of letters, digits and +=,.@:/-."
  }
}

variable "role_name" {
  description = "The audit role's name; the same in every account iamfit links from the organization."
  type        = string
  default     = "iamfit-audit"
}

variable "permissions_policy" {
  description = "SecurityAudit (AWS managed, with an inline policy for the IAM Identity Center reads it lacks) or Minimal (only the reads iamfit makes today)."
  type        = string
  default     = "SecurityAudit"

  validation {
    condition     = contains(["SecurityAudit", "Minimal"], var.permissions_policy)
    error_message = "permissions_policy must be SecurityAudit or Minimal."
  }
}

variable "tags" {
  description = "Tags for the role."
  type        = map(string)
  default     = {}
}
`,
    "outputs.tf": `output "role_arn" {
  description = "Link the account in iamfit with this role ARN (or just the role name)."
  value       = aws_iam_role.audit.arn
}

output "role_name" {
  value = aws_iam_role.audit.name
}
`,
  };
}

/** A module block filled in for this installation. */
export function terraformModuleUsage(input: AuditRoleTemplateInput, source = `./${TERRAFORM_MODULE_DIR.split("/").at(-1)}`): string {
  assertTemplateSafe(input);
  return `module "iamfit_audit_role" {
  source = "${source}"

  trusted_principal_arn = "${input.trustedPrincipalArn}"
  external_id           = "${input.externalId}"
  role_name             = "${input.roleName}"
  permissions_policy    = "SecurityAudit" # or "Minimal"
}

output "iamfit_audit_role_arn" {
  value = module.iamfit_audit_role.role_arn
}
`;
}
