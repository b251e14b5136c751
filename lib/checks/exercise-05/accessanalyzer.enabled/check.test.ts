import { describe, expect, it } from "vitest";
import { renderCliCommand } from "@/lib/remediation/shell";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { run, statuses } from "../../testing/run-check";
import { analyzer, failed, ok, regional, skipped, snapshot } from "../../testing/snapshot-factory";
import { accessAnalyzerEnabled } from "./check";

describe("accessanalyzer.enabled", () => {
  it("judges each enabled region and skips disabled ones", () => {
    const findings = run(
      accessAnalyzerEnabled,
      snapshot(
        {
          [regional("accessanalyzer.analyzers", "eu-west-1")]: ok([analyzer("account", "eu-west-1")]),
          [regional("accessanalyzer.analyzers", "us-east-1")]: ok([analyzer("unused", "us-east-1", { type: "ACCOUNT_UNUSED_ACCESS" })]),
          [regional("accessanalyzer.analyzers", "us-west-2")]: ok([analyzer("org", "us-west-2", { type: "ORGANIZATION", status: "DISABLED" })]),
          [regional("accessanalyzer.analyzers", "eu-south-1")]: failed("access-analyzer:ListAnalyzers", "AccessDeniedException"),
          [regional("accessanalyzer.analyzers", "ap-east-1")]: skipped(),
        },
        ["eu-south-1", "eu-west-1", "us-east-1", "us-west-2"],
      ),
    );
    expect(statuses(findings)).toEqual([
      ["eu-south-1", "unknown"],
      ["eu-west-1", "pass"],
      ["us-east-1", "fail"],
      ["us-west-2", "fail"],
    ]);
    expect(findings[1]?.resourceId).toBe("arn:aws:access-analyzer:eu-west-1:111122223333:analyzers");
    expect(findings[0]?.resourceId).toBe("arn:aws:access-analyzer:eu-south-1:111122223333:analyzers");
  });
});

describe("accessanalyzer.enabled view and remediation", () => {
  const findings = () =>
    run(
      accessAnalyzerEnabled,
      snapshot({ [regional("accessanalyzer.analyzers", "us-east-1")]: ok([analyzer("unused", "us-east-1", { type: "ACCOUNT_UNUSED_ACCESS" })]) }, ["us-east-1"]),
    );

  it("says in words what each analyzer looks for, marking that none watches external access", () => {
    const blocks = accessAnalyzerEnabled.describeEvidence?.(findings()[0]!.evidence) ?? [];
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Region",
        rows: [
          { label: "Region", value: "us-east-1", verbatim: true },
          { label: "Active external-access analyzer", value: "none", mark: true },
        ],
      },
      {
        kind: "table",
        title: "Analyzers found",
        columns: ["Analyzer", "Looks for", "Status"],
        rows: [[{ text: "unused", verbatim: true }, "unused access (does not look for external access)", { text: "ACTIVE", verbatim: true, mark: true }]],
      },
    ]);
    expect(renderedText(blocks)).not.toMatch(/ACCOUNT_UNUSED_ACCESS/);
  });

  it("creates the analyzer in the region of the typed evidence", () => {
    const steps = accessAnalyzerEnabled.remediation?.({ ...remediationTarget(findings()[0]!), region: null });
    expect(steps?.commands.map(renderCliCommand)).toContain("aws accessanalyzer create-analyzer --region us-east-1 --analyzer-name iamfit-external-access --type ACCOUNT");
  });
});
