/**
 * A collection worker in a process of its own, for the test that kills one mid-account
 * (lib/collect/worker-killed.int.test.ts). It works the queue of DATABASE_URL against the sandbox
 * organization; IAMFIT_TEST_HANG_ACCOUNT names an account whose IAM calls hang, so a collection
 * of it is reliably in progress when the process is killed.
 *
 *   node --require ./scripts/server-only-preload.cjs --import tsx lib/testing/sandbox-worker-process.ts
 */
import { startSandboxPipeline } from "./sandbox-pipeline";

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL must name the test database");
  const hangAccount = process.env.IAMFIT_TEST_HANG_ACCOUNT;
  const accounts = process.env.IAMFIT_TEST_ACCOUNTS?.split(",").filter(Boolean);
  await startSandboxPipeline(databaseUrl, {
    ...(accounts ? { onlyAccounts: accounts } : {}),
    ...(hangAccount ? { faults: { rules: [{ accountId: hangAccount, api: "iam:GetAccountAuthorizationDetails", fault: "hang" }], hangMs: 600_000 } } : {}),
  });
  process.stdout.write(`worker ready ${process.pid}\n`);
  // Stays up until killed: that is the point.
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
