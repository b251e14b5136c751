import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkAccounts } from "@/lib/db/account-links";
import { db } from "@/lib/db/client";
import { getOrganizationSettings } from "./organization-store";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { validateAccountsConfig, type AccountsConfig } from "./config-file";
import { applyAccountsConfig, applyAccountsConfigAtStartup, ConfigFileError, readAccountsConfigFile } from "./config-sync";

function config(text: object): AccountsConfig {
  const result = validateAccountsConfig(JSON.stringify(text, null, 2));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

async function linked() {
  const rows = await db().linkedAccount.findMany({ where: { removedAt: null }, orderBy: { awsAccountId: "asc" }, select: { awsAccountId: true, name: true, roleArn: true, source: true } });
  return rows.map((row) => `${row.awsAccountId} ${row.name} ${row.roleArn.split("/").at(-1)} ${row.source}`);
}

describe("applying iamfit.config.json", () => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), "iamfit-config-"));
    await linkAccounts([{ accountId: "999999999999", name: "Linked by hand", roleArn: "arn:aws:iam::999999999999:role/iamfit-audit", externalId: "x-external", tags: {} }], {
      source: "manual",
      onExisting: "skip",
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it("links the declared accounts with the installation's ExternalId by default", async () => {
    const result = await applyAccountsConfig(config({ accounts: [{ accountId: "111111111111", name: "Payments" }, { accountId: "222222222222", role: "reader" }] }), "cli");
    expect(result).toMatchObject({ linked: ["111111111111", "222222222222"], updated: [], unchanged: [], removed: [], organizationSettings: "untouched" });
    expect(await linked()).toEqual([
      "111111111111 Payments iamfit-audit config",
      "222222222222 222222222222 reader config",
      "999999999999 Linked by hand iamfit-audit manual",
    ]);
    const externalId = (await db().installationSetting.findUnique({ where: { key: "externalId" } }))?.value;
    expect((await db().linkedAccount.findUnique({ where: { awsAccountId: "111111111111" } }))?.externalId).toBe(externalId);
  });

  it("updates what changed, leaves the rest, and removes undeclared config accounts only with prune", async () => {
    const kept = await applyAccountsConfig(config({ accounts: [{ accountId: "111111111111", name: "Payments prod" }] }), "cli");
    expect(kept).toMatchObject({ updated: ["111111111111"], removed: [] });
    const pruned = await applyAccountsConfig(config({ accounts: [{ accountId: "111111111111", name: "Payments prod" }], prune: true }), "cli");
    expect(pruned).toMatchObject({ unchanged: ["111111111111"], removed: ["222222222222"] });
    expect(await linked()).toEqual(["111111111111 Payments prod iamfit-audit config", "999999999999 Linked by hand iamfit-audit manual"]);
  });

  it("stores the organization section as settings managed by the file, and resets them when the section goes", async () => {
    const applied = await applyAccountsConfig(config({ organization: { autoLink: true, excludeOus: ["Sandbox"], syncIntervalHours: 6 } }), "cli");
    expect(applied.organizationSettings).toBe("applied");
    expect(applied.organizationSync).toBeUndefined();
    expect(await getOrganizationSettings()).toMatchObject({ autoLink: true, excludeOus: ["Sandbox"], syncIntervalHours: 6, managedBy: "config" });
    const reset = await applyAccountsConfig(config({}), "cli");
    expect(reset.organizationSettings).toBe("reset");
    expect(await getOrganizationSettings()).toMatchObject({ autoLink: false, managedBy: "default" });
  });

  it("reads a file from disk, and refuses a broken one with every problem and its line", async () => {
    const good = path.join(dir, "good.json");
    await writeFile(good, '{ "accounts": [{ "accountId": "333333333333" }] }');
    expect((await readAccountsConfigFile(good))?.accounts.map((account) => account.accountId)).toEqual(["333333333333"]);
    expect(await readAccountsConfigFile(path.join(dir, "missing.json"))).toBeUndefined();
    const broken = path.join(dir, "iamfit.config.json");
    await writeFile(broken, '{\n  "accounts": [\n    { "accountId": "12" }\n  ]\n}\n');
    const failure = await readAccountsConfigFile(broken).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigFileError);
    expect((failure as ConfigFileError).message).toBe(
      "iamfit.config.json has 1 problem(s):\niamfit.config.json:3:20: accounts[0].accountId: must be exactly 12 digits, e.g. 123456789012",
    );
  });

  it("at start-up logs a broken file line by line and applies nothing", async () => {
    const lines: string[] = [];
    const result = await applyAccountsConfigAtStartup((line) => lines.push(line), { configPath: path.join(dir, "iamfit.config.json") });
    expect(result).toBeUndefined();
    expect(lines).toEqual(["iamfit.config.json was not applied:", "  iamfit.config.json:3:20: accounts[0].accountId: must be exactly 12 digits, e.g. 123456789012"]);
  });

  it("at start-up applies a good file and says what it did", async () => {
    const file = path.join(dir, "start.json");
    await writeFile(file, '{ "accounts": [{ "accountId": "444444444444", "name": "From start-up" }] }');
    const lines: string[] = [];
    const result = await applyAccountsConfigAtStartup((line) => lines.push(line), { configPath: file });
    expect(result?.linked).toEqual(["444444444444"]);
    expect(lines).toEqual(["start.json: accounts: 1 linked, 0 restored, 0 updated, 0 unchanged, 0 removed"]);
  });
});
