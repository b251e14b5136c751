output "role_arn" {
  description = "Link the account in iamfit with this role ARN (or just the role name)."
  value       = aws_iam_role.audit.arn
}

output "role_name" {
  value = aws_iam_role.audit.name
}
