import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { db } from "./client";
import { cursorBatches } from "./cursor";
import { insertAccount } from "./scorecard-test-factories";

describe("cursor batches", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  async function openTransactions(): Promise<number> {
    const rows = await db().$queryRaw<Array<{ count: number }>>`
      SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = ${database.name} AND state LIKE 'idle in transaction%'`;
    return rows[0]!.count;
  }

  const numbers = (to: number, batchSize: number) =>
    cursorBatches<{ n: number }>(Prisma.sql`SELECT n::int AS n FROM generate_series(1, ${to}::int) AS n ORDER BY n DESC`, batchSize);

  it("yields every row once, in the query's order, in batches of at most the batch size", async () => {
    for (const [to, batchSize] of [[10, 3], [9, 3], [1, 5], [0, 2]] as const) {
      const batches: number[][] = [];
      for await (const rows of numbers(to, batchSize)) batches.push(rows.map((row) => row.n));
      expect(batches.flat()).toEqual(Array.from({ length: to }, (_, index) => to - index));
      expect(batches.every((batch) => batch.length > 0 && batch.length <= batchSize)).toBe(true);
    }
    expect(await openTransactions()).toBe(0);
  });

  it("ends its transaction when the reader stops early", async () => {
    for await (const rows of numbers(100, 10)) {
      expect(rows).toHaveLength(10);
      expect(await openTransactions()).toBe(1);
      break;
    }
    expect(await openTransactions()).toBe(0);
  });

  it("reads one snapshot: rows committed while it is read are not in it", async () => {
    await insertAccount({ name: "before-1" });
    await insertAccount({ name: "before-2" });
    await insertAccount({ name: "before-3" });
    const names: string[] = [];
    let inserted = false;
    for await (const rows of cursorBatches<{ name: string }>(Prisma.sql`SELECT name FROM linked_account WHERE name LIKE 'before-%' OR name LIKE 'after-%' ORDER BY name`, 1)) {
      names.push(...rows.map((row) => row.name));
      if (!inserted) {
        await insertAccount({ name: "after-1" });
        inserted = true;
      }
    }
    expect(names).toEqual(["before-1", "before-2", "before-3"]);
  });

  it("throws the database's error and leaves no transaction open", async () => {
    const read = async () => {
      for await (const rows of cursorBatches(Prisma.sql`SELECT * FROM no_such_table`, 10)) expect(rows).toBeUndefined();
    };
    await expect(read()).rejects.toThrow(/no_such_table/);
    expect(await openTransactions()).toBe(0);
  });

  it("refuses a batch size that is not a whole number of at least 1", async () => {
    await expect(numbers(3, 0).next()).rejects.toThrow(/batch size/);
  });
});
