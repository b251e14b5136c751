/**
 * Whether a process recorded earlier is still that process. A pid alone is not enough: after a
 * crash and a reboot the pid may belong to someone else, so on Linux the process's start time
 * (field 22 of /proc/<pid>/stat) is recorded beside it.
 */
import { readFileSync } from "node:fs";

export interface ProcessIdentity {
  pid: number;
  /** The process's start time where the system tells it, "" where it does not. */
  startedAt: string;
}

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may contain spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

export function identityOf(pid: number): ProcessIdentity {
  return { pid, startedAt: statFields(pid)?.[19] ?? "" };
}

export function formatIdentity(identity: ProcessIdentity): string {
  return `${identity.pid} ${identity.startedAt}`.trim();
}

export function parseIdentity(text: string): ProcessIdentity | undefined {
  const [pid, startedAt = ""] = text.trim().split(/\s+/);
  const parsed = Number(pid);
  return Number.isInteger(parsed) && parsed > 0 ? { pid: parsed, startedAt } : undefined;
}

/** Running (not a zombie waiting to be reaped) and, where known, started when recorded. */
export function isRunning(identity: ProcessIdentity): boolean {
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const fields = statFields(identity.pid);
  if (!fields) return true; // no /proc: the signal check is all there is
  if (fields[0] === "Z") return false;
  return identity.startedAt === "" || fields[19] === identity.startedAt;
}
