/**
 * What a checklist item tells someone to do (issue 5): why it matters, console steps, the exact
 * AWS CLI commands with the real names filled in, a CloudFormation or Terraform snippet where the
 * fix is configuration, and what needs care. One builder per check, in lib/remediation/steps/.
 */
import type { JsonValue, ResourceType } from "@/lib/checks/types";
import type { CliCommand } from "./shell";

/** The failing resource, as the finding named it. Every name in it is untrusted. */
export interface RemediationTarget {
  awsAccountId: string;
  checkId: string;
  resourceId: string;
  resourceType: ResourceType;
  resourceName: string;
  region: string | null;
  /** The failing finding's evidence; null when it is not at hand. */
  evidence: JsonValue | null;
}

export interface Snippet {
  title: string;
  language: "yaml" | "hcl" | "json";
  code: string;
}

export interface RemediationSteps {
  /** The fix in one sentence. */
  summary: string;
  console: string[];
  commands: CliCommand[];
  snippets: Snippet[];
  /** What can break, what to check first (deactivate before delete; look in CloudTrail). */
  care: string[];
}

export type RemediationBuilder = (target: RemediationTarget) => RemediationSteps;

export interface Remediation extends RemediationSteps {
  checkId: string;
  /** The check's own "why it matters" from the catalogue (lib/checks/registry.ts). */
  why: string;
}
