import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listAuditEvents } from "@/lib/db/audit";
import { loadSandboxMutations } from "@/lib/runtime/sandbox-setup";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { CliError } from "../context";
import { registerSandboxCommand } from "./sandbox";

function run(args: string[]) {
  const program = new Command("iamfit").exitOverride();
  registerSandboxCommand(program);
  for (const command of program.commands) command.exitOverride();
  return program.parseAsync(args, { from: "user" });
}

describe("iamfit sandbox", () => {
  let database: TestDatabase;
  const saved = { sandbox: process.env.IAMFIT_SANDBOX };
  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.IAMFIT_SANDBOX = "1";
  });
  afterAll(async () => {
    process.env.IAMFIT_SANDBOX = saved.sandbox;
    await database?.drop();
  });

  it("applies a mutation and keeps it for every process, then lists it", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const mutation = { type: "set-password-policy", accountId: CURATED_ACCOUNT_IDS.stagingWeb, minLength: 14, reuse: 24 };
    await run(["sandbox", "apply", JSON.stringify(mutation)]);
    expect(await loadSandboxMutations()).toEqual([mutation]);
    // The change is in the audit trail as the command line's, with the operating-system user.
    const [entry] = (await listAuditEvents({ action: "sandbox.fix_applied" }, { limit: 1 })).rows;
    expect(entry).toMatchObject({ actorKind: "cli", userAgent: "iamfit-cli", detail: { summary: "set the password policy to length 14, reuse prevention 24", osUser: expect.any(String) } });
    await run(["sandbox", "list"]);
    expect(log.mock.calls.map((call) => call[0])).toEqual(["Applied: set the password policy to length 14, reuse prevention 24.", "1. set the password policy to length 14, reuse prevention 24"]);
    log.mockRestore();
  });

  it.each([
    ["not json", 2, /is not JSON/],
    [JSON.stringify({ type: "enable-mfa", accountId: "12" }), 2, /invalid sandbox mutation/],
    [JSON.stringify({ type: "deactivate-access-key", accountId: CURATED_ACCOUNT_IDS.stagingWeb, userName: "nobody-here", keyIndex: 1 }), 1, /the sandbox refused it/],
  ])("refuses %s with exit code %i and stores nothing", async (json, exitCode, message) => {
    const before = await loadSandboxMutations();
    const error = await run(["sandbox", "apply", json]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ exitCode, message: expect.stringMatching(message) });
    expect(await loadSandboxMutations()).toEqual(before);
  });
});
