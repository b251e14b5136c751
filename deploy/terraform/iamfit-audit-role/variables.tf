variable "trusted_principal_arn" {
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
    condition     = can(regex("^[\\w+=,.@:/-]{2,1224}$", var.external_id))
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
