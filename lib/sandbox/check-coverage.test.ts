/**
 * The curated accounts are designed so that every check in CHECKS.md passes in some account and
 * fails in another. This drives the real collectors (lib/aws, lib/collect) through the plugin
 * and evaluates the real check catalogue (lib/checks) on what they stored.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sandboxFindings } from "@/lib/checks/testing/sandbox-findings";
import { CHECKS } from "@/lib/checks/registry";
import type { Finding } from "@/lib/checks/types";

let findingsByAccount = new Map<string, Finding[]>();
let assumeRoleFailures: string[] = [];

beforeAll(async () => {
  ({ findingsByAccount, assumeRoleFailures } = await sandboxFindings());
}, 120_000);

describe("the curated organization, collected and evaluated end to end", () => {
  it("cannot assume only the partner account's role", () => {
    expect(assumeRoleFailures).toEqual(["partner-integration"]);
  });

  it.each(CHECKS.map((check) => [check.id]))("%s passes in some account and fails in another", (checkId) => {
    const outcomes = { pass: new Set<string>(), fail: new Set<string>() };
    for (const [account, findings] of findingsByAccount) {
      for (const finding of findings) {
        if (finding.checkId !== checkId) continue;
        if (finding.status === "pass") outcomes.pass.add(account);
        if (finding.status === "fail") outcomes.fail.add(account);
      }
    }
    expect({ checkId, passesSomewhere: outcomes.pass.size > 0, failsSomewhere: outcomes.fail.size > 0 }).toEqual({
      checkId,
      passesSomewhere: true,
      failsSomewhere: true,
    });
  });

  it("passes the root checks of the account whose root credentials the organization manages centrally", () => {
    const root = findingsByAccount.get("staging-web")?.filter((finding) => finding.checkId.startsWith("root.")) ?? [];
    expect(root.map((finding) => [finding.checkId, finding.status])).toEqual([
      ["root.access-keys", "pass"],
      ["root.recent-use", "pass"],
      ["root.mfa", "pass"],
      ["root.hardware-mfa", "pass"],
    ]);
    for (const finding of root) {
      expect(finding.reason).toContain("manages member accounts' root credentials centrally");
      expect(finding.evidence).toMatchObject({ centralRootAccess: { enabledFeatures: expect.arrayContaining(["RootCredentialsManagement"]) } });
    }
  });

  it("collects every part of the well-run accounts without errors", () => {
    for (const account of ["security-tooling", "prod-payments"]) {
      const unknown = findingsByAccount.get(account)?.filter((finding) => finding.status === "unknown") ?? [];
      expect(unknown.map((finding) => `${finding.checkId}: ${finding.reason}`), account).toEqual([]);
    }
  });
});
