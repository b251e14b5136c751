/**
 * The hand-written SQL of the read models (scorecard grid, findings, changes): shared Prisma.sql
 * fragments (every value goes to PostgreSQL as a parameter, never spliced into the text) and
 * reading timestamps out of raw rows.
 */
import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

/** A LIKE pattern matching `text` anywhere, with the user's `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** A raw row's timestamp as an ISO string (plain data for client components and URLs). */
export function toIso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** Critical first: severity as a sortable rank. `column` is a SQL fragment, never a value. */
export function severityRankSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE ${column} WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`;
}

/** `WHERE a AND b …` of Prisma.sql conditions, or nothing when there are none. */
export function whereSql(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

const tagsSchema = z.record(z.string(), z.string());

/** An account's tags column (a JSON object of strings, or null): anything else reads as no tags. */
export function parseTags(value: unknown): Record<string, string> {
  const parsed = tagsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}
