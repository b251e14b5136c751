// Runs a test command so that a hang fails within minutes instead of holding the run for ever.
//
// A test runner whose worker deadlocks in native code (a futex wait) is deaf to its own
// timeouts and to SIGTERM: the per-test timers live in the stuck thread. So the watchdog sits
// outside: it passes the command's output through and, when nothing was printed for `stallMs`
// (the runners print a line per finished test or file) or the whole command ran past `totalMs`,
// says so and SIGKILLs the command and everything it started (Playwright's web server and
// PostgreSQL included, which live in process groups of their own).
import { execFileSync, spawn } from "node:child_process";

function descendantsOf(pid) {
  let table;
  try {
    table = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" });
  } catch {
    return [];
  }
  const children = new Map();
  for (const line of table.split("\n")) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (!child || parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found = [];
  const pending = [pid];
  while (pending.length > 0) {
    for (const child of children.get(pending.pop()) ?? []) {
      found.push(child);
      pending.push(child);
    }
  }
  return found;
}

function killTree(pid) {
  // Children first would let a parent restart them; stop everything, then kill.
  const tree = [pid, ...descendantsOf(pid)];
  for (const member of tree) {
    try {
      process.kill(member, "SIGSTOP");
    } catch {
      // already gone
    }
  }
  for (const member of tree) {
    try {
      process.kill(member, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/**
 * @param {string} label what runs, for the message ("the journeys")
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, stallMs: number, totalMs: number }} options
 * @returns {Promise<number>} the exit code (1 when the watchdog stopped it)
 */
export function runWatched(label, command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ["inherit", "pipe", "pipe"] });
    let stopped = false;
    const stop = (why) => {
      if (stopped) return;
      stopped = true;
      process.stderr.write(`\n[watchdog] ${label}: ${why}; stopping it and everything it started.\n`);
      killTree(child.pid);
    };
    const minutes = (ms) => `${Math.round(ms / 6_000) / 10} min`;
    let stall = setTimeout(() => stop(`no output for ${minutes(options.stallMs)}, a test is hung`), options.stallMs);
    const total = setTimeout(() => stop(`still running after ${minutes(options.totalMs)}`), options.totalMs);
    const onOutput = (target) => (chunk) => {
      target.write(chunk);
      clearTimeout(stall);
      if (!stopped) stall = setTimeout(() => stop(`no output for ${minutes(options.stallMs)}, a test is hung`), options.stallMs);
    };
    child.stdout.on("data", onOutput(process.stdout));
    child.stderr.on("data", onOutput(process.stderr));
    child.on("close", (code, signal) => {
      clearTimeout(stall);
      clearTimeout(total);
      resolve(stopped ? 1 : (code ?? (signal ? 1 : 0)));
    });
  });
}

export function minutesFromEnv(name, fallback) {
  const value = Number(process.env[name]);
  return (Number.isFinite(value) && value > 0 ? value : fallback) * 60_000;
}
