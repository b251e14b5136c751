/**
 * The contract of a check's folder, on findings as the checks really emit them (the curated
 * sandbox organization through the real collectors): every finding's evidence matches its
 * check's schema or is the shared "could not judge" evidence; the check's view reads it in
 * words, with no field names or internal codes; its remediation reads it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { isUnknownEvidence } from "./evidence/unknown";
import { CHECKS } from "./registry";
import { renderedText, remediationTarget } from "./testing/check-folder";
import { allSandboxFindings } from "./testing/sandbox-findings";
import type { Finding } from "./types";

/** A code identifier: camelCase, snake_case, or a dotted key (`iam.credentialReport`). */
export const CODE_IDENTIFIER = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z0-9]+_[a-z0-9_]+\b|\b[a-z]+\.[a-z]+[A-Z][A-Za-z]*\b/;

let findings: Finding[] = [];

beforeAll(async () => {
  findings = (await allSandboxFindings()).map((entry) => entry.finding);
}, 120_000);

const foldered = CHECKS.filter((check) => check.evidenceSchema);

describe.each(foldered.map((check) => [check.id, check] as const))("%s, in its folder", (checkId, check) => {
  const own = () => findings.filter((finding) => finding.checkId === checkId);

  it("is judged in the sandbox", () => {
    expect(own().length).toBeGreaterThan(0);
  });

  it("writes evidence its schema accepts (or the shared evidence of what could not be read)", () => {
    const rejected = own().filter((finding) => !isUnknownEvidence(finding.evidence) && !check.evidenceSchema!.safeParse(finding.evidence).success);
    expect(rejected.map((finding) => finding.resourceId)).toEqual([]);
  });

  it("reads every finding's evidence in words a person reads", () => {
    for (const finding of own()) {
      const blocks = check.describeEvidence!(finding.evidence);
      expect(blocks, finding.resourceId).toBeDefined();
      expect(blocks!.length, finding.resourceId).toBeGreaterThan(0);
      expect(renderedText(blocks!), finding.resourceId).not.toMatch(CODE_IDENTIFIER);
    }
  });

  it("gives every failing finding remediation steps", () => {
    for (const finding of own().filter((item) => item.status === "fail")) {
      const steps = check.remediation!(remediationTarget(finding));
      expect(steps.summary.length, finding.resourceId).toBeGreaterThan(10);
    }
  });
});
