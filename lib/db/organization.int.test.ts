import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { getOrgOverview, getOrgTrend, listAccountsNeedingAttention, listCollectionHealth, listTopProblems } from "./organization";
import { clearScorecardTables, insertAccount, insertAccountScore, insertFinding, insertOrgScore, insertRun } from "./scorecard-test-factories";

const scores = (...values: Array<number | null>) => values;

describe("organization read models", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(clearScorecardTables);

  describe("organization overview", () => {
    it("reports the latest and previous organization scores, the worst accounts and unknowns", async () => {
      const older = await insertRun({ createdAt: new Date("2026-01-01T00:00:00Z") });
      const newer = await insertRun({ createdAt: new Date("2026-01-02T00:00:00Z") });
      const prod = await insertAccount({ name: "Prod" });
      await insertAccount({ name: "never" });
      await insertAccountScore({ accountId: prod.id, runId: newer, score: 60, exerciseUnknownChecks: [1, 1] });
      await insertOrgScore({ runId: older, score: 50 });
      await insertOrgScore({ runId: newer, score: 60, worst: [{ exercise: 3, accountId: prod.id, score: 20 }] });
      const overview = await getOrgOverview();
      expect(overview.latest).toMatchObject({ runId: newer.toString(), score: 60, worst: [{ exercise: 3, name: "Prod", score: 20 }] });
      expect(overview.previous).toMatchObject({ runId: older.toString(), score: 50 });
      expect(overview.accounts).toEqual({ linked: 2, assessed: 1, notAssessed: 1, failing: 0 });
      expect(overview).toMatchObject({ unknownChecks: 2, accountsWithUnknown: 1 });
      expect((await getOrgTrend()).map((point) => point.score)).toEqual([50, 60]);
    });

    it("has no latest score before the first run finishes", async () => {
      await insertAccount();
      const overview = await getOrgOverview();
      expect(overview.latest).toBeNull();
      expect(overview.accounts.notAssessed).toBe(1);
    });
  });

  describe("attention, worst problems and collection health", () => {
    it("ranks accounts by critical failures, then by score, and counts only open failures", async () => {
      const run = await insertRun();
      const calm = await insertAccount({ name: "calm" });
      const low = await insertAccount({ name: "low" });
      const critical = await insertAccount({ name: "critical" });
      await insertAccountScore({ accountId: calm.id, runId: run, score: 95 });
      await insertAccountScore({ accountId: low.id, runId: run, score: 40, exerciseScores: scores(50, 40, 20, 60, 60, 60, 60, 60, 60, 60) });
      await insertAccountScore({ accountId: critical.id, runId: run, score: 85 });
      await insertFinding({ accountId: critical.id, checkId: "root.access-keys", exercise: 1, severity: "critical", firstRunId: run });
      await insertFinding({ accountId: critical.id, checkId: "root.mfa", exercise: 2, severity: "critical", firstRunId: run, closedRunId: run });
      const attention = await listAccountsNeedingAttention();
      expect(attention.map((row) => [row.name, row.criticalFailures])).toEqual([
        ["critical", 1],
        ["low", 0],
      ]);
      expect(attention[1]!.worstExercise).toEqual({ exercise: 3, score: 20 });
    });

    it("ranks open high failures above a low score: a green score does not hide them", async () => {
      const run = await insertRun();
      const red = await insertAccount({ name: "red" });
      const green = await insertAccount({ name: "green" });
      const greenest = await insertAccount({ name: "greenest" });
      await insertAccountScore({ accountId: red.id, runId: run, score: 40 });
      await insertAccountScore({ accountId: green.id, runId: run, score: 86 });
      await insertAccountScore({ accountId: greenest.id, runId: run, score: 90 });
      for (const resourceName of ["a", "b", "c"]) {
        await insertFinding({ accountId: green.id, severity: "high", resourceName, firstRunId: run });
      }
      await insertFinding({ accountId: greenest.id, severity: "high", firstRunId: run });
      await insertFinding({ accountId: greenest.id, checkId: "root.access-keys", exercise: 1, severity: "critical", firstRunId: run });
      await insertFinding({ accountId: red.id, severity: "medium", firstRunId: run });
      const attention = await listAccountsNeedingAttention();
      expect(attention.map((row) => [row.name, row.criticalFailures, row.highFailures])).toEqual([
        ["greenest", 1, 1],
        ["green", 0, 3],
        ["red", 0, 0],
      ]);
    });

    it("groups the open failures by check, most severe and most widespread first", async () => {
      const run = await insertRun();
      const [a, b] = [await insertAccount(), await insertAccount()];
      for (const account of [a, b]) {
        await insertFinding({ accountId: account.id, checkId: "keys.rotated", exercise: 6, severity: "medium", firstRunId: run });
      }
      await insertFinding({ accountId: a.id, checkId: "root.access-keys", exercise: 1, severity: "critical", firstRunId: run });
      await insertFinding({ accountId: a.id, checkId: "sg.admin-ports-open", exercise: 9, severity: "high", firstRunId: run, status: "pass" });
      expect(await listTopProblems()).toEqual([
        { checkId: "root.access-keys", exercise: 1, severity: "critical", accounts: 1, resources: 1 },
        { checkId: "keys.rotated", exercise: 6, severity: "medium", accounts: 2, resources: 2 },
      ]);
    });

    it("lists accounts never assessed before failed and partial ones, with their errors", async () => {
      const run = await insertRun();
      const partial = await insertAccount({ name: "partial" });
      await insertAccountScore({ accountId: partial.id, runId: run, score: 50, lastStatus: "partial" });
      await insertAccount({ name: "denied", lastStatus: "failed", lastError: { api: "sts:AssumeRole", code: "AccessDenied", message: "no" } });
      const fine = await insertAccount({ name: "fine" });
      await insertAccountScore({ accountId: fine.id, runId: run, score: 90 });
      const health = await listCollectionHealth();
      expect(health.total).toBe(2);
      expect(health.rows.map((row) => [row.name, row.assessed, row.lastError?.code ?? null])).toEqual([
        ["denied", false, "AccessDenied"],
        ["partial", true, null],
      ]);
    });
  });
});
