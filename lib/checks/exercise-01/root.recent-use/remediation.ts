/** Root used for everyday work: find out who and why, give that work a role, lock root away. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { ROOT_SIGN_IN } from "@/lib/remediation/steps/root";
import { latestRootUse, type RootRecentUseEvidence } from "./evidence";

export function lockRootAwaySteps(_target: RemediationTarget, evidence: RootRecentUseEvidence | null): RemediationSteps {
  const latest = evidence ? latestRootUse(evidence) : undefined;
  const when = latest ? ` (last: its ${latest.credential}, ${latest.date.toISOString().slice(0, 10)})` : "";
  return {
    summary: `Find out who used the root user${when} and why, move that work to IAM roles, and lock root away.`,
    console: [
      "Open CloudTrail → Event history, filter by User name = root, and review what was done and from where.",
      "For each task found, give the people involved an IAM role (or Identity Center permission set) that covers it.",
      ROOT_SIGN_IN,
      "Change the root password to a long random one, store it with the MFA device in a safe place, and delete any root access keys.",
    ],
    commands: [
      aws("Console sign-ins and API calls recorded for the root user (last 90 days, us-east-1 holds global events).", "cloudtrail", "lookup-events", {
        region: "us-east-1",
        "lookup-attributes": "AttributeKey=Username,AttributeValue=root",
        "max-results": "50",
      }),
      aws("When root's password and keys were last used (the credential report's <root_account> row).", "iam", "get-credential-report", {
        query: "Content",
        output: "text",
      }),
    ],
    snippets: [],
    care: [
      "A few tasks genuinely need root (closing the account, changing the support plan, restoring a locked bucket policy); note them instead of chasing them.",
      "Unexpected root use may be an intruder: if nobody recognises it, treat it as an incident and rotate root's password and MFA now.",
    ],
  };
}
