// `npm test`: the type check, the unit and integration tests, then the end-to-end journeys, on
// the Node.js that runs npm. IAMFIT_TEST_ALSO_ON_NODE names more Node.js executables (separated
// like PATH) that run the unit and integration tests again: CI runs everything on Node 22 and
// the unit tests on Node 20 too (.ci/run). Stops at the first part that fails. Each test runner
// runs under a watchdog (scripts/watchdog.mjs), so a hang fails within minutes.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { minutesFromEnv, runWatched } from "./watchdog.mjs";

const root = path.resolve(import.meta.dirname, "..");
const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");

function versionOf(node) {
  return execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
}

const otherNodes = (process.env.IAMFIT_TEST_ALSO_ON_NODE ?? "").split(path.delimiter).filter(Boolean);
for (const node of otherNodes) {
  if (!existsSync(node)) {
    console.error(`IAMFIT_TEST_ALSO_ON_NODE: ${node} does not exist`);
    process.exit(1);
  }
}

// A test file takes at most a few minutes and vitest prints a line for each one it finishes.
const unitLimits = { stallMs: minutesFromEnv("UNIT_STALL_MINUTES", 10), totalMs: minutesFromEnv("UNIT_TIMEOUT_MINUTES", 30) };
const steps = [
  { label: "type check", command: process.execPath, args: [tsc, "--noEmit"], limits: { stallMs: 15 * 60_000, totalMs: 15 * 60_000 } },
  ...[process.execPath, ...otherNodes].map((node) => ({
    label: `unit and integration tests on Node.js ${versionOf(node)}`,
    command: node,
    args: [vitest, "run"],
    limits: unitLimits,
  })),
  // scripts/run-e2e.mjs has its own watchdog, which knows the journeys' limits.
  { label: `end-to-end journeys on Node.js ${process.version}`, command: process.execPath, args: [path.join(root, "scripts", "run-e2e.mjs")], limits: { stallMs: 2 ** 31 - 1, totalMs: 2 ** 31 - 1 } },
];

for (const step of steps) {
  console.log(`\n== ${step.label}`);
  const started = Date.now();
  const status = await runWatched(step.label, step.command, step.args, { ...step.limits, env: process.env });
  console.log(`== ${step.label}: ${status === 0 ? "passed" : `failed (exit ${status})`} in ${Math.round((Date.now() - started) / 1000)} s`);
  if (status !== 0) process.exit(status);
}
