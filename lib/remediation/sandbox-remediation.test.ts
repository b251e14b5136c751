/**
 * Remediation on targets the checks really emit: every failing finding of the curated sandbox
 * organization, collected through the real collectors — including staging-web, whose resources
 * carry hostile names (markup, quotes, shell and spreadsheet syntax). Each gets a why, a summary,
 * console steps, and commands bash reads word for word as built.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CHECKS } from "@/lib/checks/registry";
import { remediationTarget } from "@/lib/checks/testing/check-folder";
import { allSandboxFindings } from "@/lib/checks/testing/sandbox-findings";
import type { Finding } from "@/lib/checks/types";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { remediationFor } from "./catalogue";
import { expectedWords, wordsAsBashSeesThem } from "./testing/bash-words";

let failing: Array<{ account: string; finding: Finding }> = [];

beforeAll(async () => {
  failing = (await allSandboxFindings()).filter((entry) => entry.finding.status === "fail");
}, 120_000);

describe("remediation of the sandbox's failing findings", () => {
  it("covers failures of every check", () => {
    const failingChecks = new Set(failing.map((entry) => entry.finding.checkId));
    expect(CHECKS.map((check) => check.id).filter((id) => !failingChecks.has(id))).toEqual([]);
  });

  it.each(CHECKS.map((check) => [check.id, check] as const))("gives every failing %s finding a why, a summary and console steps", (checkId, check) => {
    for (const { finding } of failing.filter((entry) => entry.finding.checkId === checkId)) {
      const remediation = remediationFor(remediationTarget(finding))!;
      expect(remediation.why).toBe(check.why);
      expect(remediation.summary.length, finding.resourceId).toBeGreaterThan(10);
      expect(remediation.console.length, finding.resourceId).toBeGreaterThan(0);
    }
  });

  it("quotes the hostile names of staging-web so bash reads every word of every command as built", () => {
    const staging = failing.filter((entry) => entry.finding.resourceId.includes(CURATED_ACCOUNT_IDS.stagingWeb) || entry.account === "staging-web");
    expect(staging.length).toBeGreaterThan(5);
    for (const { finding } of staging) {
      const commands = remediationFor(remediationTarget(finding, CURATED_ACCOUNT_IDS.stagingWeb))!.commands;
      expect(wordsAsBashSeesThem(commands), `${finding.checkId} ${finding.resourceId}`).toEqual(commands.map(expectedWords));
    }
  });
});
