/** One account setting: version 2 tokens from the global endpoint. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import type { GlobalTokenEvidence } from "./evidence";

export function globalTokenV2Steps(_target: RemediationTarget, evidence: GlobalTokenEvidence | null): RemediationSteps {
  const regions = evidence && evidence.optedInRegions.length > 0 ? ` (${evidence.optedInRegions.join(", ")})` : "";
  return {
    summary: `Make the global STS endpoint issue version 2 tokens, valid in every region, including the opted-in ones this account uses${regions}.`,
    console: ["IAM console → Account settings → Security Token Service (STS) → Session tokens from the STS endpoints → Edit → Valid in all AWS Regions."],
    commands: [
      aws("Switch the global endpoint to v2 tokens.", "iam", "set-security-token-service-preferences", { "global-endpoint-token-version": "v2Token" }),
      aws("Check: GlobalEndpointTokenVersion is 2.", "iam", "get-account-summary", { query: "SummaryMap.GlobalEndpointTokenVersion" }),
    ],
    snippets: [],
    care: ["Version 2 tokens are longer; software that stores session tokens in fixed-size fields may need checking. Using regional STS endpoints avoids the issue altogether."],
  };
}
