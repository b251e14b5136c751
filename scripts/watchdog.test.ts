/**
 * A hung test run fails within the watchdog's limits, even when the hung process is deaf to
 * SIGTERM and blocked in a futex wait (as the Playwright worker was), and nothing it started
 * is left running.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runWatched } from "./watchdog.mjs";

/** Prints one line, starts a child that sleeps, then blocks in Atomics.wait ignoring SIGTERM. */
const HUNG_RUNNER = `
const { spawn } = require("node:child_process");
process.on("SIGTERM", () => {});
const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore", detached: true });
console.log("started " + child.pid);
setTimeout(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0), 100);
`;

/** Running, not merely a zombie waiting for its new parent to reap it. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

describe("the test watchdog", () => {
  it("stops a run that prints nothing for the stall limit, with everything it started", async () => {
    const output: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => (output.push(String(chunk)), true)) as typeof process.stdout.write;
    const started = Date.now();
    let status: number;
    try {
      status = await runWatched("a hung run", process.execPath, ["-e", HUNG_RUNNER], { stallMs: 1_500, totalMs: 60_000 });
    } finally {
      process.stdout.write = write;
    }
    expect(status).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    const grandchild = Number(/started (\d+)/.exec(output.join(""))?.[1]);
    expect(grandchild).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(running(grandchild)).toBe(false);
  });

  it("stops a run that keeps printing but outlives the total limit", async () => {
    const status = await runWatched("a long run", process.execPath, ["-e", "setInterval(() => console.log('tick'), 200)"], {
      stallMs: 60_000,
      totalMs: 1_500,
      env: process.env,
    });
    expect(status).toBe(1);
  });

  it("passes a finished run's exit code through", async () => {
    expect(await runWatched("a quick run", process.execPath, ["-e", "process.exit(3)"], { stallMs: 60_000, totalMs: 60_000 })).toBe(3);
    expect(await runWatched("a quick run", process.execPath, ["-e", "console.log('ok')"], { stallMs: 60_000, totalMs: 60_000 })).toBe(0);
  });
});
