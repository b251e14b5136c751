/**
 * What every CLI command needs: a validated environment and the database (DATABASE_URL, or the
 * embedded cluster: joined when the server runs it, started for the command otherwise).
 */
import os from "node:os";
import { recordAudit, type AuditEntryInput } from "@/lib/audit/record";
import { parseEnv, type IamfitEnv } from "@/lib/env";
import { prepareDatabase } from "@/lib/db/database";
import { disconnectDb } from "@/lib/db/client";

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export async function withDatabase<T>(action: (config: IamfitEnv, databaseUrl: string) => Promise<T>): Promise<T> {
  const config = parseEnv();
  const database = await prepareDatabase(config);
  try {
    return await action(config, database.url);
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

export function printTable(rows: Array<Record<string, string>>, columns: string[]): void {
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join("  ").trimEnd();
  console.log(line(columns.map((column) => column.toUpperCase())));
  for (const row of rows) console.log(line(columns.map((column) => row[column] ?? "")));
}

/**
 * An audit entry for a change made from the command line. The CLI talks to the database
 * directly, without signing in; the entry names the operating-system user and host instead.
 */
export async function auditCliChange(entry: Omit<AuditEntryInput, "actor" | "ip" | "userAgent">): Promise<void> {
  const osUser = (() => {
    try {
      return os.userInfo().username;
    } catch {
      return "unknown";
    }
  })();
  await recordAudit({ ...entry, actor: { kind: "cli" }, detail: { ...entry.detail, osUser, host: os.hostname() }, userAgent: "iamfit-cli" });
}
