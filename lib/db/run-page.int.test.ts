import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { getRunAccountsPage } from "./run-page";
import { activeRunsForAccounts, getRunSummary, listRunsPage } from "./runs";
import { addTestCollection, createTestRun, linkTestAccount } from "./test-factories";

describe("run pages", () => {
  let database: TestDatabase;
  let run: bigint;
  let olderRuns: bigint[];

  beforeAll(async () => {
    database = await createTestDatabase();
    olderRuns = [await createTestRun("startup", "succeeded"), await createTestRun("schedule", "succeeded")];
    run = await createTestRun("manual", "running");
    const statuses = ["succeeded", "failed", "interrupted", "partial", "running", "queued", "cancelled"];
    for (const [index, status] of statuses.entries()) {
      const id = await linkTestAccount(`30000000000${index}`, { name: `Account ${String.fromCharCode(71 - index)}` });
      await addTestCollection(run, id, {
        status,
        ...(status === "failed" ? { error: { code: "AccessDenied", message: "denied", api: "sts:AssumeRole" } } : {}),
        ...(status === "partial" ? { partErrors: [{ api: "s3:ListBuckets", code: "AccessDenied", message: "no" }] } : {}),
      });
    }
  });
  afterAll(async () => database?.drop());

  it("counts a run's accounts per outcome", async () => {
    const page = await getRunAccountsPage(run, { page: 1, pageSize: 50 });
    expect(page.counts).toEqual({ all: 7, active: 2, failed: 2, partial: 1, succeeded: 1, other: 1 });
  });

  it("orders accounts by name so rows stay put while the run progresses", async () => {
    const page = await getRunAccountsPage(run, { page: 1, pageSize: 3 });
    expect(page.rows.map((row) => row.accountName)).toEqual(["Account A", "Account B", "Account C"]);
    expect(page.pageCount).toBe(3);
  });

  it.each([
    ["failed", ["failed", "interrupted"]],
    ["active", ["queued", "running"]],
    ["other", ["cancelled"]],
  ] as const)("filters %s accounts", async (filter, statuses) => {
    const page = await getRunAccountsPage(run, { filter, page: 1, pageSize: 50 });
    expect(page.rows.map((row) => row.status).sort()).toEqual([...statuses].sort());
    expect(page.total).toBe(statuses.length);
  });

  it("returns account-level and per-API errors", async () => {
    const failed = await getRunAccountsPage(run, { filter: "failed", page: 1, pageSize: 50 });
    expect(failed.rows.find((row) => row.status === "failed")?.error).toEqual({
      code: "AccessDenied",
      message: "denied",
      api: "sts:AssumeRole",
    });
    const partial = await getRunAccountsPage(run, { filter: "partial", page: 1, pageSize: 50 });
    expect(partial.rows[0]?.partErrors).toEqual([{ api: "s3:ListBuckets", code: "AccessDenied", message: "no" }]);
  });

  it("summarises a run with done and failed counts", async () => {
    expect(await getRunSummary(run)).toMatchObject({ id: run, accountsTotal: 7, accountsDone: 5, accountsFailed: 2 });
    expect(await getRunSummary(999_999n)).toBeUndefined();
  });

  it("pages runs newest first", async () => {
    const first = await listRunsPage({ page: 1, pageSize: 2 });
    expect(first.runs.map((item) => item.id)).toEqual([run, olderRuns[1]]);
    expect(first).toMatchObject({ total: 3, pageCount: 2, page: 1 });
    const second = await listRunsPage({ page: 2, pageSize: 2 });
    expect(second.runs.map((item) => item.id)).toEqual([olderRuns[0]]);
  });

  it("finds the run collecting each account right now", async () => {
    expect(await activeRunsForAccounts(["300000000004", "300000000005", "300000000000"])).toEqual(
      expect.arrayContaining([
        { awsAccountId: "300000000004", runId: run },
        { awsAccountId: "300000000005", runId: run },
      ]),
    );
    expect(await activeRunsForAccounts(["300000000000"])).toEqual([]);
  });
});
