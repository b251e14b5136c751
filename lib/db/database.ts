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
    database = { url: config.DATABASE_URL, owned: false, stop: async () => undefined };
  } else {
    database = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      preferredPort: config.IAMFIT_EMBEDDED_PG_PORT,
    });
    log(`embedded PostgreSQL ${database.owned ? "started" : "already running"} (data in ${config.dataDir}/postgres)`);
  }
  process.env.DATABASE_URL = database.url;
  const applied = await migrate(database.url);
  if (applied.length > 0) log(`applied migrations: ${applied.join(", ")}`);
  return database;
}
