/**
 * Starts the test OpenID provider (lib/testing/oidc-provider.ts) in a child process for a journey.
 *
 * Why not in the Playwright worker: oidc-provider is ESM-only, and Playwright loads specs as
 * CommonJS through loader hooks that, on Node 20, run on a separate thread and talk to the worker
 * over a message channel. A require() of an ES module there blocks the worker's thread while it
 * waits for that thread, and under load the two can wait on each other for ever (the worker sat in
 * a futex wait, deaf to SIGTERM, and no timeout fired). The child runs under plain Node with tsx.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { OidcProviderOptions, RunningOidcProvider } from "@/lib/testing/oidc-provider";
import type { ChildMessage, ParentMessage } from "./oidc-provider-child";

const CHILD = path.join(__dirname, "oidc-provider-child.ts");
const START_TIMEOUT_MS = 60_000;

export async function startOidcProviderProcess(options: Omit<OidcProviderOptions, "onAuthorizationRequest">): Promise<RunningOidcProvider> {
  const { NODE_OPTIONS: _loaderOptions, ...env } = process.env;
  const child = fork(CHILD, [JSON.stringify(options)], {
    execArgv: ["--import", "tsx"],
    env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const authorizationRequests: URLSearchParams[] = [];
  child.on("message", (message: ChildMessage) => {
    if (message.type === "authorization") authorizationRequests.push(new URLSearchParams(message.query));
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the test OpenID provider did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.on("message", (message: ChildMessage) => {
      if (message.type === "ready") (clearTimeout(timer), resolve(message.issuer));
      if (message.type === "failed") (clearTimeout(timer), reject(new Error(`the test OpenID provider failed to start: ${message.message}`)));
    });
    child.once("exit", (code, signal) => (clearTimeout(timer), reject(new Error(`the test OpenID provider exited (${signal ?? code}) before it was ready`))));
  });
  return {
    issuer,
    client: options.client,
    authorizationRequests,
    setUsers: (users) => void child.send({ type: "setUsers", users } satisfies ParentMessage),
    close: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => (clearTimeout(timer), resolve()));
    child.send({ type: "close" } satisfies ParentMessage);
  });
}
