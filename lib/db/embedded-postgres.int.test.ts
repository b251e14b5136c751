/**
 * The embedded PostgreSQL as `npm start` uses it: as root with a private data directory, when it
 * cannot start, after iamfit was killed with -9, and when two iamfit processes start at once.
 * Each test starts real clusters of its own (and other processes, through
 * lib/testing/embedded-postgres-process.ts).
 */
import { spawn } from "node:child_process";
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { REACHABLE_ROOT } from "./embedded-postgres/reachable-location";

const CHILD = path.resolve(import.meta.dirname, "../testing/embedded-postgres-process.ts");
const isRoot = process.getuid?.() === 0;
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A data directory under a fresh `mktemp -d` folder (mode 700 unless `reachable`), removed after
 * the test with its cluster.
 */
function privateDataDir(options: { reachable?: boolean } = {}): string {
  const parent = mkdtempSync(path.join(os.tmpdir(), "iamfit-pg-test-"));
  if (options.reachable) chmodSync(parent, 0o755);
  const dataDir = path.join(parent, "data");
  cleanups.push(() => {
    const pointer = (() => {
      try {
        return readFileSync(path.join(dataDir, "postgres-location"), "utf8").trim();
      } catch {
        return "";
      }
    })();
    if (pointer.startsWith(REACHABLE_ROOT)) rmSync(pointer, { recursive: true, force: true });
    rmSync(parent, { recursive: true, force: true });
  });
  return dataDir;
}

function track(database: EmbeddedDatabase): EmbeddedDatabase {
  cleanups.push(() => database.stop());
  return database;
}

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one;
  } finally {
    await client.end();
  }
}

