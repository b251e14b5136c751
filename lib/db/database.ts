/**
 * Where the database is: DATABASE_URL, or the embedded PostgreSQL started (or joined) here.
 * Migrations are applied before anything else touches the database.
 */
import type { IamfitEnv } from "@/lib/env";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { migrate } from "./migrate";

export async function prepareDatabase(
  config: IamfitEnv,
  log: (line: string) => void = () => undefined,
): Promise<EmbeddedDatabase> {
  let database: EmbeddedDatabase;
  if (config.DATABASE_URL) {
    database = { url: config.DATABASE_URL, how: "joined", clusterDir: "", stop: async () => undefined };
  } else {
    database = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      preferredPort: config.IAMFIT_EMBEDDED_PG_PORT,
      log,
    });
    const how = {
      started: "started",
      joined: "already running for another iamfit process; joined it",
      adopted: "left running by an iamfit process that ended without stopping it; taken over, and stopped when this one stops",
    }[database.how];
    log(`embedded PostgreSQL ${how} (port ${new URL(database.url).port}, data in ${database.clusterDir})`);
  }
  process.env.DATABASE_URL = database.url;
  const applied = await migrate(database.url);
  if (applied.length > 0) log(`applied migrations: ${applied.join(", ")}`);
  return database;
}
