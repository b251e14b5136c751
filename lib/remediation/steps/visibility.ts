/**
 * Exercise 5's visibility checks: IAM Access Analyzer in every enabled region, and a
 * multi-region CloudTrail trail (seed 004: "it takes a few clicks … Just do it!").
 */
import type { RemediationBuilder } from "../content";
import { assignVariable, aws, shellVariable } from "../shell";
import { quotedString } from "./snippet-strings";
import { evidenceArray, evidenceRecord, regionOf } from "./target-names";

const ANALYZER_NAME = "iamfit-external-access";

export const accessAnalyzerEnabled: RemediationBuilder = (target) => {
  const region = regionOf(target);
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
};

function trailName(trailArn: string): string {
  return trailArn.slice(trailArn.lastIndexOf("/") + 1);
}

export const cloudtrailMultiRegion: RemediationBuilder = (target) => {
  const trails = evidenceArray(target.evidence, "trails").map((trail) => evidenceRecord(trail));
  const multiRegion = trails.find((trail) => trail.isMultiRegionTrail === true && typeof trail.trailArn === "string");
  const singleRegion = trails.find((trail) => trail.isMultiRegionTrail === false && typeof trail.trailArn === "string");
  const existing = multiRegion ?? singleRegion;
  const existingName = existing ? trailName(existing.trailArn as string) : undefined;
  const home = existing && typeof existing.homeRegion === "string" ? existing.homeRegion : "us-east-1";
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
};
