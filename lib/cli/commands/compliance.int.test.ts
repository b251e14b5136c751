/**
 * The compliance view on a real database filled by a real sandbox collection: the CLI's JSON is
 * the pages' data, and every control's status follows from the stored findings.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FindingStatus } from "@/lib/checks/types";
import { CIS_AWS_V3_CONTROLS, controlChecks } from "@/lib/compliance/cis-aws-v3";
import { loadCompliance } from "@/lib/compliance/load";
import type { ComplianceReport } from "@/lib/compliance/report";
import { iterateFindings } from "@/lib/db/findings";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { startSandboxPipeline, type SandboxPipeline } from "@/lib/testing/sandbox-pipeline";
import { cli } from "../testing/run-cli";

const LEGACY = CURATED_ACCOUNT_IDS.legacyMonolith;
const STAGING = CURATED_ACCOUNT_IDS.stagingWeb;
const BASE_URL = "http://localhost:3000";

/** Every current finding's status per account and check, read through the findings list. */
async function currentStatuses(): Promise<Map<string, FindingStatus[]>> {
  const statuses = new Map<string, FindingStatus[]>();
  for await (const rows of iterateFindings({ statuses: [], sort: "severity", dir: "asc", page: 1, pageSize: 500 })) {
    for (const row of rows) {
      const key = `${row.awsAccountId} ${row.checkId}`;
      statuses.set(key, [...(statuses.get(key) ?? []), row.status]);
    }
  }
  return statuses;
}

function withoutTime(report: ComplianceReport): Omit<ComplianceReport, "generatedAt"> {
  const { generatedAt: _generatedAt, ...rest } = report;
  return rest;
}

describe("iamfit compliance --framework cis-aws", () => {
  let database: TestDatabase;
  let pipeline: SandboxPipeline;
  const saved = process.env.IAMFIT_PUBLIC_URL;

  beforeAll(async () => {
    process.env.IAMFIT_PUBLIC_URL = BASE_URL;
    database = await createTestDatabase();
    pipeline = await startSandboxPipeline(database.url, { onlyAccounts: [LEGACY, STAGING] });
    await pipeline.collect();
  }, 180_000);
  afterAll(async () => {
    process.env.IAMFIT_PUBLIC_URL = saved;
    await pipeline?.stop();
    await database?.drop();
  });

  it("--format json lists every control of the chosen sections, and is the organization page's data", async () => {
    const { code, stdout, stderr } = await cli(["compliance", "--framework", "cis-aws", "--format", "json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ComplianceReport;
    expect(report.framework).toEqual({ name: "CIS Amazon Web Services Foundations Benchmark", version: "v3.0.0" });
    expect(report.controls.map((control) => control.id)).toEqual(CIS_AWS_V3_CONTROLS.map((control) => control.id));
    expect(report.accountsAssessed).toBe(2);
    const page = await loadCompliance({ baseUrl: BASE_URL });
    expect(withoutTime(report)).toEqual(withoutTime(JSON.parse(JSON.stringify(page.report)) as ComplianceReport));
  });

  it("each account's control status and counts follow from its current findings", async () => {
    const statuses = await currentStatuses();
    for (const account of [LEGACY, STAGING]) {
      const { stdout } = await cli(["compliance", "--framework", "cis-aws", "--format", "json", "--account", account]);
      const report = JSON.parse(stdout) as ComplianceReport;
      expect(report.scope).toMatchObject({ kind: "account", accountId: account });
      for (const control of report.controls) {
        const checks = controlChecks(control.id);
        if (checks.length === 0) {
          expect(control.status, control.id).toBe("not_assessed");
          continue;
        }
        const found = checks.flatMap((check) => statuses.get(`${account} ${check.id}`) ?? []);
        const fails = found.filter((status) => status === "fail").length;
        const unknowns = found.filter((status) => status === "unknown").length;
        expect(control.findings, `${account} ${control.id}`).toEqual({ fail: fails, unknown: unknowns, pass: found.length - fails - unknowns });
        const anyCheckWithoutFindings = checks.some((check) => !statuses.has(`${account} ${check.id}`));
        const expected = fails > 0 ? "fail" : unknowns > 0 || anyCheckWithoutFindings ? "unknown" : "pass";
        expect(control.status, `${account} ${control.id}`).toBe(expected);
        expect(control.resources, `${account} ${control.id}`).toHaveLength(fails + unknowns);
      }
      const page = await loadCompliance({ account: { awsAccountId: account, name: report.scope.kind === "account" ? report.scope.name : "" }, baseUrl: BASE_URL });
      expect(withoutTime(report)).toEqual(withoutTime(JSON.parse(JSON.stringify(page.report)) as ComplianceReport));
    }
  });

  it("legacy-monolith's root access key fails control 1.4, linked to the root user's findings", async () => {
    const { stdout } = await cli(["compliance", "--framework", "cis-aws", "--format", "json", "--account", LEGACY]);
    const control = (JSON.parse(stdout) as ComplianceReport).controls.find((entry) => entry.id === "1.4")!;
    expect(control.status).toBe("fail");
    expect(control.resources).toEqual([
      expect.objectContaining({
        status: "fail",
        resource: `arn:aws:iam::${LEGACY}:root`,
        link: `${BASE_URL}/accounts/${LEGACY}/resources?id=${encodeURIComponent(`arn:aws:iam::${LEGACY}:root`)}`,
      }),
    ]);
  });

  it("prints a table with every control, the not assessed ones in words", async () => {
    const { code, stdout } = await cli(["compliance", "--framework", "cis-aws", "--account", LEGACY]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`CIS Amazon Web Services Foundations Benchmark v3.0.0: account ${LEGACY} (legacy-monolith); counts are findings.`);
    expect(lines[1]).toMatch(/^CONTROL\s+STATUS\s+FAIL\s+PASS\s+UNKNOWN\s+TITLE$/);
    expect(lines.slice(2, -1)).toHaveLength(CIS_AWS_V3_CONTROLS.length);
    expect(lines).toContainEqual(expect.stringMatching(/^1\.4\s+Fail\s+1\s+0\s+0\s+Ensure no 'root' user account access key exists$/));
    expect(lines).toContainEqual(expect.stringMatching(/^1\.1\s+Not assessed by iamfit\s+–\s+–\s+–\s+Maintain current contact details$/));
    expect(lines.at(-1)).toMatch(/^\d+ fail, \d+ unknown, \d+ pass, 22 not assessed by iamfit\.$/);
  });

  it.each([
    [["compliance", "--format", "json"], 2, "--framework"],
    [["compliance", "--framework", "nist"], 2, "--framework"],
    [["compliance", "--framework", "cis-aws", "--format", "csv"], 2, "--format"],
    [["compliance", "--framework", "cis-aws", "--account", "12"], 2, "--account"],
    [["compliance", "--framework", "cis-aws", "--account", "123456789012"], 1, "not linked"],
  ])("%j exits %i naming %s", async (args, exitCode, text) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(exitCode);
    expect(stderr).toContain(text);
  });
});
