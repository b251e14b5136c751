/**
 * PostgreSQL refuses to run as root, so when iamfit runs as root it runs PostgreSQL as the
 * `postgres` user (creating it if the machine has none). That user must be able to reach the
 * binaries and the cluster: every parent folder must let it pass. A clone in /root (mode 700),
 * or a data directory under a `mktemp -d` folder (mode 700), does not. Rather than loosen the
 * permissions of folders that are not iamfit's, iamfit then keeps what that user needs under
 * /var/lib/iamfit (root's, mode 755): a copy of the binaries, and the cluster, whose place it
 * records in the data directory (postgres-location) and says in its log.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PostgresBinaries, RunAs } from "./postgres-process";

export const REACHABLE_ROOT = "/var/lib/iamfit";
const POSTGRES_USER = "postgres";

export class UnreachableDataDirError extends Error {
  constructor(dataDir: string, reason: string) {
    super(
      `The embedded PostgreSQL runs as the user "${POSTGRES_USER}" (PostgreSQL refuses to run as root), and that user cannot reach ${dataDir}: ${reason}. ` +
        `Set IAMFIT_DATA_DIR to a folder that user can reach (every parent folder must allow others to pass, mode 755, for example /var/lib/iamfit/data), or set DATABASE_URL to a PostgreSQL of your own.`,
    );
    this.name = "UnreachableDataDirError";
  }
}

function idOf(flag: "-u" | "-g"): number | undefined {
  try {
    return Number(execFileSync("id", [flag, POSTGRES_USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  } catch {
    return undefined;
  }
}

/** The `postgres` user when we are root (created if missing), undefined otherwise. */
export function postgresUserWhenRoot(): RunAs {
  if (process.getuid?.() !== 0) return undefined;
  if (idOf("-u") === undefined) {
    try {
      if (idOf("-g") === undefined) execFileSync("groupadd", ["--system", POSTGRES_USER], { stdio: "ignore" });
      execFileSync("useradd", ["--system", "--gid", POSTGRES_USER, "--no-create-home", "--shell", "/usr/sbin/nologin", POSTGRES_USER], { stdio: "ignore" });
    } catch (error) {
      throw new Error(`iamfit runs as root, and PostgreSQL must run as another user; creating the user "${POSTGRES_USER}" failed: ${(error as Error).message}`);
    }
  }
  return { uid: idOf("-u")!, gid: idOf("-g")! };
}

/** Whether `runAs` may pass through every folder up to `target` and (test -x) use it. */
export function canReach(target: string, runAs: NonNullable<RunAs>): boolean {
  return spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", target], { uid: runAs.uid, gid: runAs.gid, stdio: "ignore" }).status === 0;
}

/** The binaries, or a copy of them under /var/lib/iamfit when the `postgres` user cannot reach them. */
export async function reachableBinaries(binaries: PostgresBinaries, runAs: RunAs, log: (line: string) => void): Promise<PostgresBinaries> {
  if (!runAs || canReach(path.join(binaries.nativeDir, "bin", "postgres"), runAs)) return binaries;
  const copy = path.join(REACHABLE_ROOT, `postgres-${binaries.version}`);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    await mkdir(REACHABLE_ROOT, { recursive: true, mode: 0o755 });
    await chmod(REACHABLE_ROOT, 0o755);
    // Copied aside, then renamed: a start that dies mid-copy leaves no half copy in use.
    const partial = `${copy}.partial-${process.pid}`;
    await cp(binaries.nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await chmod(partial, 0o755);
    await rename(partial, copy).catch(async (error: NodeJS.ErrnoException) => {
      await rm(partial, { recursive: true, force: true });
      if (!existsSync(path.join(copy, "bin", "postgres"))) throw error; // else another start copied it first
    });
    log(`the user "${POSTGRES_USER}" cannot reach ${binaries.nativeDir}; PostgreSQL runs from a copy in ${copy}`);
  }
  if (!canReach(path.join(copy, "bin", "postgres"), runAs)) throw new UnreachableDataDirError(copy, "its copy of the PostgreSQL programs is not reachable either");
  return { ...binaries, nativeDir: copy };
}

/**
 * Where the cluster lives: <data>/postgres, or, when the `postgres` user cannot reach the data
 * directory, the place recorded in <data>/postgres-location (chosen under /var/lib/iamfit).
 */
export async function clusterLocation(dataDir: string, runAs: RunAs, log: (line: string) => void): Promise<string> {
  const pointer = path.join(dataDir, "postgres-location");
  const recorded = (await readFile(pointer, "utf8").catch(() => "")).trim();
  if (recorded) return recorded;
  const inDataDir = path.join(dataDir, "postgres");
  if (!runAs || canReach(dataDir, runAs)) return inDataDir;
  if (existsSync(path.join(inDataDir, "PG_VERSION"))) {
    throw new UnreachableDataDirError(dataDir, `its cluster ${inDataDir} is there, behind a folder it may not pass`);
  }
  const name = `${path.basename(dataDir).replace(/[^\w.-]/g, "_")}-${createHash("sha256").update(dataDir).digest("hex").slice(0, 12)}`;
  const relocated = path.join(REACHABLE_ROOT, "clusters", name);
  try {
    await mkdir(path.dirname(relocated), { recursive: true, mode: 0o755 });
    await chmod(REACHABLE_ROOT, 0o755);
    await chmod(path.dirname(relocated), 0o755);
  } catch (error) {
    throw new UnreachableDataDirError(dataDir, `a parent folder is private, and ${path.dirname(relocated)} could not be created (${(error as Error).message})`);
  }
  if (!canReach(path.dirname(relocated), runAs)) throw new UnreachableDataDirError(dataDir, `a parent folder is private, and so is one above ${relocated}`);
  await writeFile(pointer, `${relocated}\n`);
  log(`the user "${POSTGRES_USER}" cannot reach ${dataDir} (a parent folder is private); the embedded PostgreSQL keeps its cluster in ${relocated}`);
  return relocated;
}