function postmasterPid(clusterDir: string): number {
  return Number(readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

/** Another iamfit-like process using the embedded PostgreSQL of `dataDir`. */
function startProcess(dataDir: string, preferredPort = 0) {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, dataDir, String(preferredPort)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  cleanups.push(() => void child.kill("SIGKILL"));
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const { value, done } = await lines.next();
    if (done) throw new Error("the process ended without answering");
    return JSON.parse(value as string) as Record<string, unknown>;
  };
  return {
    child,
    started: next() as Promise<{ how?: string; url?: string; clusterDir?: string; error?: string }>,
    async query() {
      child.stdin.write("query\n");
      return (await next()).queried;
    },
    async stop() {
      child.stdin.write("stop\n");
      return (await next()).stopped;
    },
    /** Leaves the cluster, sets process.exitCode and lets the process end; resolves its exit code. */
    finish(code: number) {
      const exited = new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
      child.stdin.write(`finish ${code}\n`);
      return exited;
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("the embedded PostgreSQL", { timeout: 180_000 }, () => {
  it.runIf(isRoot)("starts as root with its data directory under a private folder, keeping the cluster where the postgres user can reach it and saying where", async () => {
    const dataDir = privateDataDir();
    expect(statSync(path.dirname(dataDir)).mode & 0o777).toBe(0o700);
    const logged: string[] = [];

    const database = track(await startEmbeddedPostgres({ dataDir, preferredPort: 0, log: (line) => logged.push(line) }));

    expect(await selectOne(database.url)).toBe(1);
    expect(database.clusterDir.startsWith(`${REACHABLE_ROOT}/`)).toBe(true);
    expect(logged.join("\n")).toContain(`keeps its cluster in ${database.clusterDir}`);
  });

  it.runIf(isRoot)("as root, runs PostgreSQL from a reachable copy when its programs are behind a private folder", async () => {
    const { installedBinaries } = await import("./embedded-postgres/postgres-process");
    const installed = installedBinaries();
    const hidden = mkdtempSync(path.join(os.tmpdir(), "iamfit-pg-binaries-"));
    cleanups.push(() => rmSync(hidden, { recursive: true, force: true }));
    const { cpSync } = await import("node:fs");
    cpSync(installed.nativeDir, path.join(hidden, "native"), { recursive: true, verbatimSymlinks: true });
    const version = `${installed.version}-test-${process.pid}`;
    cleanups.push(() => rmSync(path.join(REACHABLE_ROOT, `postgres-${version}`), { recursive: true, force: true }));

    const database = track(
      await startEmbeddedPostgres({ dataDir: privateDataDir(), preferredPort: 0, binaries: { nativeDir: path.join(hidden, "native"), version } }),
    );

    expect(await selectOne(database.url)).toBe(1);
  });

  it.runIf(isRoot)("as root, refuses a cluster already inside a private folder with a message naming the folder and the fix", async () => {
    const dataDir = privateDataDir();
    mkdirSync(path.join(dataDir, "postgres"), { recursive: true });
    writeFileSync(path.join(dataDir, "postgres", "PG_VERSION"), "17\n");

    const failure = await startEmbeddedPostgres({ dataDir, preferredPort: 0 }).then(track, (error: unknown) => error as Error);

    expect((failure as Error).message).toContain(`cannot reach ${dataDir}`);
    expect((failure as Error).message).toContain("Set IAMFIT_DATA_DIR to a folder that user can reach");
  });

  it("shows what PostgreSQL said when it cannot start", async () => {
    const dataDir = privateDataDir({ reachable: true });
    const first = await startEmbeddedPostgres({ dataDir, preferredPort: 0 });
    await first.stop();
    appendFileSync(path.join(first.clusterDir, "postgresql.conf"), "\niamfit_not_a_setting = 1\n");

    const failure = await startEmbeddedPostgres({ dataDir, preferredPort: 0 }).then(
      (database) => (cleanups.push(() => database.stop()), undefined),
      (error: unknown) => error as Error,
    );

    expect(failure?.message).toContain('unrecognized configuration parameter "iamfit_not_a_setting"');
    expect(failure?.message).toContain(first.clusterDir);
  });

  it("leaves the exit code of a process that used it alone, so a failed test run still fails", async () => {
    const user = startProcess(privateDataDir({ reachable: true }));
    expect((await user.started).url).toBeTruthy();
    expect(await user.finish(3)).toBe(3);
  });

  it("takes over a cluster whose iamfit was killed with -9, and stops it when it stops", async () => {
    const dataDir = privateDataDir({ reachable: true });
    const killed = startProcess(dataDir);
    const { clusterDir, url } = await killed.started;
    expect(url).toBeTruthy();
    const orphan = postmasterPid(clusterDir!);
    killed.child.kill("SIGKILL");
    await until(() => killed.child.exitCode !== null || killed.child.signalCode !== null);
    expect(running(orphan)).toBe(true);

    const next = await startEmbeddedPostgres({ dataDir, preferredPort: 0 });
    expect(next.how).toBe("adopted");
    expect(new URL(next.url).port).toBe(new URL(url!).port);
    expect(await selectOne(next.url)).toBe(1);

    await next.stop();
    expect(await until(() => !running(orphan))).toBe(true);
  });

  it("serves two processes that start on one data directory at the same moment, and stops the cluster when the last one stops", async () => {
    const dataDir = privateDataDir({ reachable: true });
    const port = await freePort();
    const [first, second] = [startProcess(dataDir, port), startProcess(dataDir, port)];
    const started = await Promise.all([first.started, second.started]);

    expect(started.map((answer) => answer.error)).toEqual([undefined, undefined]);
    expect(started.map((answer) => answer.how).sort()).toEqual(["joined", "started"]);
    expect(new Set(started.map((answer) => new URL(answer.url!).port))).toEqual(new Set([String(port)]));
    expect([await first.query(), await second.query()]).toEqual([true, true]);

    const postmaster = postmasterPid(started[0]!.clusterDir!);
    const [starter, joiner] = started[0]!.how === "started" ? [first, second] : [second, first];
    expect(await starter.stop()).toBe(true);
    expect(running(postmaster)).toBe(true);
    expect(await joiner.query()).toBe(true);
    expect(await joiner.stop()).toBe(true);
    expect(await until(() => !running(postmaster))).toBe(true);
  });

  it("serves two processes with different data directories that prefer one port at the same moment, one of them on another port", async () => {
    const port = await freePort();
    const [first, second] = [startProcess(privateDataDir({ reachable: true }), port), startProcess(privateDataDir({ reachable: true }), port)];
    const started = await Promise.all([first.started, second.started]);

    expect(started.map((answer) => answer.error)).toEqual([undefined, undefined]);
    const ports = started.map((answer) => new URL(answer.url!).port);
    expect(ports).toContain(String(port));
    expect(new Set(ports).size).toBe(2);
    expect([await first.query(), await second.query()]).toEqual([true, true]);
    await Promise.all([first.stop(), second.stop()]);
  });
});
