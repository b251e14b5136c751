import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { toApiFinding } from "@/lib/api/finding-json";
import type { JsonValue, Severity } from "@/lib/checks/types";
import { db } from "@/lib/db/client";
import { getEvidence, listFindings } from "@/lib/db/findings";
import { clearScorecardTables, insertAccount, insertFinding, insertRun } from "@/lib/db/scorecard-test-factories";
import type { DbTransaction } from "@/lib/db/transaction";
import { parseFindingsSearchParams, type FindingsQuery } from "@/lib/scorecard/search-params";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { downloadResponse } from "./download";
import { exportFindings, findingsExportChunks } from "./findings-download";
import { findingsCsvHeader, findingsCsvRows } from "./findings-csv";

const NOW = new Date("2026-12-07T12:00:00Z");
const SEVERITIES: Severity[] = ["critical", "high", "medium", "low"];
const FINDINGS = 23;

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = "";
  for await (const chunk of chunks) all += chunk;
  return all;
}

/** The export as one page of the findings list would give it: the reference order and content. */
async function expectedCsv(query: FindingsQuery): Promise<string> {
  const { rows } = await listFindings({ ...query, page: 1, pageSize: 1_000 });
  const evidence = await getEvidence(rows);
  return findingsCsvHeader() + findingsCsvRows(rows.map((row) => toApiFinding(row, evidence.get(row.evidenceHash) as JsonValue)));
}

/** Counts the batches read through the cursor: every FETCH of every transaction of the client. */
function countFetches(): { fetches: number } {
  const counter = { fetches: 0 };
  const client = db();
  const transaction = client.$transaction.bind(client) as (fn: (tx: DbTransaction) => Promise<unknown>, options?: object) => Promise<unknown>;
  vi.spyOn(client, "$transaction").mockImplementation(((fn: (tx: DbTransaction) => Promise<unknown>, options?: object) =>
    transaction(
      (tx) =>
        fn(
          new Proxy(tx, {
            get(target, key) {
              const value = Reflect.get(target, key) as unknown;
              if (key !== "$queryRaw" || typeof value !== "function") return value;
              return (query: { sql?: string }, ...values: unknown[]) => {
                if (query.sql?.startsWith("FETCH")) counter.fetches++;
                return (value as (...args: unknown[]) => unknown).call(target, query, ...values);
              };
            },
          }),
        ),
      options,
    )) as never);
  return counter;
}

async function openExportTransactions(database: TestDatabase): Promise<number> {
  const rows = await db().$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = ${database.name} AND state LIKE 'idle in transaction%'`;
  return rows[0]!.count;
}

describe("findings exports read the view through a cursor, a batch at a time", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => {
    await clearScorecardTables();
    const run = await insertRun();
    const accounts = [await insertAccount({ name: "prod" }), await insertAccount({ name: "Dev" }), await insertAccount({ name: "prod" })];
    // Shared names and severities make the later sort keys (and finally the id) decide the order.
    for (let index = 0; index < FINDINGS; index++) {
      await insertFinding({
        accountId: accounts[index % 3]!.id,
        checkId: index % 2 ? "users.console-mfa" : "users.access-key-age",
        resourceId: `arn:aws:iam::123456789012:user/u${index}`,
        resourceName: `user-${index % 5}`,
        severity: SEVERITIES[index % 4],
        status: index % 7 === 0 ? "pass" : "fail",
        evidence: { index },
        firstRunId: run,
        firstSeenAt: new Date(Date.UTC(2026, 10, 1 + (index % 4))),
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    { status: "all" },
    { status: "all", dir: "desc" },
    { status: "all", sort: "account", dir: "desc" },
    { status: "all", sort: "resource", dir: "desc" },
    { status: "all", sort: "first_seen" },
    { sort: "check" },
  ])("an export of more findings than one batch holds every one exactly once, in the page's order (%o)", async (params) => {
    const query = parseFindingsSearchParams(params);
    const csv = await text(findingsExportChunks(query, "csv", NOW, exportFindings(query, 4)));
    expect(csv).toBe(await expectedCsv(query));

    const json = JSON.parse(await text(findingsExportChunks(query, "json", NOW, exportFindings(query, 4)))) as { generatedAt: string; findings: Array<{ resource: string }> };
    const resources = json.findings.map((finding) => finding.resource);
    expect(new Set(resources).size).toBe(resources.length);
    expect(resources).toEqual((await listFindings({ ...query, page: 1, pageSize: 1_000 })).rows.map((row) => row.resourceId));
    if (params.status === "all") expect(resources).toHaveLength(FINDINGS);
  });

  it("an export with the default batch size is the same file", async () => {
    const query = parseFindingsSearchParams({ status: "all", sort: "account" });
    expect(await text(findingsExportChunks(query, "csv", NOW))).toBe(await expectedCsv(query));
  });

  it("a download reads a batch only when the reader takes the previous one, and a cancelled download ends its transaction", async () => {
    const counter = countFetches();
    const query = parseFindingsSearchParams({ status: "all" });
    const response = downloadResponse(findingsExportChunks(query, "csv", NOW, exportFindings(query, 2)), "csv", "test");
    const reader = response.body!.getReader();
    await reader.read(); // the header
    await reader.read(); // the first batch
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The first batch, and at most the next one the stream reads ahead, of the 12 batches.
    expect(counter.fetches).toBeGreaterThanOrEqual(1);
    expect(counter.fetches).toBeLessThanOrEqual(2);
    expect(await openExportTransactions(database)).toBe(1);

    await reader.cancel();
    expect(counter.fetches).toBeLessThanOrEqual(2);
    expect(await openExportTransactions(database)).toBe(0);
  });

  it("an export read to the end ends its transaction, and reads every batch once", async () => {
    const counter = countFetches();
    const query = parseFindingsSearchParams({ status: "all" });
    const csv = await text(findingsExportChunks(query, "csv", NOW, exportFindings(query, 5)));
    expect(csv.trimEnd().split("\r\n")).toHaveLength(1 + FINDINGS);
    expect(counter.fetches).toBe(Math.ceil(FINDINGS / 5));
    expect(await openExportTransactions(database)).toBe(0);
  });

  it("an export of an empty view is its header only (CSV) or an empty list (JSON)", async () => {
    const query = parseFindingsSearchParams({ q: "nobody" });
    expect(await text(findingsExportChunks(query, "csv", NOW, exportFindings(query, 2)))).toBe(findingsCsvHeader());
    expect(JSON.parse(await text(findingsExportChunks(query, "json", NOW, exportFindings(query, 2))))).toEqual({ generatedAt: NOW.toISOString(), findings: [] });
  });
});
