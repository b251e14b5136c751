/**
 * Who uses an embedded cluster, and one start or stop at a time.
 *
 * Several iamfit processes can share one data directory (the server and a CLI command, or two
 * starts at the same moment). Each registers in <data>/postgres-users/<pid> while it uses the
 * cluster; the last one to leave stops it. A cluster whose users all died (kill -9) has none
 * left: the next start takes it over and stops it when it leaves. Starting and leaving hold
 * <data>/postgres.lock, so two processes never initialise, start or stop one cluster at once.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatIdentity, identityOf, isRunning, parseIdentity } from "./process-identity";

const LOCK_POLL_MS = 100;
/** A lock file still empty after this long was left by a process that died while creating it. */
const EMPTY_LOCK_STALE_MS = 5_000;

function usersDir(dataDir: string): string {
  return path.join(dataDir, "postgres-users");
}

export async function registerUser(dataDir: string): Promise<void> {
  await mkdir(usersDir(dataDir), { recursive: true });
  await writeFile(path.join(usersDir(dataDir), String(process.pid)), formatIdentity(identityOf(process.pid)));
}

export async function unregisterUser(dataDir: string): Promise<void> {
  await rm(path.join(usersDir(dataDir), String(process.pid)), { force: true });
}

/** The other processes using the cluster now; records of dead ones are removed. */
export async function otherLiveUsers(dataDir: string): Promise<number[]> {
  const names = await readdir(usersDir(dataDir)).catch(() => [] as string[]);
  const live: number[] = [];
  for (const name of names) {
    if (name === String(process.pid)) continue;
    const file = path.join(usersDir(dataDir), name);
    const identity = parseIdentity(await readFile(file, "utf8").catch(() => ""));
    if (identity && isRunning(identity)) live.push(identity.pid);
    else await rm(file, { force: true });
  }
  return live;
}

/** For a process's exit handler, where nothing asynchronous runs any more. */
export function unregisterUserSync(dataDir: string): void {
  rmSync(path.join(usersDir(dataDir), String(process.pid)), { force: true });
}

export function otherLiveUsersSync(dataDir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(usersDir(dataDir));
  } catch {
    return [];
  }
  return names
    .filter((name) => name !== String(process.pid))
    .map((name) => {
      try {
        return parseIdentity(readFileSync(path.join(usersDir(dataDir), name), "utf8"));
      } catch {
        return undefined;
      }
    })
    .filter((identity) => identity !== undefined && isRunning(identity))
    .map((identity) => identity!.pid);
}

/** Holds <data>/postgres.lock while `work` runs; waits for another holder up to `timeoutMs`. */
export async function withClusterLock<T>(dataDir: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const file = path.join(dataDir, "postgres.lock");
  const mine = formatIdentity(identityOf(process.pid));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await writeFile(file, mine, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const held = await readFile(file, "utf8").catch(() => undefined);
    if (held === undefined) continue; // released meanwhile
    const holder = parseIdentity(held);
    const stale = holder
      ? !isRunning(holder)
      : Date.now() - (await stat(file).then((info) => info.mtimeMs).catch(() => Date.now())) > EMPTY_LOCK_STALE_MS;
    if (stale) {
      // Remove it only if it is still the stale one (another waiter may have replaced it).
      if ((await readFile(file, "utf8").catch(() => undefined)) === held) await rm(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Another iamfit process (pid ${holder?.pid ?? "unknown"}) has been starting or stopping the embedded PostgreSQL in ${dataDir} for ${Math.round(timeoutMs / 1000)} s. If no such process runs, delete ${file}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
  try {
    return await work();
  } finally {
    if ((await readFile(file, "utf8").catch(() => undefined)) === mine) await rm(file, { force: true });
  }
}
