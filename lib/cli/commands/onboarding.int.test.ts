import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { CliError } from "../context";
import { registerOnboardingCommands } from "./onboarding";

function run(args: string[]) {
  const program = new Command("iamfit").exitOverride();
  const accounts = program.command("accounts");
  registerOnboardingCommands(accounts);
  for (const command of [accounts, ...accounts.commands]) command.exitOverride();
  return program.parseAsync(["accounts", ...args], { from: "user" });
}

async function output(args: string[]): Promise<{ lines: string[]; errors: string[] }> {
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    await run(args);
    return { lines: log.mock.calls.map((call) => String(call[0])), errors: error.mock.calls.map((call) => String(call[0])) };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const linkedIds = async () =>
  (await db().linkedAccount.findMany({ where: { removedAt: null }, orderBy: { awsAccountId: "asc" }, select: { awsAccountId: true } })).map((row) => row.awsAccountId);

describe("iamfit accounts discover | import | sync | health | templates", () => {
  let database: TestDatabase;
  let dir: string;
  const saved = { sandbox: process.env.IAMFIT_SANDBOX, exitCode: process.exitCode };
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), "iamfit-cli-onboarding-"));
    process.env.IAMFIT_SANDBOX = "1";
  });
  afterAll(async () => {
    process.env.IAMFIT_SANDBOX = saved.sandbox;
    process.exitCode = saved.exitCode;
    await rm(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it("discover lists every account of the organization with its OU path and state", async () => {
    const { lines } = await output(["discover"]);
    expect(lines[0]).toMatch(/^Organization o-[a-z0-9]{10}: 13 accounts \(13 new since the last sync\)\.$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ACCOUNT\s+NAME\s+OU PATH\s+STATE\s+IAMFIT$/));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${CURATED_ACCOUNT_IDS.prodPayments}\\s+prod-payments\\s+Root/Workloads/Prod\\s+active\\s+not linked$`)));
    expect(lines).toContainEqual(expect.stringMatching(/^157204938261\s+retired-analytics\s+Root\/Suspended\s+suspended\s+not linked$/));
    expect(process.exitCode).toBe(0);
  });

  it("discover --link-all --ou links the active accounts under that OU with one role name", async () => {
    const { lines } = await output(["discover", "--link-all", "--ou", "Workloads/NonProd", "--role", "iamfit-audit"]);
    const nonProd = [CURATED_ACCOUNT_IDS.devExperiments, CURATED_ACCOUNT_IDS.partnerIntegration, CURATED_ACCOUNT_IDS.stagingWeb].sort();
    expect(lines[0]).toBe(`Linked 3 account(s): ${nonProd.join(", ")}.`);
    expect(await linkedIds()).toEqual(nonProd);
    const queued = await db().accountCollection.count({ where: { status: "queued" } });
    expect(queued).toBe(3);
  });

  it("refuses a role option that is not a role name", async () => {
    await expect(run(["discover", "--link-all", "--role", "arn:aws:iam::1:role/x"])).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/--role/) });
  });

  it("import links nothing when a row is bad, and the good rows with --skip-invalid", async () => {
    const file = path.join(dir, "accounts.csv");
    await writeFile(file, "account_id,name,tags\n111111111111,One,env=prod\n22,Two,\n");
    const failure = await output(["import", file]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CliError);
    expect(failure).toMatchObject({ exitCode: 1, message: "1 row(s) have problems; nothing was linked. Fix them, or pass --skip-invalid." });
    expect(await linkedIds()).not.toContain("111111111111");
    const { lines, errors } = await output(["import", file, "--skip-invalid"]);
    expect(errors).toEqual([`${file}: line 3, account_id: must be exactly 12 digits, e.g. 123456789012`]);
    expect(lines).toEqual(["Linked 1, restored 0, already linked 0."]);
    expect(await linkedIds()).toContain("111111111111");
    expect(process.exitCode).toBe(1);
  });

  it("sync --config reports every problem of a broken file with its line, and applies a good one", async () => {
    const broken = path.join(dir, "broken.json");
    await writeFile(broken, '{\n  "accounts": [{ "accountId": "333333333333", "rol": "x" }],\n  "prune": 1\n}\n');
    await expect(run(["sync", "--config", broken])).rejects.toMatchObject({
      exitCode: 1,
      message: 'broken.json has 2 problem(s):\nbroken.json:2:47: accounts[0].rol: unknown property "rol"; did you mean "role"?\nbroken.json:3:12: prune: must be a boolean',
    });
    const good = path.join(dir, "iamfit.config.json");
    await writeFile(good, '{ "accounts": [{ "accountId": "333333333333", "name": "From config" }] }');
    const { lines } = await output(["sync", "--config", good]);
    expect(lines).toEqual(["iamfit.config.json: accounts: 1 linked, 0 restored, 0 updated, 0 unchanged, 0 removed"]);
  });

  it("health lists linked accounts with their state and the fix", async () => {
    const { lines } = await output(["health"]);
    expect(lines[0]).toMatch(/^ACCOUNT\s+NAME\s+OU PATH\s+HEALTH\s+LAST SUCCESS\s+ERROR$/);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${CURATED_ACCOUNT_IDS.stagingWeb}\\s+staging-web\\s+Root/Workloads/NonProd\\s+Not collected yet\\s+never`)));
  });

  it("templates writes the CloudFormation, StackSet and Terraform files filled in for this installation", async () => {
    const out = path.join(dir, "templates");
    await output(["templates", "--out", out, "--principal", "arn:aws:iam::024917360188:root"]);
    expect((await readdir(out)).sort()).toEqual(["iamfit-audit-role-stackset.yaml", "iamfit-audit-role.yaml", "stackset-commands.sh", "terraform"]);
    const template = await readFile(path.join(out, "iamfit-audit-role.yaml"), "utf8");
    expect(template).toContain('Default: "arn:aws:iam::024917360188:root"');
    expect(await readFile(path.join(out, "iamfit-audit-role-stackset.yaml"), "utf8")).toMatch(/TargetOrganizationalUnitIds:[\s\S]*Default: "r-[a-z0-9]{4}"/);
    expect((await readdir(path.join(out, "terraform", "iamfit-audit-role"))).sort()).toEqual(["main.tf", "outputs.tf", "variables.tf"]);
  });

  it("templates --generic writes the installation-neutral copies exactly as deploy/ holds them", async () => {
    const out = path.join(dir, "generic");
    await output(["templates", "--generic", "--out", out]);
    for (const file of ["deploy/cloudformation/iamfit-audit-role.yaml", "deploy/terraform/iamfit-audit-role/main.tf"]) {
      expect(await readFile(path.join(out, file), "utf8")).toBe(await readFile(path.resolve(file), "utf8"));
    }
  });
});
