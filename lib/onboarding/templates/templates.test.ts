import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COLLECTOR_API_CALLS } from "@/lib/aws/api-calls";
import { UnsafeTemplateValueError } from "./audit-role-policy";
import { auditRoleCloudFormationTemplate } from "./cloudformation";
import { auditRoleStackSetCliCommands, auditRoleStackSetTemplate } from "./stackset";
import { TERRAFORM_MODULE_DIR, terraformModuleFiles, terraformModuleUsage } from "./terraform";

const REGENERATE = "deploy/ is out of date: run `npm run iamfit -- accounts templates --generic` and commit the result";
const input = { trustedPrincipalArn: "arn:aws:iam::024917360188:root", externalId: "iamfit-0123abcd", roleName: "iamfit-audit" };

/** The value lines under a YAML key, e.g. the parameter block of "ExternalId:". */
function yamlBlock(template: string, key: string, indent: number): string {
  const lines = template.split("\n");
  const start = lines.findIndex((line) => line === `${" ".repeat(indent)}${key}:` || line.startsWith(`${" ".repeat(indent)}${key}: `));
  if (start < 0) throw new Error(`no ${key} at indent ${indent}`);
  const end = lines.findIndex((line, index) => index > start && line.trim() !== "" && line.length - line.trimStart().length <= indent);
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
}

/** The action names listed under the minimal policy's "Action:" in a CloudFormation template. */
function cloudFormationMinimalActions(template: string): string[] {
  const policy = template.slice(template.indexOf("PolicyName: iamfit-minimal-read-only"));
  const block = yamlBlock(policy.slice(policy.indexOf("\n") + 1), "Action", 18);
  return block
    .split("\n")
    .slice(1)
    .map((line) => /^\s+- (\S+)$/.exec(line)?.[1])
    .filter((action): action is string => action !== undefined);
}

describe("the single-account CloudFormation template", () => {
  const template = auditRoleCloudFormationTemplate(input);

  it("takes the trusted principal and ExternalId as parameters, pre-filled for this installation", () => {
    expect(yamlBlock(template, "TrustedPrincipalArn", 2)).toContain('Default: "arn:aws:iam::024917360188:root"');
    expect(yamlBlock(template, "ExternalId", 2)).toContain('Default: "iamfit-0123abcd"');
    expect(yamlBlock(template, "RoleName", 2)).toContain('Default: "iamfit-audit"');
  });

  it("trusts only that principal, and only with the ExternalId", () => {
    const trust = yamlBlock(template, "AssumeRolePolicyDocument", 6);
    expect(trust).toContain("AWS: !Ref TrustedPrincipalArn");
    expect(trust).toContain("Action: sts:AssumeRole");
    expect(trust).toContain("sts:ExternalId: !Ref ExternalId");
  });

  it("grants SecurityAudit by default, the minimal policy as the alternative", () => {
    expect(yamlBlock(template, "PermissionsPolicy", 2)).toContain("Default: SecurityAudit");
    expect(yamlBlock(template, "ManagedPolicyArns", 6)).toContain("- - !Sub arn:${AWS::Partition}:iam::aws:policy/SecurityAudit");
    expect(yamlBlock(template, "ManagedPolicyArns", 6)).toContain("- UseSecurityAudit");
    expect(yamlBlock(template, "Policies", 6)).toContain("- UseMinimal");
    expect(cloudFormationMinimalActions(template)).toEqual(COLLECTOR_API_CALLS);
  });

  it("adds to SecurityAudit the IAM Identity Center reads it lacks (sso:Get*)", () => {
    const beside = yamlBlock(template, "Policies", 6).split("- - PolicyName: iamfit-beyond-security-audit")[1] ?? "";
    expect(beside).toContain("- sso:GetInlinePolicyForPermissionSet");
    expect(beside).toContain("- sso:GetPermissionsBoundaryForPermissionSet");
    expect(beside).not.toContain("sso:List");
  });

  it("limits sessions to an hour and outputs the role ARN", () => {
    expect(template).toContain("      MaxSessionDuration: 3600\n");
    expect(yamlBlock(template, "Outputs", 0)).toContain("Value: !GetAtt IamfitAuditRole.Arn");
  });

  it("has no installation values in its generic form (deploy/ and StackSets)", () => {
    const generic = auditRoleCloudFormationTemplate();
    expect(yamlBlock(generic, "TrustedPrincipalArn", 2)).not.toContain("Default:");
    expect(yamlBlock(generic, "ExternalId", 2)).not.toContain("Default:");
    expect(readFileSync(path.resolve("deploy/cloudformation/iamfit-audit-role.yaml"), "utf8"), REGENERATE).toBe(generic);
  });

  it("refuses values that could break out of a YAML string", () => {
    expect(() => auditRoleCloudFormationTemplate({ ...input, externalId: 'x"\nEvil: true' })).toThrow(UnsafeTemplateValueError);
  });
});

