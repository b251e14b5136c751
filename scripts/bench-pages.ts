/**
 * `npm run bench:pages` — after `npm run bench:history`, against the same database.
 * Starts the production web server (scripts/start.ts --role web, built with `next build` into
 * NEXT_DIST_DIR, default .next-bench) on 127.0.0.1, signs a bench admin in (password and TOTP,
 * as a person does) and gives it a read API token, then loads every page and every /api/v1
 * endpoint with autocannon: a bounded number of requests per route, a few at once, each route
 * capped in time. Prints p50, p95 and p99 per route and the worst p95 on the last line; then
 * streams an export of every finding of every account and prints the server's peak RSS meanwhile.
 * `--export-only` skips the routes and measures the export alone, `--export-rounds <n>` repeats it
 * (constant memory keeps the first round's peak), `--server-heap-mb <n>` caps the server's V8 heap;
 * `--port` picks the server's port.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { benchDatabaseUrl } from "@/lib/bench/bench-database";
import { generateApiToken } from "@/lib/auth/api-tokens";
import { CookieJar, signInAndEnrol } from "@/lib/auth/testing/auth-sessions";
import { createFirstAdmin } from "@/lib/auth/user-admin";
import { insertApiToken } from "@/lib/db/api-tokens";
import { anyUserExists, findAuthUserByEmail, resetUserTwoFactor } from "@/lib/db/auth-users";
import { pickBenchTargets } from "@/lib/db/bench-history";
import { disconnectDb } from "@/lib/db/client";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    port: { type: "string", default: "3210" },
    requests: { type: "string", default: "40" },
    connections: { type: "string", default: "2" },
    "seconds-per-route": { type: "string", default: "30" },
    only: { type: "string" },
    "export-only": { type: "boolean", default: false },
    "export-rounds": { type: "string", default: "1" },
    "server-heap-mb": { type: "string" },
  },
});
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const ADMIN = { email: "bench-admin@example.com", name: "Bench Admin", password: "copper-lantern-orchid-59" };

interface Route {
  name: string;
  path: string;
  auth: "session" | "token";
  /** Fewer requests for the heavy downloads. */
  requests?: number;
}

function routes(target: NonNullable<Awaited<ReturnType<typeof pickBenchTargets>>>): Route[] {
  const account = target.awsAccountId;
  const resource = encodeURIComponent(target.resourceId);
  const page = (name: string, path: string, requests?: number): Route => ({ name, path, auth: "session", ...(requests ? { requests } : {}) });
  const api = (name: string, path: string): Route => ({ name, path, auth: "token" });
  return [
    page("scorecard", "/"),
    page("scorecard, page 2 sorted", "/?page=2&sort=score&dir=desc"),
    page("accounts", "/accounts"),
    page("account health", "/accounts/health"),
    page("account", `/accounts/${account}`),
    page("account, one exercise", `/accounts/${account}/exercises/6`),
    page("account checklist", `/accounts/${account}/checklist`),
    page("resource", `/accounts/${account}/resources?id=${resource}`),
    page("exercise across accounts", "/exercises/3"),
    page("findings, 100 with filters", "/exercises/6?status=fail&severity=medium&size=100&page=2"),
    page("changes, 7 days", "/changes?days=7"),
    page("changes, 90 days", "/changes?days=90"),
    page("checklists", "/checklists"),
    page("runs", "/runs"),
    page("run", `/runs/${target.latestRunId}`),
    page("audit log", "/audit"),
    page("organization", "/organization"),
    page("digests", "/digests"),
    page("settings", "/settings"),
    page("users", "/settings/users"),
    page("API tokens", "/settings/tokens"),
    page("single sign-on", "/settings/sso"),
    page("link an account", "/accounts/new"),
    page("onboarding templates", "/onboarding/templates"),
    page("export: exercise findings CSV", "/exercises/6/export?status=fail&format=csv", 10),
    page("export: account exercise JSON", `/accounts/${account}/exercises/6/export?format=json`, 10),
    page("export: account checklist", `/accounts/${account}/checklist/export`, 10),
    page("export: audit log", "/audit/export", 10),
    api("api: scorecard", "/api/v1/scorecard"),
    api("api: scorecard, one account", `/api/v1/scorecard?account=${account}`),
    api("api: accounts", "/api/v1/accounts"),
    api("api: runs", "/api/v1/runs?limit=25"),
    api("api: findings, 100 with filters", "/api/v1/findings?status=fail&exercise=6&severity=medium&pageSize=100&page=2"),
    api("api: findings of an account", `/api/v1/findings?account=${account}&pageSize=100`),
    api("api: findings as of a run", `/api/v1/findings?run=${target.latestRunId}&status=fail&pageSize=100`),
  ];
}

async function signIn(): Promise<{ cookie: string; token: string }> {
  const origin = { ip: "127.0.0.1", userAgent: "bench:pages" };
  let user = await findAuthUserByEmail(ADMIN.email);
  if (!user) {
    if (await anyUserExists()) throw new Error(`users exist in this database but not ${ADMIN.email}; bench:pages expects a database built by bench:history`);
    user = await createFirstAdmin(ADMIN, origin);
  } else {
    await resetUserTwoFactor(user.id); // a new run enrols again: its secret was not kept
  }
  const jar = new CookieJar();
  await signInAndEnrol(jar, ADMIN.email, ADMIN.password);
  const cookie = jar.headers().get("cookie");
  if (!cookie) throw new Error("signing in gave no session cookie");
  const token = generateApiToken();
  await insertApiToken({ id: token.id, userId: user.id, name: "bench:pages", scope: "read", secretHash: token.secretHash, expiresAt: new Date(Date.now() + 86_400_000) });
  return { cookie, token: token.secret };
}

