import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiScorecardSchema } from "@/lib/api/scorecard-json";
import { apiFindingSchema } from "@/lib/api/finding-json";
import { insertAccount, insertAccountScore, insertFinding, insertOrgScore, insertRun } from "@/lib/db/scorecard-test-factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { cli } from "../testing/run-cli";

describe("iamfit scorecard | findings", () => {
  let database: TestDatabase;
  let prod: { id: string; awsAccountId: string };
  let dev: { id: string; awsAccountId: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    const run = await insertRun();
    prod = await insertAccount({ name: "prod" });
    dev = await insertAccount({ name: "\u001b[31mdev" });
    await insertAccountScore({ accountId: prod.id, runId: run, score: 61, exerciseScores: [40, 50, 60, 70, 80, 90, 100, 30, 20, null] });
    await insertAccountScore({ accountId: dev.id, runId: run, score: 95 });
    await insertOrgScore({ runId: run, score: 78, accountsAssessed: 2 });
    await insertFinding({ accountId: prod.id, checkId: "root.access-keys", exercise: 1, resourceType: "root", resourceId: `arn:aws:iam::${prod.awsAccountId}:root`, resourceName: "<root_account>", severity: "critical", firstRunId: run });
    await insertFinding({ accountId: prod.id, checkId: "groups.unused", exercise: 6, resourceType: "group", resourceName: '=HYPERLINK("http://x")', severity: "low", firstRunId: run });
    await insertFinding({ accountId: dev.id, checkId: "users.console-mfa", resourceName: "bob", severity: "high", firstRunId: run });
    await insertFinding({ accountId: dev.id, checkId: "users.console-mfa", resourceName: "carol", status: "pass", firstRunId: run });
  });
  afterAll(async () => database?.drop());

  it("scorecard --format json prints the API's scorecard shape", async () => {
    const { code, stdout } = await cli(["scorecard", "--format", "json"]);
    expect(code).toBe(0);
    const scorecard = apiScorecardSchema.parse(JSON.parse(stdout));
    expect(scorecard.organization.score).toBe(78);
    const prodScore = scorecard.accounts.find((account) => account.accountId === prod.awsAccountId)!;
    expect(prodScore).toMatchObject({ score: 61, name: "prod" });
    expect(prodScore.exercises[0]).toMatchObject({ exercise: 1, score: 40, passed: 40, failed: 60, unknown: 0 });
  });

  it("scorecard prints an aligned table, control characters of names made visible", async () => {
    const { code, stdout } = await cli(["scorecard"]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ACCOUNT\s+NAME\s+SCORE\s+E1\s+E2 .*E10\s+PASSED\s+FAILED\s+UNKNOWN$/);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${prod.awsAccountId}\\s+prod\\s+61\\s+40\\s+50\\s+60\\s+70\\s+80\\s+90\\s+100\\s+30\\s+20\\s+–\\s+10\\s+5\\s+0$`)));
    expect(stdout).toContain("\\x1b[31mdev");
    expect(stdout).not.toContain("\u001b");
    expect(lines.at(-1)).toMatch(/^organization\s+2 of 2 assessed\s+78\s/);
    // Aligned: every row's SCORE column starts where the header's does.
    const scoreColumn = lines[0]!.indexOf("SCORE");
    for (const line of lines.slice(1)) expect(line.slice(scoreColumn - 2, scoreColumn)).toBe("  ");
  });

  it("findings --format json prints every matching finding in the API's shape", async () => {
    const { code, stdout } = await cli(["findings", "--format", "json", "--status", "fail", "--account", prod.awsAccountId]);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as { generatedAt: string; findings: unknown[] };
    const findings = document.findings.map((finding) => apiFindingSchema.parse(finding));
    expect(findings.map((finding) => [finding.accountId, finding.exercise, finding.checkId, finding.severity, finding.status])).toEqual([
      [prod.awsAccountId, 1, "root.access-keys", "critical", "fail"],
      [prod.awsAccountId, 6, "groups.unused", "low", "fail"],
    ]);
    expect(findings[0]).toMatchObject({ resource: `arn:aws:iam::${prod.awsAccountId}:root`, evidence: { fact: "test" } });
  });

  it("findings --format csv writes the export's columns, formula names neutralised", async () => {
    const { code, stdout } = await cli(["findings", "--format", "csv", "--exercise", "6"]);
    expect(code).toBe(0);
    const [header, ...rows] = parse(stdout) as string[][];
    expect(header!.slice(0, 7)).toEqual(["account_id", "account_name", "exercise", "check_id", "check", "status", "severity"]);
    expect(rows).toHaveLength(1);
    expect(rows[0]![header!.indexOf("resource_name")]).toBe(`'=HYPERLINK("http://x")`);
  });

  it.each([
    [["findings", "--severity", "high"], ["bob", "carol"]],
    [["findings", "--severity", "high", "--status", "fail"], ["bob"]],
    [["findings", "--status", "pass"], ["carol"]],
    [["findings", "--exercise", "1"], ["<root_account>"]],
  ])("findings %j filters the table", async (args, names) => {
    const { code, stdout } = await cli(args);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ACCOUNT\s+EXERCISE\s+SEVERITY\s+STATUS\s+CHECK\s+RESOURCE$/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/)[5]!.split(" (")[0])).toEqual(names);
  });

  it.each([
    [["findings", "--fail-on", "critical"], 1, "1 failing finding at or above critical (1 critical)"],
    [["findings", "--fail-on", "high", "--account", "DEV"], 1, "1 failing finding at or above high (1 high)"],
    [["findings", "--fail-on", "medium", "--exercise", "6"], 0, undefined],
    [["findings", "--fail-on", "low", "--exercise", "6"], 1, "1 failing finding at or above low (1 low)"],
    [["scorecard", "--fail-on", "high", "--account", "DEV"], 1, "1 failing finding at or above high (1 high)"],
    [["scorecard", "--fail-on", "critical", "--account", "DEV"], 0, undefined],
  ])("%j exits %i", async (args, expectedCode, message) => {
    const resolved = args.map((arg) => (arg === "DEV" ? dev.awsAccountId : arg));
    const { code, stderr } = await cli(resolved);
    expect(code).toBe(expectedCode);
    if (message) expect(stderr).toContain(`iamfit: ${message}`);
    else expect(stderr).toBe("");
  });

  it.each([
    [["findings", "--exercise", "11"], "--exercise"],
    [["findings", "--account", "12"], "--account"],
    [["findings", "--format", "xml"], "--format"],
    [["findings", "--fail-on", "urgent"], "--fail-on"],
    [["scorecard", "--format", "csv"], "--format"],
  ])("%j is bad usage: exit 2 naming %s", async (args, flag) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(flag);
  });
});
