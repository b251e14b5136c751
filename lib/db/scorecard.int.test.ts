import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseGridSearchParams, type GridQuery } from "@/lib/scorecard/search-params";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { getAccountScorecard, getAccountTrend, getOpenFailureCounts } from "./account-scorecard";
import { clearScorecardTables, insertAccount, insertAccountScore, insertFinding, insertRun } from "./scorecard-test-factories";
import { listScorecardGrid } from "./scorecard";

function grid(params: Record<string, string> = {}): GridQuery {
  return parseGridSearchParams(params);
}

const scores = (...values: Array<number | null>) => values;

describe("scorecard read models: the grid and one account", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(clearScorecardTables);

  describe("the accounts × exercises grid", () => {
    async function seedThree() {
      const run = await insertRun();
      const prod = await insertAccount({ name: "Prod", tags: { env: "prod", team: "core" }, ouPath: "Root/Workloads/Prod" });
      const dev = await insertAccount({ name: "dev", tags: { env: "dev" }, ouPath: "Root/Workloads-Sandbox" });
      const fresh = await insertAccount({ name: "Fresh", lastStatus: "failed", lastError: { code: "AccessDenied" } });
      await insertAccountScore({
        accountId: prod.id,
        runId: run,
        score: 62,
        exerciseScores: scores(90, 40, 70, 80, 60, 50, 55, 100, 30, 45),
        exerciseUnknownChecks: [0, 2, 0, 0, 0, 0, 1, 0, 0, 0],
      });
      await insertAccountScore({ accountId: dev.id, runId: run, score: 85, exerciseScores: scores(100, 90, 80, 70, 95, 85, 75, 90, 80, null) });
      return { run, prod, dev, fresh };
    }

    it("lists worst score first by default and puts never-assessed accounts last", async () => {
      await seedThree();
      const page = await listScorecardGrid(grid());
      expect(page.rows.map((row) => row.name)).toEqual(["Prod", "dev", "Fresh"]);
      expect(page.total).toBe(3);
      const [prod, , fresh] = page.rows;
      expect(prod).toMatchObject({ score: 62, worstScore: 30, unknownChecks: 3, runId: expect.any(String) });
      expect(prod!.exerciseScores).toEqual([90, 40, 70, 80, 60, 50, 55, 100, 30, 45]);
      expect(prod!.exerciseUnknownChecks).toEqual([0, 2, 0, 0, 0, 0, 1, 0, 0, 0]);
      expect(fresh).toMatchObject({ score: null, runId: null, lastStatus: "failed", lastError: { code: "AccessDenied" } });
      expect(fresh!.exerciseScores).toEqual(Array(10).fill(null));
    });

    it("keeps never-assessed accounts last when sorting descending too", async () => {
      await seedThree();
      const page = await listScorecardGrid(grid({ sort: "score", dir: "desc" }));
      expect(page.rows.map((row) => row.name)).toEqual(["dev", "Prod", "Fresh"]);
    });

    it.each([
      ["name", "asc", ["dev", "Fresh", "Prod"]],
      ["worst", "asc", ["Prod", "dev", "Fresh"]],
      ["e4", "asc", ["dev", "Prod", "Fresh"]],
      ["e10", "asc", ["Prod", "dev", "Fresh"]],
    ])("sorts by %s %s", async (sort, dir, expected) => {
      await seedThree();
      const page = await listScorecardGrid(grid({ sort, dir }));
      expect(page.rows.map((row) => row.name)).toEqual(expected);
    });

    it("counts each account's open failures by severity, leaving closed and passing findings out", async () => {
      const { run, prod, dev } = await seedThree();
      await insertFinding({ accountId: prod.id, checkId: "root.access-keys", exercise: 1, severity: "critical", firstRunId: run });
      await insertFinding({ accountId: prod.id, severity: "high", resourceName: "alice", firstRunId: run });
      await insertFinding({ accountId: prod.id, severity: "high", resourceName: "bob", firstRunId: run });
      await insertFinding({ accountId: prod.id, severity: "high", resourceName: "carol", firstRunId: run, closedRunId: run });
      await insertFinding({ accountId: prod.id, severity: "low", resourceName: "dave", firstRunId: run, status: "pass" });
      await insertFinding({ accountId: dev.id, checkId: "keys.rotated", exercise: 6, severity: "medium", firstRunId: run });
      const rows = (await listScorecardGrid(grid({ sort: "name" }))).rows;
      expect(rows.map((row) => [row.name, row.failures])).toEqual([
        ["dev", { critical: 0, high: 0, medium: 1, low: 0 }],
        ["Fresh", { critical: 0, high: 0, medium: 0, low: 0 }],
        ["Prod", { critical: 1, high: 2, medium: 0, low: 0 }],
      ]);
    });

    it("sorts most critical first: critical, then high, medium and low break ties; never-assessed accounts last", async () => {
      const run = await insertRun();
      const seed = async (name: string, severities: Array<"critical" | "high" | "medium" | "low">) => {
        const account = await insertAccount({ name });
        await insertAccountScore({ accountId: account.id, runId: run, score: 50 });
        for (const [index, severity] of severities.entries()) {
          await insertFinding({ accountId: account.id, severity, resourceName: `${name}-${index}`, firstRunId: run });
        }
      };
      await seed("many-medium", ["medium", "medium", "medium", "medium", "medium"]);
      await seed("one-critical", ["critical"]);
      await seed("critical-and-high", ["critical", "high"]);
      await seed("two-high", ["high", "high"]);
      await seed("clean", []);
      await insertAccount({ name: "never" });
      const mostCritical = await listScorecardGrid(grid({ sort: "failures", dir: "desc" }));
      expect(mostCritical.rows.map((row) => row.name)).toEqual(["critical-and-high", "one-critical", "two-high", "many-medium", "clean", "never"]);
      const leastCritical = await listScorecardGrid(grid({ sort: "failures", dir: "asc" }));
      expect(leastCritical.rows.map((row) => row.name)).toEqual(["clean", "many-medium", "two-high", "one-critical", "critical-and-high", "never"]);
    });

    it.each([
      [{ q: "pro" }, ["Prod"]],
      [{ q: "100_" }, []],
      [{ tag: "env=dev" }, ["dev"]],
      [{ tag: "team" }, ["Prod"]],
      [{ ou: "Root/Workloads" }, ["Prod"]],
      [{ ou: "Root/Workloads/" }, ["Prod"]],
      [{ ou: "Root" }, ["Prod", "dev"]],
      [{ ou: "Root/Workloads-Sandbox" }, ["dev"]],
      [{ status: "not_assessed" }, ["Fresh"]],
      [{ status: "failed" }, ["Fresh"]],
      [{ status: "succeeded" }, ["Prod", "dev"]],
    ])("filters by %o", async (params, expected) => {
      await seedThree();
      const page = await listScorecardGrid(grid(params));
      expect(page.rows.map((row) => row.name)).toEqual(expected);
      expect(page.total).toBe(expected.length);
    });

    it("finds an account by its AWS account id", async () => {
      const { prod } = await seedThree();
      const page = await listScorecardGrid(grid({ q: prod.awsAccountId.slice(-4) }));
      expect(page.rows.map((row) => row.awsAccountId)).toContain(prod.awsAccountId);
    });

    it("pages through 120 accounts without overlap and clamps a page past the end", async () => {
      const run = await insertRun();
      for (let index = 0; index < 120; index += 1) {
        const account = await insertAccount({ name: `acct-${String(index).padStart(3, "0")}` });
        await insertAccountScore({ accountId: account.id, runId: run, score: index % 100 });
      }
      const pages = await Promise.all([1, 2, 3].map((page) => listScorecardGrid(grid({ page: String(page), size: "50", sort: "name" }))));
      expect(pages.map((page) => page.rows.length)).toEqual([50, 50, 20]);
      expect(new Set(pages.flatMap((page) => page.rows.map((row) => row.name))).size).toBe(120);
      expect(pages[0]).toMatchObject({ total: 120, pageCount: 3 });
      const beyond = await listScorecardGrid(grid({ page: "9", size: "50", sort: "name" }));
      expect(beyond.page).toBe(3);
      expect(beyond.rows[0]!.name).toBe("acct-100");
    });

    it("leaves removed accounts out", async () => {
      await insertAccount({ name: "gone", removed: true });
      expect((await listScorecardGrid(grid())).total).toBe(0);
    });

    it("shows the last evaluated run's scores, not a newer run's", async () => {
      const first = await insertRun();
      const second = await insertRun();
      const account = await insertAccount({ name: "a" });
      await insertAccountScore({ accountId: account.id, runId: second, score: 10, current: false });
      await insertAccountScore({ accountId: account.id, runId: first, score: 70 });
      expect((await listScorecardGrid(grid())).rows[0]!.score).toBe(70);
    });
  });

  describe("one account", () => {
    it("returns the current and previous evaluation with their stored detail, and the trend", async () => {
      const first = await insertRun();
      const second = await insertRun();
      const account = await insertAccount({ name: "Prod" });
      await insertAccountScore({ accountId: account.id, runId: first, score: 50 });
      await insertAccountScore({ accountId: account.id, runId: second, score: 70, exerciseUnknownChecks: [0, 3] });
      const scorecard = await getAccountScorecard(account.awsAccountId);
      expect(scorecard?.current).toMatchObject({ runId: second.toString(), score: 70, unknownChecks: 3 });
      expect(scorecard?.current?.detail?.exercises[1]).toMatchObject({ exercise: 2, unknownChecks: 3 });
      expect(scorecard?.previous).toMatchObject({ runId: first.toString(), score: 50 });
      expect((await getAccountTrend(account.id)).map((point) => point.score)).toEqual([50, 70]);
    });

    it("counts the account's open failures by severity, not closed or passing ones nor other accounts'", async () => {
      const run = await insertRun();
      const [account, other] = [await insertAccount(), await insertAccount()];
      await insertFinding({ accountId: account.id, checkId: "root.access-keys", exercise: 1, severity: "critical", firstRunId: run });
      await insertFinding({ accountId: account.id, severity: "low", resourceName: "a", firstRunId: run });
      await insertFinding({ accountId: account.id, severity: "low", resourceName: "b", firstRunId: run });
      await insertFinding({ accountId: account.id, severity: "high", resourceName: "c", firstRunId: run, closedRunId: run });
      await insertFinding({ accountId: account.id, severity: "medium", resourceName: "d", firstRunId: run, status: "pass" });
      await insertFinding({ accountId: other.id, severity: "high", firstRunId: run });
      expect(await getOpenFailureCounts(account.id)).toEqual({ critical: 1, high: 0, medium: 0, low: 2 });
    });

    it("orders evaluations by run number, not as text, past run 9", async () => {
      const account = await insertAccount();
      for (let index = 1; index <= 11; index += 1) {
        await insertAccountScore({ accountId: account.id, runId: await insertRun(), score: index });
      }
      const scorecard = await getAccountScorecard(account.awsAccountId);
      expect([scorecard?.current?.runId, scorecard?.previous?.runId]).toEqual(["11", "10"]);
      expect((await getAccountTrend(account.id)).map((point) => point.score)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    });

    it("reads the evaluation as of an earlier run", async () => {
      const account = await insertAccount();
      const runs = [await insertRun(), await insertRun(), await insertRun()];
      for (const [index, run] of runs.entries()) await insertAccountScore({ accountId: account.id, runId: run, score: 10 * (index + 1) });
      const scorecard = await getAccountScorecard(account.awsAccountId, runs[1]);
      expect([scorecard?.current?.score, scorecard?.previous?.score]).toEqual([20, 10]);
    });

    it("answers an account never assessed with no scores, and an unknown account with nothing", async () => {
      const account = await insertAccount();
      expect(await getAccountScorecard(account.awsAccountId)).toMatchObject({ current: null, previous: null });
      expect(await getAccountScorecard("999999999999")).toBeUndefined();
    });
  });
});
