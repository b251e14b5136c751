/**
 * The hand-written SQL of the read models (scorecard grid, findings, changes): positional
 * parameters (every value goes to PostgreSQL as a parameter, never spliced into the text), the
 * shared fragments, and reading timestamps out of raw rows.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, with an optional cast (`$3::uuid`). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

/** A LIKE pattern matching `text` anywhere, with the user's `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
}

/** Critical first: severity as a sortable rank. */
export const SEVERITY_RANK_SQL = (column: string) =>
  `CASE ${column} WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`;

/** A raw row's timestamp as an ISO string (plain data for client components and URLs). */
export function toIso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** SEVERITY_RANK_SQL for tagged templates: `column` is a SQL fragment, never a value. */
export function severityRankSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE ${column} WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`;
}
