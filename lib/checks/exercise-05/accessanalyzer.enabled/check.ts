/**
 * Exercise 5 (CIS 1.20): IAM Access Analyzer watches for external access in every enabled region,
 * so a policy that shares a resource outside the account is reported as soon as it is written.
 */
import { defineCheck } from "../../define-check";
import type { UnknownEvidence } from "../../evidence/unknown";
import { makeFinding, unknownForRegion } from "../../findings";
import { isSkipped, regionalParts } from "../../part-access";
import type { Finding } from "../../types";
import { accessAnalyzerEvidenceSchema, isActiveExternalAccess, type AccessAnalyzerEvidence } from "./evidence";
import { describeAccessAnalyzer } from "./evidence-view";
import { createAnalyzerSteps } from "./remediation";

export const accessAnalyzerEnabled = defineCheck({
  id: "accessanalyzer.enabled",
  exercise: 5,
  title: "IAM Access Analyzer is active in every enabled region",
  severity: "medium",
  cis: ["1.20"],
  why: "Access Analyzer reports resources shared outside the account or organization as soon as a policy allows it, which keeps grants as small as intended.",
  evidence: accessAnalyzerEvidenceSchema,
  describeEvidence: describeAccessAnalyzer,
  remediation: createAnalyzerSteps,
  evaluate(snapshot, _thresholds, check) {
    return regionalParts(snapshot, "accessanalyzer.analyzers").flatMap((entry): Array<Finding<AccessAnalyzerEvidence> | Finding<UnknownEvidence>> => {
      if (isSkipped(entry)) return [];
      const resource = { resourceId: `arn:aws:access-analyzer:${entry.region}:${snapshot.accountId}:analyzers`, resourceType: "region" as const };
      if (!entry.available) return [unknownForRegion(check, entry.region, [entry.unavailable], resource)];
      const analyzers = entry.data
        .map((analyzer) => ({ name: analyzer.name, type: analyzer.type, status: analyzer.status }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const active = analyzers.filter(isActiveExternalAccess);
      return [
        makeFinding(check, {
          ...resource,
          resourceName: entry.region,
          region: entry.region,
          status: active.length > 0 ? "pass" : "fail",
          evidence: { region: entry.region, analyzers },
          reason:
            active.length > 0
              ? `Access Analyzer ${active.map((analyzer) => analyzer.name).join(", ")} is active in ${entry.region}.`
              : `No active external-access analyzer in ${entry.region}${analyzers.length ? ` (found: ${analyzers.map((a) => `${a.name} ${a.type} ${a.status}`).join(", ")})` : ""}.`,
        }),
      ];
    });
  },
});
