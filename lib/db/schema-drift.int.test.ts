/**
 * schema.prisma (what the Prisma client believes) and prisma/migrations (what the database is)
 * must agree. Prisma's migrate engine is not available on every machine, so this test is the
 * guard: it reads every model and scalar field from schema.prisma and compares table, column,
 * type family and nullability with information_schema of a freshly migrated database.
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";

interface ModelField {
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
}

function parseSchema(source: string): Map<string, Map<string, ModelField>> {
  const modelBlocks = [...source.matchAll(/model\s+(\w+)\s*\{([\s\S]*?)\n\}/g)];
  const modelNames = new Set(modelBlocks.map((match) => match[1]));
  const tables = new Map<string, Map<string, ModelField>>();
  for (const [, modelName, body] of modelBlocks) {
    const table = /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? modelName!;
    const fields = new Map<string, ModelField>();
    for (const line of body!.split("\n")) {
      const match = /^\s*(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!match || line.trim().startsWith("//") || line.trim().startsWith("@@")) continue;
      const [, name, type, list, optional, rest] = match;
      if (modelNames.has(type!)) continue; // relation field, not a column
      const column = /@map\("([^"]+)"\)/.exec(rest!)?.[1] ?? name!;
      fields.set(column, { column, type: type!, optional: Boolean(optional), list: Boolean(list) });
    }
    tables.set(table, fields);
  }
  return tables;
}

const POSTGRES_TYPES: Record<string, string[]> = {
  String: ["text", "character", "character varying", "uuid"],
  Int: ["integer", "smallint"],
  BigInt: ["bigint"],
  Boolean: ["boolean"],
  DateTime: ["timestamp with time zone", "timestamp without time zone"],
  Json: ["jsonb", "json"],
  Bytes: ["bytea"],
  Float: ["double precision", "real"],
};

describe("schema.prisma and the migrated database", () => {
  let database: TestDatabase;
  let columns: Map<string, Map<string, { dataType: string; nullable: boolean }>>;
  const schema = parseSchema(readFileSync("prisma/schema.prisma", "utf8"));

  beforeAll(async () => {
    database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const result = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    await client.end();
    columns = new Map();
    for (const row of result.rows) {
      const table = columns.get(row.table_name) ?? new Map();
      table.set(row.column_name, { dataType: row.data_type, nullable: row.is_nullable === "YES" });
      columns.set(row.table_name, table);
    }
  });
  afterAll(async () => database?.drop());

  it("parses the models from schema.prisma", () => {
    expect(schema.size).toBeGreaterThanOrEqual(8);
    expect(schema.get("linked_account")?.get("aws_account_id")).toMatchObject({ type: "String", optional: false });
  });

  it("has exactly one table per model", () => {
    expect([...columns.keys()].sort()).toEqual([...schema.keys()].sort());
  });

  it("has every field as a column of the same type family and nullability, and no extra columns", () => {
    const problems: string[] = [];
    for (const [table, fields] of schema) {
      const actual = columns.get(table) ?? new Map();
      for (const field of fields.values()) {
        const column = actual.get(field.column);
        if (!column) {
          problems.push(`${table}.${field.column} is in schema.prisma but not in the database`);
          continue;
        }
        const expectedTypes = field.list ? ["ARRAY"] : (POSTGRES_TYPES[field.type] ?? []);
        if (!expectedTypes.includes(column.dataType)) {
          problems.push(`${table}.${field.column}: ${field.type}${field.list ? "[]" : ""} vs ${column.dataType}`);
        }
        if (!field.list && column.nullable !== field.optional) {
          problems.push(`${table}.${field.column}: nullable in ${column.nullable ? "database" : "schema.prisma"} only`);
        }
      }
      for (const name of actual.keys()) {
        if (!fields.has(name)) problems.push(`${table}.${name} is in the database but not in schema.prisma`);
      }
    }
    expect(problems).toEqual([]);
  });
});
