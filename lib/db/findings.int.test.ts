import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseFindingsSearchParams } from "@/lib/scorecard/search-params";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { getEvidence, getFindingEvidence, getResourceHistory, iterateFindings, listFindings, summarizeExerciseChecks } from "./findings";
import { clearScorecardTables, insertAccount, insertFinding, insertRun } from "./scorecard-test-factories";

describe("findings read model", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(clearScorecardTables);

  async function seedOrganization() {
    const run = await insertRun();
    const prod = await insertAccount({ name: "Prod" });
    const dev = await insertAccount({ name: "Dev" });
    await insertFinding({ accountId: prod.id, checkId: "root.access-keys", exercise: 1, resourceType: "root", resourceName: "<root_account>", severity: "critical", firstRunId: run });
    await insertFinding({ accountId: prod.id, checkId: "users.console-mfa", resourceName: "alice", severity: "high", firstRunId: run });
    await insertFinding({ accountId: prod.id, checkId: "users.console-mfa", resourceName: "bob", status: "pass", firstRunId: run });
    await insertFinding({ accountId: prod.id, checkId: "root.mfa", exercise: 2, resourceType: "root", resourceName: "<root_account>", status: "unknown", severity: "critical", firstRunId: run });
    await insertFinding({ accountId: dev.id, checkId: "users.console-mfa", resourceName: "carol_x", severity: "high", firstRunId: run });
    await insertFinding({ accountId: dev.id, checkId: "sg.admin-ports-open", exercise: 9, resourceType: "security_group", resourceId: "sg-0abc", resourceName: "web", region: "eu-west-1", severity: "high", firstRunId: run });
    return { run, prod, dev };
  }

  const names = (rows: Array<{ resourceName: string }>) => rows.map((row) => row.resourceName);
  const collect = async <T>(batches: AsyncGenerator<T[]>) => {
    const all: T[][] = [];
    for await (const batch of batches) all.push(batch);
    return all;
  };
  const batchesOf = <T>(batches: T[][]) => batches.map((batch) => batch.length);

  it("lists the current failing findings, most severe first, then by account and check, by default", async () => {
    await seedOrganization();
    const page = await listFindings(parseFindingsSearchParams({}));
    expect(page.rows.map((row) => [row.severity, row.resourceName])).toEqual([
      ["critical", "<root_account>"],
      ["high", "web"],
      ["high", "carol_x"],
      ["high", "alice"],
    ]);
    expect(page.total).toBe(4);
  });

  it("iterates every matching finding in the page's order, in batches, for exports", async () => {
    await seedOrganization();
    for (const params of [{ status: "all" }, { status: "all", sort: "resource", dir: "desc" }, { exercise: "2" }]) {
      const query = parseFindingsSearchParams(params);
      const batches: string[][] = [];
      for await (const batch of iterateFindings(query, 2)) batches.push(names(batch));
      const all = await listFindings({ ...query, page: 1, pageSize: 100 });
      expect(batches.flat()).toEqual(names(all.rows));
      expect(batches.every((batch) => batch.length <= 2)).toBe(true);
    }
    expect(batchesOf(await collect(iterateFindings(parseFindingsSearchParams({ q: "nobody" }), 2)))).toEqual([]);
  });

  it.each([
    [{ account: "prod" }, ["<root_account>", "alice"]],
    [{ exercise: "2" }, ["carol_x", "alice"]],
    [{ check: "sg.admin-ports-open" }, ["web"]],
    [{ status: "unknown" }, ["<root_account>"]],
    [{ status: "pass" }, ["bob"]],
    [{ severity: "critical" }, ["<root_account>"]],
    [{ type: "security_group" }, ["web"]],
    [{ q: "carol_" }, ["carol_x"]],
    [{ q: "sg-0ab" }, ["web"]],
    [{ q: "Dev" }, ["carol_x", "web"]],
  ])("filters by %o", async (params: Record<string, string>, expected) => {
    const { prod } = await seedOrganization();
    const resolved = params.account === "prod" ? { ...params, account: prod.awsAccountId } : params;
    const page = await listFindings(parseFindingsSearchParams(resolved));
    expect(names(page.rows).sort()).toEqual([...expected].sort());
    expect(page.total).toBe(expected.length);
  });

  it("counts the same from the read model of open findings as from the findings themselves", async () => {
    const { run, prod } = await seedOrganization();
    const later = await insertRun();
    // Closed: history, not the current state, so no current count includes it.
    await insertFinding({ accountId: prod.id, checkId: "users.console-mfa", resourceName: "dave", severity: "high", firstRunId: run, closedRunId: later });
    for (const params of [{}, { status: "all" }, { exercise: "2", severity: "high" }, { check: "users.console-mfa", status: "all" }, { account: prod.awsAccountId, status: "all" }]) {
      const counted = await listFindings(parseFindingsSearchParams(params));
      // As of the latest run (the same state) the count visits the findings themselves.
      const visited = await listFindings(parseFindingsSearchParams({ ...params, run: String(later) }));
      expect(counted.total).toBe(visited.total);
      expect(counted.total).toBe(counted.rows.length);
    }
  });

  it("returns every status when asked for all", async () => {
    await seedOrganization();
    expect((await listFindings(parseFindingsSearchParams({ status: "all" }))).total).toBe(6);
  });

  it.each([
    ["resource", "asc", ["<root_account>", "alice", "carol_x", "web"]],
    ["resource", "desc", ["web", "carol_x", "alice", "<root_account>"]],
    ["account", "asc", ["web", "carol_x", "<root_account>", "alice"]],
  ])("sorts by %s %s", async (sort, dir, expected) => {
    await seedOrganization();
    expect(names((await listFindings(parseFindingsSearchParams({ sort, dir }))).rows)).toEqual(expected);
  });

  it("pages without overlap and reports the page count", async () => {
    const run = await insertRun();
    const account = await insertAccount();
    for (let index = 0; index < 60; index += 1) {
      await insertFinding({ accountId: account.id, resourceName: `user-${String(index).padStart(2, "0")}`, firstRunId: run });
    }
    const query = (page: number) => parseFindingsSearchParams({ page: String(page), size: "25", sort: "resource" });
    const pages = await Promise.all([1, 2, 3].map((page) => listFindings(query(page))));
    expect(pages.map((page) => page.rows.length)).toEqual([25, 25, 10]);
    expect(pages[0]).toMatchObject({ total: 60, pageCount: 3 });
    expect(pages[2]!.rows.at(-1)!.resourceName).toBe("user-59");
    expect(new Set(pages.flatMap((page) => names(page.rows))).size).toBe(60);
  });

  it("reads the state as of a run from the intervals: opened at or before it, closed after it", async () => {
    const [r1, r2, r3] = [await insertRun(), await insertRun(), await insertRun()];
    const account = await insertAccount();
    await insertFinding({ accountId: account.id, resourceName: "fixed-in-r2", firstRunId: r1, closedRunId: r2 });
    await insertFinding({ accountId: account.id, resourceName: "pass-since-r2", status: "pass", firstRunId: r2 });
    await insertFinding({ accountId: account.id, resourceName: "failing-since-r1", firstRunId: r1 });
    await insertFinding({ accountId: account.id, resourceName: "new-in-r3", firstRunId: r3 });
    const asOf = async (run?: bigint) =>
      names((await listFindings(parseFindingsSearchParams({ status: "all", sort: "resource", ...(run ? { run: run.toString() } : {}) }))).rows);
    expect(await asOf(r1)).toEqual(["failing-since-r1", "fixed-in-r2"]);
    expect(await asOf(r2)).toEqual(["failing-since-r1", "pass-since-r2"]);
    expect(await asOf(r3)).toEqual(["failing-since-r1", "new-in-r3", "pass-since-r2"]);
    expect(await asOf()).toEqual(await asOf(r3));
  });

  it("leaves removed accounts' findings out", async () => {
    const run = await insertRun();
    const gone = await insertAccount({ removed: true });
    await insertFinding({ accountId: gone.id, firstRunId: run });
    expect((await listFindings(parseFindingsSearchParams({}))).total).toBe(0);
  });

  it("fetches the evidence of a page by hash", async () => {
    const run = await insertRun();
    const account = await insertAccount();
    const evidence = { row: { user: "<img src=x onerror=alert(1)>", mfa_active: false } };
    await insertFinding({ accountId: account.id, evidence, firstRunId: run });
    const page = await listFindings(parseFindingsSearchParams({}));
    const blobs = await getEvidence(page.rows);
    expect(blobs.get(page.rows[0]!.evidenceHash)).toEqual(evidence);
  });

  it("fetches one finding's check and evidence by id, for a row opened in the browser", async () => {
    const run = await insertRun();
    const account = await insertAccount();
    const gone = await insertAccount({ removed: true });
    const evidence = { row: { user: "alice", mfa_active: false } };
    const id = await insertFinding({ accountId: account.id, checkId: "users.console-mfa", evidence, firstRunId: run });
    const removed = await insertFinding({ accountId: gone.id, evidence, firstRunId: run });
    expect(await getFindingEvidence(id)).toEqual({ checkId: "users.console-mfa", evidence });
    expect(await getFindingEvidence(removed)).toBeUndefined();
    expect(await getFindingEvidence(id + 1000n)).toBeUndefined();
  });

  it("counts statuses per check of an exercise, over all accounts or one", async () => {
    const { dev } = await seedOrganization();
    expect(await summarizeExerciseChecks(2)).toEqual([
      { checkId: "root.mfa", pass: 0, fail: 0, unknown: 1, notApplicable: 0, accountsFailing: 0 },
      { checkId: "users.console-mfa", pass: 1, fail: 2, unknown: 0, notApplicable: 0, accountsFailing: 2 },
    ]);
    expect(await summarizeExerciseChecks(2, dev.awsAccountId)).toEqual([
      { checkId: "users.console-mfa", pass: 0, fail: 1, unknown: 0, notApplicable: 0, accountsFailing: 1 },
    ]);
  });

  it("gathers a resource's history across checks and runs, including its access keys, current first", async () => {
    const [r1, r2] = [await insertRun(), await insertRun()];
    const account = await insertAccount({ awsAccountId: "123456789012" });
    const user = "arn:aws:iam::123456789012:user/a_b";
    await insertFinding({ accountId: account.id, resourceId: user, checkId: "users.console-mfa", firstRunId: r1, closedRunId: r2 });
    await insertFinding({ accountId: account.id, resourceId: user, checkId: "users.console-mfa", status: "pass", firstRunId: r2 });
    await insertFinding({ accountId: account.id, resourceId: `${user}#access_key_1`, checkId: "keys.rotated", exercise: 6, resourceType: "access_key", firstRunId: r1 });
    // A `_` in the id must not act as a LIKE wildcard.
    await insertFinding({ accountId: account.id, resourceId: "arn:aws:iam::123456789012:user/axb#access_key_1", checkId: "keys.rotated", firstRunId: r1 });
    const history = await getResourceHistory(account.awsAccountId, user);
    expect(history.intervals.map((row) => [row.checkId, row.status, row.closedRunId === null])).toEqual([
      ["users.console-mfa", "pass", true],
      ["keys.rotated", "fail", true],
      ["users.console-mfa", "fail", false],
    ]);
    expect(history.truncated).toBe(false);
  });
});
