/** A multi-region trail that logs: start the one that exists, widen a single-region one, or create one. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { assignVariable, aws, shellVariable } from "@/lib/remediation/shell";
import { trailNameOf, type MultiRegionTrailEvidence } from "./evidence";

export function startMultiRegionTrailSteps(target: RemediationTarget, evidence: MultiRegionTrailEvidence | null): RemediationSteps {
  const trails = evidence?.trails ?? [];
  const multiRegion = trails.find((trail) => trail.isMultiRegionTrail);
  const existing = multiRegion ?? trails.find((trail) => !trail.isMultiRegionTrail);
  const existingName = existing ? trailNameOf(existing.trailArn) : undefined;
  const home = existing?.homeRegion ?? "us-east-1";
  const commands = multiRegion
    ? [aws(`Start logging on multi-region trail ${existingName}.`, "cloudtrail", "start-logging", { region: home, name: existingName! })]
    : existingName
      ? [
          aws(`Make trail ${existingName} record every region.`, "cloudtrail", "update-trail", { region: home, name: existingName, "is-multi-region-trail": true }),
          aws("Make sure it is logging.", "cloudtrail", "start-logging", { region: home, name: existingName }),
        ]
      : [
          assignVariable("Set BUCKET to an S3 bucket for the logs whose bucket policy lets cloudtrail.amazonaws.com write (see the snippet).", "BUCKET", `cloudtrail-logs-${target.awsAccountId}`),
          aws("Create a multi-region trail with log file validation.", "cloudtrail", "create-trail", {
            region: "us-east-1",
            name: "management-events",
            "s3-bucket-name": shellVariable("BUCKET"),
            "is-multi-region-trail": true,
            "enable-log-file-validation": true,
          }),
          aws("Start logging.", "cloudtrail", "start-logging", { region: "us-east-1", name: "management-events" }),
        ];
  return {
    summary: multiRegion
      ? `Start logging on trail ${existingName}.`
      : existingName
        ? `Turn trail ${existingName} into a multi-region trail and keep it logging.`
        : "Create a multi-region CloudTrail trail and start logging.",
    console: [
      "CloudTrail console → Trails.",
      multiRegion ? `Open ${existingName} and choose Start logging.` : existingName ? `Open ${existingName} → Edit → Enable for all regions (or create a new trail).` : "Create trail: a new or existing S3 bucket, log file validation on; trails created in the console record all regions.",
      "In an organization, one organization trail from the management account covers every account.",
    ],
    commands: [aws("Trails and whether they are multi-region.", "cloudtrail", "describe-trails", { region: home }), ...commands],
    snippets: [
      {
        title: "CloudFormation",
        language: "yaml",
        code: [
          "ManagementEventsTrail:",
          "  Type: AWS::CloudTrail::Trail",
          "  Properties:",
          "    TrailName: management-events",
          "    S3BucketName: !Ref TrailBucket # with a bucket policy that allows cloudtrail.amazonaws.com",
          "    IsMultiRegionTrail: true",
          "    EnableLogFileValidation: true",
          "    IsLogging: true",
        ].join("\n"),
      },
    ],
    care: ["The first copy of management events in each region is free; you pay for the S3 storage (“AWS IAM: Securing your Infrastructure”)."],
  };
}
