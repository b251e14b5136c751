/**
 * The one Prisma client of a process, on the node-postgres driver adapter. Only lib/db uses it.
 */
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { iamfitPrisma?: PrismaClient; iamfitPrismaUrl?: string };

export function db(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set: start iamfit with `npm start` (it provides the embedded database) or set DATABASE_URL.");
  }
  if (!globalForDb.iamfitPrisma || globalForDb.iamfitPrismaUrl !== url) {
    // Several accounts commit at once in the worker; the pool must not be the bottleneck.
    const adapter = new PrismaPg({ connectionString: url, max: 20 });
    globalForDb.iamfitPrisma = new PrismaClient({ adapter });
    globalForDb.iamfitPrismaUrl = url;
  }
  return globalForDb.iamfitPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.iamfitPrisma?.$disconnect();
  globalForDb.iamfitPrisma = undefined;
  globalForDb.iamfitPrismaUrl = undefined;
}
