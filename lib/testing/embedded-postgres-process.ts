/**
 * Test helper run as a process of its own (`node --import tsx`): starts the embedded PostgreSQL
 * for the data directory in argv[2] (preferred port argv[3]) as `npm start` would, prints one
 * JSON line ({how, url, clusterDir} or {error}), then answers lines on stdin: "query" runs
 * SELECT 1 and prints {queried}, "stop" leaves the cluster and exits, "finish <code>" leaves it,
 * sets process.exitCode and lets the process end by itself.
 */
import readline from "node:readline";
import pg from "pg";
import { startEmbeddedPostgres } from "../db/embedded-postgres";

async function main(): Promise<void> {
  const database = await startEmbeddedPostgres({ dataDir: process.argv[2]!, preferredPort: Number(process.argv[3] ?? 0) });
  console.log(JSON.stringify({ how: database.how, url: database.url, clusterDir: database.clusterDir }));
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line === "query") {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
      await client.end();
      console.log(JSON.stringify({ queried: rows[0]?.one === 1 }));
    }
    if (line.startsWith("finish ")) {
      await database.stop();
      process.exitCode = Number(line.slice("finish ".length));
      process.stdin.destroy();
      return;
    }
    if (line === "stop") {
      await database.stop();
      console.log(JSON.stringify({ stopped: true }));
      process.exit(0);
    }
  }
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