describe("the StackSet set-up", () => {
  const stackSetInput = { ...input, organizationalUnitIds: ["r-ab12"] };
  const template = auditRoleStackSetTemplate(stackSetInput);

  it("is service-managed and deploys automatically to accounts joining the organization", () => {
    const properties = yamlBlock(template, "Properties", 4);
    expect(properties).toContain("PermissionModel: SERVICE_MANAGED");
    expect(yamlBlock(properties, "AutoDeployment", 6)).toBe("      AutoDeployment:\n        Enabled: true\n        RetainStacksOnAccountRemoval: false");
    expect(properties).toContain("- CAPABILITY_NAMED_IAM");
  });

  it("targets the root by default and passes principal and ExternalId to every stack", () => {
    expect(yamlBlock(template, "TargetOrganizationalUnitIds", 2)).toContain('Default: "r-ab12"');
    expect(yamlBlock(template, "TrustedPrincipalArn", 2)).toContain(`Default: "${input.trustedPrincipalArn}"`);
    expect(template).toContain("        - ParameterKey: ExternalId\n          ParameterValue: !Ref ExternalId");
  });

  it("embeds the generic single-account template as its body", () => {
    const body = template.slice(template.indexOf("      TemplateBody: |\n") + "      TemplateBody: |\n".length);
    const unindented = body
      .split("\n")
      .map((line) => line.slice(8))
      .join("\n");
    expect(unindented).toBe(auditRoleCloudFormationTemplate());
  });

  it("offers the same with AWS CLI commands, and says the management account needs its own stack", () => {
    const commands = auditRoleStackSetCliCommands(stackSetInput);
    expect(commands).toContain("--permission-model SERVICE_MANAGED");
    expect(commands).toContain("--auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false");
    expect(commands).toContain("--deployment-targets OrganizationalUnitIds=r-ab12");
    expect(commands).toContain(`ParameterKey=ExternalId,ParameterValue=${input.externalId}`);
    expect(commands).toMatch(/never deploy to the management account/);
  });

  it("uses a placeholder target until the organization is discovered, and refuses what is not an OU id", () => {
    expect(auditRoleStackSetTemplate({ ...input, organizationalUnitIds: [] })).toContain('Default: "r-xxxx"');
    expect(() => auditRoleStackSetTemplate({ ...input, organizationalUnitIds: ["Workloads"] })).toThrow(/not a root or OU id/);
  });
});

describe("the Terraform module", () => {
  const files = terraformModuleFiles();

  it("takes the trusted principal and ExternalId as variables", () => {
    expect(files["variables.tf"]).toMatch(/variable "trusted_principal_arn" \{\n  description = .*\n  type        = string\n/);
    expect(files["variables.tf"]).toMatch(/variable "external_id" \{\n  description = .*\n  type        = string\n/);
    expect(files["main.tf"]).toContain("identifiers = [var.trusted_principal_arn]");
    expect(files["main.tf"]).toContain('variable = "sts:ExternalId"\n      values   = [var.external_id]');
  });

  it("attaches SecurityAudit by default, or the minimal policy with exactly the collector's actions", () => {
    expect(files["variables.tf"]).toMatch(/variable "permissions_policy" \{[^}]*default     = "SecurityAudit"/);
    expect(files["main.tf"]).toContain('policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/SecurityAudit"');
    const actions = /data "aws_iam_policy_document" "minimal" \{[\s\S]*?actions   = (\[[\s\S]*?\])/.exec(files["main.tf"])?.[1];
    expect(JSON.parse(actions ?? "[]")).toEqual(COLLECTOR_API_CALLS);
    const beside = /data "aws_iam_policy_document" "beyond_security_audit" \{[\s\S]*?actions   = (\[[\s\S]*?\])/.exec(files["main.tf"])?.[1];
    expect(JSON.parse(beside ?? "[]")).toEqual(["sso:GetInlinePolicyForPermissionSet", "sso:GetPermissionsBoundaryForPermissionSet"]);
    expect(files["main.tf"]).toMatch(/resource "aws_iam_role_policy" "beyond_security_audit" \{\n  count  = var.permissions_policy == "SecurityAudit" \? 1 : 0/);
  });

  it("is checked in under deploy/ exactly as generated", () => {
    for (const [name, content] of Object.entries(files)) {
      expect(readFileSync(path.resolve(TERRAFORM_MODULE_DIR, name), "utf8"), `${name}: ${REGENERATE}`).toBe(content);
    }
  });

  it("comes with a module block filled in for this installation", () => {
    const usage = terraformModuleUsage(input);
    expect(usage).toContain('source = "./iamfit-audit-role"');
    expect(usage).toContain(`trusted_principal_arn = "${input.trustedPrincipalArn}"`);
    expect(usage).toContain(`external_id           = "${input.externalId}"`);
  });
});
