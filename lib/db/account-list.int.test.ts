import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { escapeLikePattern, listAccountsPage, type AccountListQuery } from "./account-list";
import { addTestCollection, createTestRun, linkTestAccount, setTestAccountState } from "./test-factories";
import { removeLinkedAccount } from "./accounts";

const base: AccountListQuery = { sort: "id", direction: "asc", page: 1, pageSize: 50 };

describe("listAccountsPage", () => {
  let database: TestDatabase;
  let runningRun: bigint;

  beforeAll(async () => {
    database = await createTestDatabase();
    const prod = await linkTestAccount("100000000001", { name: "Payments prod", tags: { env: "prod", team: "payments" } });
    const staging = await linkTestAccount("100000000002", { name: "Payments staging", tags: { env: "staging" } });
    const sandbox = await linkTestAccount("100000000003", { name: "sandbox_100%", tags: {} });
    await linkTestAccount("100000000004", { name: "Never collected" });
    await linkTestAccount("100000000005", { name: "Removed" });
    await removeLinkedAccount("100000000005");

    const done = await createTestRun("manual", "partial");
    await setTestAccountState(prod, {
      lastStatus: "succeeded",
      lastCollectedAt: new Date("2025-01-02T00:00:00Z"),
      score: { runId: done, score: 91 },
    });
    await setTestAccountState(staging, {
      lastStatus: "failed",
      lastCollectedAt: new Date("2025-01-01T00:00:00Z"),
      lastError: { api: "sts:AssumeRole", code: "AccessDenied", message: "not authorized" },
      score: { runId: done, score: 40 },
    });
    await setTestAccountState(sandbox, { lastStatus: "partial", lastCollectedAt: new Date("2025-01-03T00:00:00Z") });
    runningRun = await createTestRun("manual", "running");
    await addTestCollection(runningRun, sandbox, { status: "running" });
  });
  afterAll(async () => database?.drop());

  const ids = (page: Awaited<ReturnType<typeof listAccountsPage>>) => page.rows.map((row) => row.awsAccountId);

  it("lists linked accounts only, never removed ones", async () => {
    const page = await listAccountsPage(base);
    expect(ids(page)).toEqual(["100000000001", "100000000002", "100000000003", "100000000004"]);
    expect(page.total).toBe(4);
    expect(page.pageCount).toBe(1);
  });

  it.each([
    ["payments", ["100000000001", "100000000002"]],
    ["00003", ["100000000003"]],
    ["staging", ["100000000002"]],
    ["team", ["100000000001"]],
    ["env=prod", ["100000000001"]],
    ["env=Staging", ["100000000002"]],
    ["ENV=staging", []],
    ["100%", ["100000000003"]],
    ["_", ["100000000003"]],
    ["nothing-matches", []],
  ])("filters by text %j: name, id, tag key or value, or key=value (keys case-sensitive as in AWS)", async (text, expected) => {
    expect(ids(await listAccountsPage({ ...base, text }))).toEqual(expected);
  });

  it.each([
    ["failed", ["100000000002"]],
    ["succeeded", ["100000000001"]],
    ["never", ["100000000004"]],
    ["collecting", ["100000000003"]],
  ] as const)("filters by status %s", async (status, expected) => {
    expect(ids(await listAccountsPage({ ...base, status }))).toEqual(expected);
  });

  it("counts every status within the text filter", async () => {
    const page = await listAccountsPage({ ...base, text: "payments", status: "failed" });
    expect(page.total).toBe(1);
    expect(page.statusCounts).toEqual({ all: 2, failed: 1, partial: 0, succeeded: 1, never: 0, collecting: 0 });
  });

  it.each([
    ["score", "asc", ["100000000002", "100000000001", "100000000004", "100000000003"]],
    ["score", "desc", ["100000000001", "100000000002", "100000000004", "100000000003"]],
    ["status", "asc", ["100000000002", "100000000003", "100000000004", "100000000001"]],
    ["collected", "desc", ["100000000003", "100000000001", "100000000002", "100000000004"]],
    ["name", "desc", ["100000000003", "100000000002", "100000000001", "100000000004"]],
  ] as const)("sorts by %s %s", async (sort, direction, expected) => {
    expect(ids(await listAccountsPage({ ...base, sort, direction }))).toEqual(expected);
  });

  it("pages with the page clamped to the last one", async () => {
    const second = await listAccountsPage({ ...base, pageSize: 3, page: 2 });
    expect(ids(second)).toEqual(["100000000004"]);
    expect(second.pageCount).toBe(2);
    const beyond = await listAccountsPage({ ...base, pageSize: 3, page: 99 });
    expect(beyond.page).toBe(2);
    expect(ids(beyond)).toEqual(["100000000004"]);
  });

  it("returns the score, the current error and the active collection of each row", async () => {
    const page = await listAccountsPage(base);
    const [prod, staging, sandbox] = page.rows;
    expect(prod).toMatchObject({ name: "Payments prod", score: 91, tags: { env: "prod", team: "payments" }, activeCollection: null });
    expect(staging?.lastError).toEqual({ api: "sts:AssumeRole", code: "AccessDenied", message: "not authorized" });
    expect(sandbox?.activeCollection).toEqual({ runId: runningRun, status: "running" });
    expect(sandbox?.score).toBeNull();
  });
});

describe("escapeLikePattern", () => {
  it("escapes the LIKE wildcards and the escape character", () => {
    expect(escapeLikePattern("a%b_c\\d")).toBe("a\\%b\\_c\\\\d");
  });
});
