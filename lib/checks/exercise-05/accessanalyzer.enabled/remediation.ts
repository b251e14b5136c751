/** One external-access analyzer per enabled region (they are regional and free). */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { quotedString } from "@/lib/remediation/steps/snippet-strings";
import { regionOf } from "@/lib/remediation/steps/target-names";
import type { AccessAnalyzerEvidence } from "./evidence";

const ANALYZER_NAME = "iamfit-external-access";

export function createAnalyzerSteps(target: RemediationTarget, evidence: AccessAnalyzerEvidence | null): RemediationSteps {
  const region = evidence?.region ?? regionOf(target);
  return {
    summary: `Create an IAM Access Analyzer (external access) in ${region}.`,
    console: [
      `Switch the console to ${region}. IAM console → Access analyzer → Analyzer settings → Create analyzer.`,
      "Type: External access; zone of trust: the current account (or the organization from its delegated administrator). Create.",
    ],
    commands: [
      aws(`Create an account analyzer in ${region}.`, "accessanalyzer", "create-analyzer", { region, "analyzer-name": ANALYZER_NAME, type: "ACCOUNT" }),
      aws("Check that it is ACTIVE.", "accessanalyzer", "list-analyzers", { region }),
    ],
    snippets: [
      {
        title: `CloudFormation (deploy in ${region}, or as a StackSet to every region)`,
        language: "yaml",
        code: ["ExternalAccessAnalyzer:", "  Type: AWS::AccessAnalyzer::Analyzer", "  Properties:", `    AnalyzerName: ${ANALYZER_NAME}`, "    Type: ACCOUNT"].join("\n"),
      },
      {
        title: "Terraform",
        language: "hcl",
        code: [`resource "aws_accessanalyzer_analyzer" "external_access" {`, `  analyzer_name = ${quotedString(ANALYZER_NAME)}`, `  type          = "ACCOUNT"`, "}"].join("\n"),
      },
    ],
    care: ["Analyzers are regional: every enabled region needs one. External-access analyzers cost nothing."],
  };
}
