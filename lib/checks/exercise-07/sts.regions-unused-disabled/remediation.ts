/**
 * Deactivating a region's STS endpoint is a console-only setting; the CLI part is the look at
 * CloudTrail that shows whether anything still asks STS there.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { regionOf } from "@/lib/remediation/steps/target-names";
import type { StsRegionEvidence } from "./evidence";

export function deactivateStsRegionSteps(target: RemediationTarget, evidence: StsRegionEvidence | null): RemediationSteps {
  const region = evidence?.region ?? regionOf(target);
  return {
    summary: `Deactivate the STS regional endpoint in ${region}, which this account does not use.`,
    console: [
      "IAM console → Account settings → Security Token Service (STS) → Endpoints.",
      `Find ${region} and choose Deactivate (us-east-1 and the global endpoint cannot be deactivated).`,
    ],
    commands: [
      aws(`Recent STS calls served in ${region} (CloudTrail event history): if anything appears, something uses it.`, "cloudtrail", "lookup-events", {
        region,
        "lookup-attributes": "AttributeKey=EventSource,AttributeValue=sts.amazonaws.com",
        "max-results": "50",
      }),
    ],
    snippets: [],
    care: [
      "AWS has no API or CLI command to deactivate an STS region: it is done in the IAM console (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html).",
      "The setting of the account that owns the role decides whether credentials are issued in a region: a deactivated region answers RegionDisabledException to anyone assuming this account's roles there.",
      "Reactivating is one click, so the change is easy to undo if a workload turns out to need it.",
    ],
  };
}
