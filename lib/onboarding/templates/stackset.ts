/**
 * The audit role in every account of the organization: a service-managed StackSet with automatic
 * deployment, so an account that joins (or moves into) a target OU gets the role without anyone
 * acting, and one that leaves loses it. Two ways to create it: a CloudFormation template holding
 * an AWS::CloudFormation::StackSet resource, or the equivalent AWS CLI commands.
 *
 * Facts from the CloudFormation User Guide (StackSets with service-managed permissions):
 * - create it in the management account, or in a delegated administrator with CallAs DELEGATED_ADMIN;
 * - it never deploys to the management account itself: deploy the single-account template there;
 * - IAM is global, so one region per account is enough.
 */
import { assertTemplateSafe, DEFAULT_STACK_SET_NAME, type AuditRoleTemplateInput } from "./audit-role-policy";
import { auditRoleCloudFormationTemplate } from "./cloudformation";

/** Where the stack instances go: IAM roles are global, one region suffices. */
export const STACK_SET_REGION = "us-east-1";

export interface StackSetInput extends AuditRoleTemplateInput {
  /** The root id ("r-ab12") for the whole organization, or OU ids; empty: a placeholder to fill in. */
  organizationalUnitIds: string[];
  stackSetName?: string;
}

const OU_PLACEHOLDER = "r-xxxx";

function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((line) => (line.length > 0 ? pad + line : line))
    .join("\n");
}

function checked(input: StackSetInput): StackSetInput {
  assertTemplateSafe({ trustedPrincipalArn: input.trustedPrincipalArn, externalId: input.externalId, roleName: input.roleName });
  for (const id of input.organizationalUnitIds) {
    if (!/^(?:r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/.test(id)) throw new Error(`${id} is not a root or OU id`);
  }
  if (input.stackSetName !== undefined && !/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(input.stackSetName)) throw new Error("invalid StackSet name");
  return input;
}

function targets(input: StackSetInput): string {
  return input.organizationalUnitIds.length > 0 ? input.organizationalUnitIds.join(",") : OU_PLACEHOLDER;
}

/** Deploy this one stack in the management account (or the CloudFormation delegated administrator). */
export function auditRoleStackSetTemplate(unchecked: StackSetInput): string {
  const input = checked(unchecked);
  const body = auditRoleCloudFormationTemplate();
  return `AWSTemplateFormatVersion: "2010-09-09"
Description: >-
  iamfit audit role in every account of the organization: a service-managed StackSet that
  deploys it automatically to accounts joining the target OUs.
Parameters:
  TargetOrganizationalUnitIds:
    Type: CommaDelimitedList
    Description: The root id (the whole organization) or OU ids to deploy to.
    Default: "${targets(input)}"
  TrustedPrincipalArn:
    Type: String
    Default: "${input.trustedPrincipalArn}"
  ExternalId:
    Type: String
    Default: "${input.externalId}"
  RoleName:
    Type: String
    Default: "${input.roleName}"
  PermissionsPolicy:
    Type: String
    AllowedValues:
      - SecurityAudit
      - Minimal
    Default: SecurityAudit
  CallAs:
    Type: String
    Description: SELF in the management account, DELEGATED_ADMIN in a CloudFormation delegated administrator.
    AllowedValues:
      - SELF
      - DELEGATED_ADMIN
    Default: SELF
Resources:
  IamfitAuditRoleStackSet:
    Type: AWS::CloudFormation::StackSet
    Properties:
      StackSetName: ${input.stackSetName ?? DEFAULT_STACK_SET_NAME}
      Description: Read-only audit role for iamfit in every account
      PermissionModel: SERVICE_MANAGED
      AutoDeployment:
        Enabled: true
        RetainStacksOnAccountRemoval: false
      CallAs: !Ref CallAs
      Capabilities:
        - CAPABILITY_NAMED_IAM
      ManagedExecution:
        Active: true
      OperationPreferences:
        FailureTolerancePercentage: 10
        MaxConcurrentPercentage: 25
        RegionConcurrencyType: PARALLEL
      Parameters:
        - ParameterKey: TrustedPrincipalArn
          ParameterValue: !Ref TrustedPrincipalArn
        - ParameterKey: ExternalId
          ParameterValue: !Ref ExternalId
        - ParameterKey: RoleName
          ParameterValue: !Ref RoleName
        - ParameterKey: PermissionsPolicy
          ParameterValue: !Ref PermissionsPolicy
      StackInstancesGroup:
        - DeploymentTargets:
            OrganizationalUnitIds: !Ref TargetOrganizationalUnitIds
          Regions:
            - ${STACK_SET_REGION}
      TemplateBody: |
${indent(body, 8)}`;
}

/** The same with the AWS CLI, from the management account; the role template saved as iamfit-audit-role.yaml. */
export function auditRoleStackSetCliCommands(unchecked: StackSetInput): string {
  const input = checked(unchecked);
  const name = input.stackSetName ?? DEFAULT_STACK_SET_NAME;
  return `# 1. Save the single-account template as iamfit-audit-role.yaml, then create the StackSet
#    (service-managed, deploys automatically to accounts that join the target OUs):
aws cloudformation create-stack-set \\
  --stack-set-name ${name} \\
  --template-body file://iamfit-audit-role.yaml \\
  --permission-model SERVICE_MANAGED \\
  --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false \\
  --capabilities CAPABILITY_NAMED_IAM \\
  --parameters \\
    ParameterKey=TrustedPrincipalArn,ParameterValue=${input.trustedPrincipalArn} \\
    ParameterKey=ExternalId,ParameterValue=${input.externalId} \\
    ParameterKey=RoleName,ParameterValue=${input.roleName} \\
    ParameterKey=PermissionsPolicy,ParameterValue=SecurityAudit

# 2. Deploy it to the whole organization (the root id) or to chosen OUs; one region is enough for IAM:
aws cloudformation create-stack-instances \\
  --stack-set-name ${name} \\
  --deployment-targets OrganizationalUnitIds=${targets(input)} \\
  --regions ${STACK_SET_REGION} \\
  --operation-preferences FailureTolerancePercentage=10,MaxConcurrentPercentage=25

# 3. StackSets never deploy to the management account: create the role there as a normal stack.
aws cloudformation create-stack \\
  --stack-name ${name} \\
  --template-body file://iamfit-audit-role.yaml \\
  --capabilities CAPABILITY_NAMED_IAM
`;
}
