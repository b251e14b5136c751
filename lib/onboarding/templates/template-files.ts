/**
 * Every template for one installation as named files: what the templates page offers for
 * download and `iamfit accounts templates` writes to disk.
 */
import { DEFAULT_STACK_SET_NAME } from "./audit-role-policy";
import { auditRoleCloudFormationTemplate } from "./cloudformation";
import { auditRoleStackSetCliCommands, auditRoleStackSetTemplate, type StackSetInput } from "./stackset";
import { TERRAFORM_MODULE_DIR, terraformModuleFiles, terraformModuleUsage } from "./terraform";

export interface TemplateFile {
  /** Relative path, "/"-separated. */
  path: string;
  content: string;
  /** MIME type for downloads. */
  type: "application/yaml" | "text/x-shellscript" | "text/plain";
}

export function auditRoleTemplateFiles(input: StackSetInput): TemplateFile[] {
  const module = terraformModuleFiles();
  return [
    { path: `${DEFAULT_STACK_SET_NAME}.yaml`, content: auditRoleCloudFormationTemplate(input), type: "application/yaml" },
    { path: `${DEFAULT_STACK_SET_NAME}-stackset.yaml`, content: auditRoleStackSetTemplate(input), type: "application/yaml" },
    { path: "stackset-commands.sh", content: `#!/bin/sh\nset -e\n${auditRoleStackSetCliCommands(input)}`, type: "text/x-shellscript" },
    { path: "terraform/main.tf", content: terraformModuleUsage(input), type: "text/plain" },
    ...Object.entries(module).map(([name, content]) => ({ path: `terraform/iamfit-audit-role/${name}`, content, type: "text/plain" as const })),
  ];
}

/** The installation-neutral copies checked in under deploy/ (templates.test.ts keeps them current). */
export const GENERIC_CLOUDFORMATION_PATH = "deploy/cloudformation/iamfit-audit-role.yaml";

export function genericTemplateFiles(): TemplateFile[] {
  return [
    { path: GENERIC_CLOUDFORMATION_PATH, content: auditRoleCloudFormationTemplate(), type: "application/yaml" },
    ...Object.entries(terraformModuleFiles()).map(([name, content]) => ({ path: `${TERRAFORM_MODULE_DIR}/${name}`, content, type: "text/plain" as const })),
  ];
}