function startServer(databaseUrl: string): ChildProcess {
  const server = spawn(process.execPath, ["--require", "./scripts/server-only-preload.cjs", "--import", "tsx", "scripts/start.ts", "--role", "web"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-bench",
      NEXT_TELEMETRY_DISABLED: "1",
      IAMFIT_SANDBOX: "",
      // A capped heap shows what the server needs, not what V8 lets grow before collecting it.
      ...(values["server-heap-mb"] ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${Number(values["server-heap-mb"])}`.trim() } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => process.stderr.write(`[server] ${chunk}`));
  server.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[server] ${chunk}`));
  return server;
}

async function waitForServer(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15 * 60_000; // a first start builds the app
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("the server did not answer within 15 minutes");
}

/** Resident set size of a process, from /proc (Linux). */
function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : 0;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

interface RouteFigures {
  route: Route;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  failures: number;
}

async function load(route: Route, headers: Record<string, string>): Promise<RouteFigures> {
  const url = `${base}${route.path}`;
  const first = await fetch(url, { headers, redirect: "manual" });
  const body = await first.arrayBuffer();
  if (first.status !== 200) throw new Error(`${route.name}: ${route.path} answered ${first.status}, not 200 (signed in?)`);
  const times: number[] = [];
  let failures = 0;
  const amount = route.requests ?? Number(values.requests);
  await new Promise<void>((resolve) => {
    const instance = autocannon({ url, headers, connections: Number(values.connections), amount, timeout: 60 });
    const cap = setTimeout(() => instance.stop(), Number(values["seconds-per-route"]) * 1000);
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) failures++;
      times.push(responseTime);
    });
    instance.on("done", () => {
      clearTimeout(cap);
      resolve();
    });
  });
  times.sort((a, b) => a - b);
  return { route, requests: times.length, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), bytes: body.byteLength, failures };
}

/** Streams every finding of every account (all ten exercises, any status), sampling the server's RSS. */
async function exportEverything(pid: number, headers: Record<string, string>) {
  const before = rssBytes(pid);
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid));
  }, 50);
  let bytes = 0;
  let lines = 0;
  const started = Date.now();
  for (let exercise = 1; exercise <= 10; exercise++) {
    const response = await fetch(`${base}/exercises/${exercise}/export?status=all&format=csv`, { headers });
    if (!response.ok || !response.body) throw new Error(`export of exercise ${exercise} answered ${response.status}`);
    for await (const chunk of response.body) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) lines++;
    }
  }
  clearInterval(timer);
  return { before, peak: Math.max(peak, rssBytes(pid)), bytes, lines, seconds: (Date.now() - started) / 1000 };
}

const pad = (text: string, width: number) => text.padEnd(width);
const ms = (value: number) => `${Math.round(value)} ms`.padStart(8);

async function main() {
  const url = benchDatabaseUrl(values["database-url"]);
  process.env.DATABASE_URL = url.toString();
  const target = await pickBenchTargets();
  if (!target) throw new Error(`${url.pathname.slice(1)} holds no findings: run npm run bench:history first`);
  const { cookie, token } = await signIn();
  await disconnectDb();
  console.log(`database ${url.host}${url.pathname}: ${target.accounts} accounts, ${target.openFindings} open findings; heaviest account ${target.awsAccountId}`);

  const server = startServer(url.toString());
  try {
    await waitForServer(server);
    // --export-only skips the routes: a fresh server measures the whole export's memory alone.
    const selected = values["export-only"] ? [] : routes(target).filter((route) => !values.only || route.name.includes(values.only));
    const figures: RouteFigures[] = [];
    console.log(`${pad("route", 36)} ${"requests".padStart(8)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)} ${"size".padStart(10)}`);
    for (const route of selected) {
      const headers: Record<string, string> = route.auth === "session" ? { cookie } : { authorization: `Bearer ${token}` };
      const result = await load(route, headers);
      figures.push(result);
      const size = `${(result.bytes / 1024).toFixed(0)} KB`.padStart(10);
      console.log(`${pad(route.name, 36)} ${String(result.requests).padStart(8)} ${ms(result.p50)} ${ms(result.p95)} ${ms(result.p99)} ${size}${result.failures ? `  ${result.failures} not 200` : ""}`);
    }
    if (values["export-only"] || !values.only || values.only === "export") {
      // Several rounds: memory that stays constant keeps the first round's peak however much is exported.
      const rounds = Math.max(1, Number(values["export-rounds"]));
      const before = rssBytes(server.pid!);
      for (let round = 1; round <= rounds; round++) {
        const exported = await exportEverything(server.pid!, { cookie });
        console.log(
          `export of every finding (10 exercises, CSV)${rounds > 1 ? `, round ${round}` : ""}: ${exported.lines} lines, ${(exported.bytes / 1_048_576).toFixed(1)} MB in ${exported.seconds.toFixed(1)} s; ` +
            `server RSS ${(before / 1_048_576).toFixed(0)} MB before, peak ${(exported.peak / 1_048_576).toFixed(0)} MB`,
        );
      }
    }
    if (figures.length > 0) {
      const worst = figures.reduce((a, b) => (b.p95 > a.p95 ? b : a));
      console.log(`worst p95: ${Math.round(worst.p95)} ms (${worst.route.name}, ${worst.route.path})`);
    }
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch(async (error: unknown) => {
  console.error(error);
  await disconnectDb();
  process.exit(1);
});
