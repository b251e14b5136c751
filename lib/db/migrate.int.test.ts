import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { migrate, MigrationError } from "./migrate";

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "iamfit-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrate", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  it("finds the template already fully migrated and applies nothing twice", async () => {
    expect(await migrate(database.url)).toEqual([]);
  });

  it("applies new migrations in name order, once, even when two processes race", async () => {
    const dir = await migrationsDir({
      "20990101000001_a": "CREATE TABLE migrate_probe (n int);",
      "20990101000002_b": "INSERT INTO migrate_probe VALUES (1);",
    });
    const [first, second] = await Promise.all([migrate(database.url, dir), migrate(database.url, dir)]);
    expect([...first!, ...second!].sort()).toEqual(["20990101000001_a", "20990101000002_b"]);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const rows = await client.query("SELECT count(*)::int AS n FROM migrate_probe");
    await client.end();
    expect(rows.rows[0].n).toBe(1);
  });

  it("refuses a migration edited after it was applied", async () => {
    const dir = await migrationsDir({ "20990101000001_a": "CREATE TABLE migrate_probe (n bigint);" });
    await expect(migrate(database.url, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(database.url, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration completely and names it", async () => {
    const dir = await migrationsDir({
      "20990101000001_a": "CREATE TABLE migrate_probe (n int);",
      "20990101000002_b": "INSERT INTO migrate_probe VALUES (1);",
      "20990101000003_bad": "CREATE TABLE half_made (n int); SELECT * FROM no_such_table;",
    });
    await expect(migrate(database.url, dir)).rejects.toThrow(/20990101000003_bad failed/);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const tables = await client.query("SELECT to_regclass('half_made') AS t");
    await client.end();
    expect(tables.rows[0].t).toBeNull();
  });
});
