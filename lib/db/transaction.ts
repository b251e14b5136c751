import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "./client";

/** The client or an interactive transaction's client: data-access functions accept either. */
export type DbTransaction = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Runs `work` in one interactive transaction: domain code (lib/remediation, lib/collect) decides
 * what to write and hands each lib/db function the transaction, without touching Prisma itself.
 */
export function inTransaction<T>(work: (tx: DbTransaction) => Promise<T>): Promise<T> {
  return db().$transaction(work);
}
