/** One role setting, MaxSessionDuration, down to the guide's hour. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { roleNameOf } from "@/lib/remediation/steps/target-names";
import { durationInWords, type ShortSessionsEvidence } from "./evidence";

export function shortSessionSteps(target: RemediationTarget, evidence: ShortSessionsEvidence | null): RemediationSteps {
  const roleName = roleNameOf(target);
  const seconds = evidence && "maxSessionDuration" in evidence ? evidence.maxSessionDuration : undefined;
  return {
    summary: `Lower the maximum session of ${roleName} to 1 hour${seconds === undefined ? "" : ` (now ${durationInWords(seconds)})`}.`,
    console: [`IAM console → Roles → ${roleName} → Summary → Maximum session duration → Edit → 1 hour → Save changes.`],
    commands: [aws("Set the maximum session to one hour.", "iam", "update-role", { "role-name": roleName, "max-session-duration": "3600" })],
    snippets: [
      {
        title: "CloudFormation (on the role)",
        language: "yaml",
        code: ["  Type: AWS::IAM::Role", "  Properties:", "    MaxSessionDuration: 3600"].join("\n"),
      },
    ],
    care: ["People re-authenticate more often; tools that request longer sessions (DurationSeconds above 3600) get an error and must ask for less."],
  };
}
