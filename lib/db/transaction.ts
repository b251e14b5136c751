import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The client or an interactive transaction's client: data-access functions accept either. */
export type DbTransaction = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
