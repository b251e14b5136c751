/**
 * Exercise 7, "Use IAM Roles with STS AssumeRole Where Possible": version 1 tokens from the
 * global endpoint are rejected in opt-in regions.
 */
import { defineCheck } from "../../define-check";
import { makeFinding, unknownForAccount } from "../../findings";
import { globalPart } from "../../part-access";
import { describeGlobalToken } from "./evidence-view";
import { globalTokenEvidenceSchema, type GlobalTokenEvidence } from "./evidence";
import { globalTokenV2Steps } from "./remediation";

export const stsGlobalTokenV2 = defineCheck({
  id: "sts.global-token-v2",
  exercise: 7,
  title: "The global STS endpoint issues tokens valid in opt-in regions",
  severity: "low",
  why: "Version 1 tokens from the global endpoint are rejected in opt-in regions, which pushes people to workarounds such as long-lived keys; accounts using opt-in regions need version 2.",
  evidence: globalTokenEvidenceSchema,
  describeEvidence: describeGlobalToken,
  remediation: globalTokenV2Steps,
  evaluate(snapshot, _thresholds, check) {
    const summary = globalPart(snapshot, "iam.accountSummary");
    const regions = globalPart(snapshot, "ec2.regions");
    if (!summary.available || !regions.available) {
      return [unknownForAccount(check, snapshot, [summary, regions].flatMap((part) => (part.available ? [] : [part.unavailable])))];
    }
    const optedIn = regions.data.filter((region) => region.optInStatus === "opted-in").map((region) => region.regionName).sort();
    const version = summary.data.GlobalEndpointTokenVersion;
    const evidence: GlobalTokenEvidence = { GlobalEndpointTokenVersion: version ?? null, optedInRegions: optedIn };
    const base = {
      resourceId: `arn:aws:sts::${snapshot.accountId}:global-endpoint`,
      resourceType: "account" as const,
      resourceName: "global STS endpoint",
      evidence,
    };
    const statusUnknown = regions.data.filter((region) => region.optInStatus === undefined).map((region) => region.regionName).sort();
    if (optedIn.length === 0 && statusUnknown.length > 0) {
      return [
        makeFinding(check, {
          ...base,
          evidence: { ...evidence, regionsWithoutOptInStatus: statusUnknown },
          status: "unknown",
          reason: `DescribeRegions did not say whether ${statusUnknown.join(", ")} are opt-in regions.`,
        }),
      ];
    }
    if (optedIn.length === 0) {
      return [makeFinding(check, { ...base, status: "not_applicable", reason: "No opt-in region is enabled, so version 1 tokens work everywhere the account runs." })];
    }
    if (version === undefined) {
      return [makeFinding(check, { ...base, status: "unknown", reason: "GetAccountSummary did not report GlobalEndpointTokenVersion." })];
    }
    return [
      makeFinding(check, {
        ...base,
        status: version >= 2 ? "pass" : "fail",
        reason:
          version >= 2
            ? `The global endpoint issues version ${version} tokens, valid in the opt-in regions ${optedIn.join(", ")}.`
            : `The global endpoint issues version 1 tokens, which ${optedIn.join(", ")} reject.`,
      }),
    ];
  },
});
