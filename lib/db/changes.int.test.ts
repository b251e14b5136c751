import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseChangesSearchParams } from "@/lib/scorecard/search-params";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { listChanges, listComparableRuns, resolveChangeWindow, summarizeChanges, type ChangeWindow } from "./changes";
import { clearScorecardTables, insertAccount, insertAccountScore, insertFinding, insertRun } from "./scorecard-test-factories";

const DAY = 86_400_000;
const NOW = new Date("2026-03-20T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describe("changes between two runs", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(clearScorecardTables);

  /**
   * Run 1 ten days ago (the baseline of a 7-day window), run 2 three days ago, run 3 now.
   * Each resource name says what happened to its (check, resource) over the window.
   */
  async function seedHistory() {
    const r1 = await insertRun({ createdAt: daysAgo(10) });
    const r2 = await insertRun({ createdAt: daysAgo(3) });
    const r3 = await insertRun({ createdAt: NOW });
    const prod = await insertAccount({ name: "Prod" });
    const fresh = await insertAccount({ name: "Fresh" });
    for (const run of [r1, r2, r3]) await insertAccountScore({ accountId: prod.id, runId: run, score: 50 });
    await insertAccountScore({ accountId: fresh.id, runId: r3, score: 50 });
    const f = (fields: Omit<Parameters<typeof insertFinding>[0], "accountId">) => insertFinding({ accountId: prod.id, ...fields });
    // Got worse: passed, then failed.
    await f({ resourceName: "pass-then-fail", status: "pass", firstRunId: r1, closedRunId: r2, closedAt: daysAgo(3) });
    await f({ resourceName: "pass-then-fail", firstRunId: r2, firstSeenAt: daysAgo(3) });
    // Got worse: did not exist before.
    await f({ resourceName: "new-failure", severity: "critical", firstRunId: r3, firstSeenAt: NOW });
    // Got worse: was unknown.
    await f({ resourceName: "unknown-then-fail", status: "unknown", firstRunId: r1, closedRunId: r3, closedAt: NOW });
    await f({ resourceName: "unknown-then-fail", firstRunId: r3, firstSeenAt: NOW });
    // Not a change: failed throughout, only its evidence changed.
    await f({ resourceName: "fail-evidence-changed", firstRunId: r1, closedRunId: r2, closedAt: daysAgo(3) });
    await f({ resourceName: "fail-evidence-changed", evidence: { v: 2 }, firstRunId: r2, firstSeenAt: daysAgo(3) });
    // Fixed: failed, then passed.
    await f({ resourceName: "fail-then-pass", firstRunId: r1, closedRunId: r2, closedAt: daysAgo(3) });
    await f({ resourceName: "fail-then-pass", status: "pass", firstRunId: r2, firstSeenAt: daysAgo(3) });
    // Fixed: the resource disappeared.
    await f({ resourceName: "fail-then-gone", firstRunId: r1, closedRunId: r3, closedAt: NOW });
    // Not fixed: failing became unknown.
    await f({ resourceName: "fail-then-unknown", firstRunId: r1, closedRunId: r3, closedAt: NOW });
    await f({ resourceName: "fail-then-unknown", status: "unknown", firstRunId: r3, firstSeenAt: NOW });
    // Not fixed: failed, passed, failed again inside the window.
    await f({ resourceName: "flapping", firstRunId: r1, closedRunId: r2, closedAt: daysAgo(3) });
    await f({ resourceName: "flapping", status: "pass", firstRunId: r2, closedRunId: r3, closedAt: NOW });
    await f({ resourceName: "flapping", firstRunId: r3, firstSeenAt: NOW });
    // An account first assessed inside the window: not compared.
    await insertFinding({ accountId: fresh.id, resourceName: "fresh-account-failure", firstRunId: r3, firstSeenAt: NOW });
    return { r1, r2, r3, prod, fresh };
  }

  async function window(params: Record<string, string> = {}): Promise<ChangeWindow> {
    return resolveChangeWindow(parseChangesSearchParams(params), NOW);
  }

  const names = (rows: Array<{ resourceName: string }>) => rows.map((row) => row.resourceName).sort();

  it("compares the latest run with the latest run at least seven days older by default", async () => {
    const { r1, r3 } = await seedHistory();
    expect(await window()).toMatchObject({ from: { runId: r1.toString() }, to: { runId: r3.toString() }, clamped: false });
  });

  it("orders runs by number, not as text, past run 9", async () => {
    for (let index = 0; index < 8; index += 1) await insertRun({ createdAt: daysAgo(40) });
    const { r1, r3 } = await seedHistory();
    expect(r3).toBe(11n);
    expect(await window()).toMatchObject({ from: { runId: r1.toString() }, to: { runId: "11" } });
    expect((await listComparableRuns()).map((run) => run.runId)).toEqual(["11", "10", "9"]);
  });

  it("starts at the first run, and says so, when no run is as old as the window", async () => {
    const { r1, r3 } = await seedHistory();
    expect(await window({ days: "90" })).toMatchObject({ from: { runId: r1.toString() }, to: { runId: r3.toString() }, clamped: true });
  });

  it("uses explicit runs from the URL", async () => {
    const { r2, r3 } = await seedHistory();
    expect(await window({ from: r2.toString(), to: r3.toString() })).toMatchObject({
      from: { runId: r2.toString() },
      to: { runId: r3.toString() },
    });
  });

  it("has nothing to compare without runs", async () => {
    const empty = await window();
    expect(empty).toEqual({ from: null, to: null, clamped: false });
    expect((await listChanges(empty, parseChangesSearchParams({}))).total).toBe(0);
  });

  it("finds what got worse: newly failing, passing or unknown before, never an account first assessed in the window", async () => {
    await seedHistory();
    const changes = await listChanges(await window(), parseChangesSearchParams({ kind: "worse" }));
    expect(names(changes.rows)).toEqual(["new-failure", "pass-then-fail", "unknown-then-fail"]);
    expect(changes.rows[0]).toMatchObject({ resourceName: "new-failure", before: null, after: "fail", kind: "worse" });
    expect(changes.rows.find((row) => row.resourceName === "unknown-then-fail")?.before).toBe("unknown");
  });

  it("finds what got fixed: failing before, passing or gone now, never merely unknown", async () => {
    await seedHistory();
    const changes = await listChanges(await window(), parseChangesSearchParams({ kind: "fixed" }));
    expect(names(changes.rows)).toEqual(["fail-then-gone", "fail-then-pass"]);
    expect(changes.rows.find((row) => row.resourceName === "fail-then-gone")).toMatchObject({ before: "fail", after: null });
    expect(changes.rows.find((row) => row.resourceName === "fail-then-pass")?.after).toBe("pass");
  });

  it("narrows the window to the runs asked for", async () => {
    const { r2, r3 } = await seedHistory();
    const between = await window({ from: r2.toString(), to: r3.toString() });
    const worse = await listChanges(between, parseChangesSearchParams({ kind: "worse" }));
    expect(names(worse.rows)).toEqual(["flapping", "new-failure", "unknown-then-fail"]);
    const fixed = await listChanges(between, parseChangesSearchParams({ kind: "fixed" }));
    expect(names(fixed.rows)).toEqual(["fail-then-gone"]);
  });

  it("summarises per exercise and per account, and counts accounts first assessed in the window", async () => {
    const { prod, r3 } = await seedHistory();
    await insertFinding({ accountId: prod.id, checkId: "root.access-keys", exercise: 1, resourceName: "root", firstRunId: r3 });
    const summary = await summarizeChanges(await window(), {});
    expect(summary).toMatchObject({ worse: 4, fixed: 2, newlyAssessed: 1 });
    expect(summary.byExercise).toEqual([
      { exercise: 1, worse: 1, fixed: 0 },
      { exercise: 2, worse: 3, fixed: 2 },
    ]);
    expect(summary.byAccount).toEqual([{ awsAccountId: prod.awsAccountId, name: "Prod", worse: 4, fixed: 2 }]);
  });

  it("offers the runs that have scores as ends to compare, newest first", async () => {
    const { r1, r2, r3 } = await seedHistory();
    await insertRun();
    expect((await listComparableRuns()).map((run) => run.runId)).toEqual([r3, r2, r1].map(String));
  });

  it("filters changes by account and exercise", async () => {
    const { prod, fresh } = await seedHistory();
    const w = await window();
    expect((await listChanges(w, parseChangesSearchParams({ kind: "worse", account: fresh.awsAccountId }))).total).toBe(0);
    expect((await listChanges(w, parseChangesSearchParams({ kind: "worse", account: prod.awsAccountId, exercise: "2" }))).total).toBe(3);
    expect((await listChanges(w, parseChangesSearchParams({ kind: "worse", exercise: "9" }))).total).toBe(0);
  });
});
