/**
 * A second iamfit server, for journeys that need a configuration the suite's server does not
 * have (digests over SMTP: one process sends either over SMTP or to the outbox, never both).
 * Started exactly as the suite's webServer: `npm start` in the checkout, with the same
 * environment (./server-env.ts) and a fresh data directory, plus the journey's own settings.
 * Ports: E2E_PORT + 2 for the web server, + 3 for its embedded PostgreSQL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { E2E_PORT, serverEnv } from "./server-env";

export interface AppServer {
  baseURL: string;
  dataDir: string;
  /** The server's own PostgreSQL, for arranging what no page can (a subscription made last week). */
  databaseUrl(): string;
  /** What the server printed so far (stdout and stderr), for a failing test's report. */
  output(): string;
  /** Stops the server; with keepData its data directory stays for a restart (startAppServer's dataDir). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

const REPO_ROOT = path.join(__dirname, "..", "..");
const OUTPUT_LIMIT = 200_000;

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output().slice(-5000)}`);
    const healthy = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`npm start did not answer ${url} within ${timeoutMs / 1000} s:\n${output().slice(-5000)}`);
}

export async function startAppServer(extraEnv: Record<string, string>, options: { timeoutMs?: number; dataDir?: string } = {}): Promise<AppServer> {
  const port = E2E_PORT + 2;
  // A restart reuses the data directory a stop({ keepData: true }) left.
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "iamfit-e2e-second-"));
  let output = "";
  // Its own process group, so stopping it reaches tsx, Node and PostgreSQL as Ctrl-C would.
  const child = spawn("npm", ["start"], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...serverEnv({ port, dataDir }), ...extraEnv },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const record = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-OUTPUT_LIMIT);
  };
  child.stdout!.on("data", record);
  child.stderr!.on("data", record);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  const stop = async (stopOptions: { keepData?: boolean } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup("SIGINT");
      const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000))]);
      if (!stopped) signalGroup("SIGKILL");
    }
    // PostgreSQL may outlive npm by a moment; what is left of the group goes before its files do.
    signalGroup("SIGKILL");
    if (!stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
  };

  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${baseURL}/api/health`, child, () => output, options.timeoutMs ?? 240_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseURL,
    dataDir,
    databaseUrl() {
      // lib/db/embedded-postgres.ts: user and database "iamfit", the password in the data
      // directory, the port PostgreSQL chose on the fourth line of postmaster.pid.
      const password = readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim();
      const pgPort = readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[3]!.trim();
      return `postgresql://iamfit:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/iamfit`;
    },
    output: () => output,
    stop,
  };
}
