/**
 * The audit role as a CloudFormation template for one account. The trusted principal,
 * ExternalId, role name and permissions choice are parameters, so the same template serves a
 * single stack (defaults pre-filled for this installation) and a StackSet (parameters set on the
 * StackSet). Values are limited to [\w+=,.@:/-] by the parameter patterns, so they never need
 * YAML escaping.
 */
import {
  assertTemplateSafe,
  BEYOND_SECURITY_AUDIT_ACTIONS,
  BEYOND_SECURITY_AUDIT_POLICY_NAME,
  minimalReadOnlyPolicy,
  MINIMAL_POLICY_NAME,
  type AuditRoleTemplateInput,
} from "./audit-role-policy";

/** The parameters' patterns, from the IAM and STS API references; single-quoted in YAML, so backslashes stay as they are. */
const PRINCIPAL_PATTERN = "^arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:.+$";
const EXTERNAL_ID_PATTERN = "^[\\w+=,.@:/-]{2,1224}$";
const ROLE_NAME_PATTERN = "^[\\w+=,.@-]{1,64}$";

function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((line) => (line.length > 0 ? pad + line : line))
    .join("\n");
}

function defaultLine(value: string | undefined): string {
  return value === undefined ? "" : `\n    Default: "${value}"`;
}

/**
 * With `defaults`, a ready-to-deploy template for this installation; without, the generic one
 * (deploy/cloudformation, and the body of the StackSet).
 */
export function auditRoleCloudFormationTemplate(defaults?: AuditRoleTemplateInput): string {
  if (defaults) assertTemplateSafe(defaults);
  const actions = minimalReadOnlyPolicy()
    .Statement.flatMap((statement) => statement.Action)
    .map((action) => `- ${action}`)
    .join("\n");
  return `AWSTemplateFormatVersion: "2010-09-09"
Description: >-
  iamfit read-only audit role. iamfit assumes it with an ExternalId to read IAM, EC2,
  Auto Scaling, S3, CloudTrail and Access Analyzer settings; it can change nothing.
Parameters:
  TrustedPrincipalArn:
    Type: String
    Description: The principal iamfit runs as (an account root, role or user ARN).
    AllowedPattern: '${PRINCIPAL_PATTERN}'${defaultLine(defaults?.trustedPrincipalArn)}
  ExternalId:
    Type: String
    Description: The ExternalId iamfit presents; it guards against the confused deputy problem.
    AllowedPattern: '${EXTERNAL_ID_PATTERN}'${defaultLine(defaults?.externalId)}
  RoleName:
    Type: String
    Description: The audit role's name; the same in every account iamfit links from the organization.
    AllowedPattern: '${ROLE_NAME_PATTERN}'
    Default: "${defaults?.roleName ?? "iamfit-audit"}"
  PermissionsPolicy:
    Type: String
    Description: >-
      SecurityAudit (AWS managed, keeps covering new reads; with an inline policy for the IAM
      Identity Center reads it lacks) or Minimal (only the reads iamfit makes today).
    AllowedValues:
      - SecurityAudit
      - Minimal
    Default: SecurityAudit
Conditions:
  UseSecurityAudit: !Equals [!Ref PermissionsPolicy, SecurityAudit]
  UseMinimal: !Equals [!Ref PermissionsPolicy, Minimal]
Resources:
  IamfitAuditRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Ref RoleName
      Description: Read-only audit role for iamfit
      MaxSessionDuration: 3600
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Sid: IamfitAuditReadOnly
            Effect: Allow
            Principal:
              AWS: !Ref TrustedPrincipalArn
            Action: sts:AssumeRole
            Condition:
              StringEquals:
                sts:ExternalId: !Ref ExternalId
      ManagedPolicyArns: !If
        - UseSecurityAudit
        - - !Sub arn:\${AWS::Partition}:iam::aws:policy/SecurityAudit
        - !Ref AWS::NoValue
      Policies: !If
        - UseMinimal
        - - PolicyName: ${MINIMAL_POLICY_NAME}
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Sid: IamfitCollectorReads
                  Effect: Allow
                  Resource: "*"
                  Action:
${indent(actions, 20)}
        - - PolicyName: ${BEYOND_SECURITY_AUDIT_POLICY_NAME}
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Sid: IamfitReadsBeyondSecurityAudit
                  Effect: Allow
                  Resource: "*"
                  Action:
${indent(BEYOND_SECURITY_AUDIT_ACTIONS.map((action) => `- ${action}`).join("\n"), 20)}
Outputs:
  RoleArn:
    Description: Link the account in iamfit with this role ARN (or just the role name).
    Value: !GetAtt IamfitAuditRole.Arn
`;
}
