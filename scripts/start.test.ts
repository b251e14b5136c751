/**
 * `npm start` runs the web server and the worker in one process. Next sets NODE_ENV=production
 * inside it during start-up, so every React module the process loads before then must be the
 * production build already, or the worker's digest renderer mixes builds and fails
 * (scripts/production-node-env.ts). The command is run exactly as package.json says, with a
 * configuration error that stops it once every module is loaded and before anything starts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = path.join(import.meta.dirname, "..");
const PROBE = path.join(ROOT, "lib/testing/react-build-probe.cjs");

interface ProbeLine {
  nodeEnv: string | null;
  reactBuilds: string[];
}

describe("npm start", () => {
  let directory: string | undefined;
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  function startWithBadPort(nodeEnv: string | undefined): { status: number | null; output: string; processes: ProbeLine[] } {
    directory = mkdtempSync(path.join(os.tmpdir(), "iamfit-start-test-"));
    const probeFile = path.join(directory, "probe.jsonl");
    // Without the test runner's own NODE_ENV (test): the case under test sets it or leaves it unset.
    const { NODE_ENV: _testRunners, ...inherited } = process.env;
    const env: Record<string, string | undefined> = {
      ...inherited,
      ...(nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv }),
      NODE_OPTIONS: `--require ${PROBE}`,
      REACT_BUILD_PROBE_FILE: probeFile,
      PORT: "not-a-port",
      IAMFIT_DATA_DIR: directory,
    };
    const result = spawnSync("npm", ["start"], { cwd: ROOT, env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
    const processes = readFileSync(probeFile, "utf8").trim().split("\n").map((line) => JSON.parse(line) as ProbeLine);
    return { status: result.status, output: `${result.stdout}${result.stderr}`, processes };
  }

  it.each([
    ["unset, as from a shell", undefined],
    ["development", "development"],
  ])("loads only React's production builds, with NODE_ENV %s", (_label, nodeEnv) => {
    const { status, output, processes } = startWithBadPort(nodeEnv);
    // It got as far as validating the configuration: every module of start.ts was loaded.
    expect(output).toContain('PORT="not-a-port"');
    expect(status).toBe(1);
    const app = processes.filter((line) => line.reactBuilds.length > 0);
    expect(app).toHaveLength(1);
    const builds = app[0]!.reactBuilds.map((file) => path.basename(file));
    // The digest renderer's modules, loaded at import: the JSX runtime and React itself.
    expect(builds).toEqual(expect.arrayContaining(["react-jsx-runtime.production.js", "react.production.js"]));
    expect(builds.filter((file) => !file.endsWith(".production.js"))).toEqual([]);
    expect(app[0]!.nodeEnv).toBe("production");
  });
});
