/**
 * What an account owner deploys so iamfit can read their account: the audit role's trust
 * policy (iamfit's principal, ExternalId required) and a CloudFormation snippet that creates the
 * role with the AWS managed SecurityAudit policy (AWS-NOTES.md: it covers every read iamfit makes but
 * the two IAM Identity Center sso:Get* reads the audit-role templates add beside it).
 */
import { NOT_IN_SECURITY_AUDIT } from "@/lib/aws/api-calls";

export interface TrustPolicyInput {
  /** The principal iamfit runs as: an account root ARN, role or user ARN. */
  trustedPrincipalArn: string;
  externalId: string;
}

export function auditRoleTrustPolicy({ trustedPrincipalArn, externalId }: TrustPolicyInput) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "IamfitAuditReadOnly",
        Effect: "Allow",
        Principal: { AWS: trustedPrincipalArn },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": externalId } },
      },
    ],
  };
}

export function auditRoleCloudFormation(input: TrustPolicyInput & { roleName: string }): string {
  return `AWSTemplateFormatVersion: "2010-09-09"
Description: Read-only audit role for iamfit (SecurityAudit)
Parameters:
  TrustedPrincipalArn:
    Type: String
    Default: "${input.trustedPrincipalArn}"
  ExternalId:
    Type: String
    NoEcho: true
    Default: "${input.externalId}"
Resources:
  IamfitAuditRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: ${input.roleName}
      MaxSessionDuration: 3600
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Ref TrustedPrincipalArn
            Action: sts:AssumeRole
            Condition:
              StringEquals:
                sts:ExternalId: !Ref ExternalId
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/SecurityAudit
      Policies:
        - PolicyName: iamfit-beyond-security-audit
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Sid: IamfitReadsBeyondSecurityAudit
                Effect: Allow
                Resource: "*"
                Action:
${NOT_IN_SECURITY_AUDIT.map((action) => `                  - ${action}`).join("\n")}
Outputs:
  RoleArn:
    Value: !GetAtt IamfitAuditRole.Arn
`;
}
