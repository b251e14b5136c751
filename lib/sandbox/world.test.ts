import { GenerateCredentialReportCommand, GetAccountAuthorizationDetailsCommand, GetCredentialReportCommand } from "@aws-sdk/client-iam";
import { DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { generatedAccountId } from "@/lib/sandbox/generated-traits";
import { accountClients, TEST_NOW, testWorld } from "@/lib/sandbox/test-fixtures";
import { createSandboxWorld } from "@/lib/sandbox/world";

const ids = CURATED_ACCOUNT_IDS;

async function observe(world: ReturnType<typeof testWorld>, accountId: string) {
  const clients = await accountClients(world, accountId, { faults: { builtInRules: false } });
  const iam = clients.iam();
  const { $metadata: _gaad, ...details } = await iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 1000 }));
  await iam.send(new GenerateCredentialReportCommand({}));
  await iam.send(new GenerateCredentialReportCommand({}));
  const report = new TextDecoder().decode((await iam.send(new GetCredentialReportCommand({}))).Content);
  const { $metadata: _ec2, ...instances } = await clients.ec2("us-east-1").send(new DescribeInstancesCommand({}));
  return { details, report, instances };
}

describe("determinism", () => {
  it("gives identical answers for the same seed, also at another hour of the same day", async () => {
    const morning = testWorld({ now: new Date("2026-11-20T06:00:00Z") });
    const evening = testWorld({ now: new Date("2026-11-20T22:30:00Z") });
    for (const accountId of [ids.legacyMonolith, ids.prodPayments]) {
      expect(await observe(morning, accountId)).toEqual(await observe(evening, accountId));
    }
  });

  it("gives different ids and dates for a different seed, the same curated structure", async () => {
    const a = await observe(testWorld({ seed: 1 }), ids.legacyMonolith);
    const b = await observe(testWorld({ seed: 2 }), ids.legacyMonolith);
    expect(a.details.UserDetailList?.map((user) => user.UserName)).toEqual(b.details.UserDetailList?.map((user) => user.UserName));
    expect(a.details.UserDetailList?.map((user) => user.UserId)).not.toEqual(b.details.UserDetailList?.map((user) => user.UserId));
    expect(a.report).not.toEqual(b.report);
  });

  it("dates every fact at or before the UTC day of `now`", () => {
    const world = testWorld();
    const today = Date.UTC(TEST_NOW.getUTCFullYear(), TEST_NOW.getUTCMonth(), TEST_NOW.getUTCDate());
    expect(world.today.getTime()).toBe(today);
    const account = world.account(ids.legacyMonolith);
    const dates = [
      ...(account?.users.flatMap((user) => [user.createdAt, user.password?.lastUsed, ...user.accessKeys.flatMap((key) => [key.createdAt, key.lastUsed?.date])]) ?? []),
      ...(account?.instances.map((instance) => instance.launchTime) ?? []),
    ].filter((date): date is Date => date !== undefined);
    expect(dates.length).toBeGreaterThan(20);
    expect(dates.every((date) => date.getTime() <= today)).toBe(true);
  });

  it("builds generated accounts the same way for the same seed and differently for another", () => {
    const summaries = (seed: number) => createSandboxWorld({ seed, now: TEST_NOW, generatedAccounts: 20 }).accounts().slice(-20);
    expect(summaries(5)).toEqual(summaries(5));
    expect(summaries(5).map((summary) => summary.accountId)).not.toEqual(summaries(6).map((summary) => summary.accountId));
    const first = createSandboxWorld({ seed: 5, now: TEST_NOW, generatedAccounts: 3 });
    const second = createSandboxWorld({ seed: 5, now: TEST_NOW, generatedAccounts: 3 });
    const id = first.accounts()[first.accounts().length - 1]?.accountId ?? "";
    expect(first.account(id)).toEqual(second.account(id));
  });
});

describe("the organization's accounts", () => {
  it("has at least seven curated accounts with env and team tags and an audit role each", () => {
    const curated = testWorld().accounts().filter((summary) => summary.kind === "curated");
    expect(curated.length).toBeGreaterThanOrEqual(7);
    for (const summary of curated) {
      expect(summary.accountId).toMatch(/^\d{12}$/);
      expect(["prod", "staging", "dev", "sandbox"]).toContain(summary.tags.env);
      expect(summary.tags.team).toBeTruthy();
      expect(summary.roleArn).toBe(`arn:aws:iam::${summary.accountId}:role/iamfit-audit`);
    }
    expect(new Set(curated.map((summary) => summary.tags.env))).toEqual(new Set(["prod", "staging", "dev", "sandbox"]));
  });

  it("gives 1,000 generated accounts unique 12-digit ids that never collide with curated ones", () => {
    const world = testWorld({ generatedAccounts: 1000 });
    const accountIds = world.accounts().map((summary) => summary.accountId);
    expect(accountIds).toHaveLength(1000 + Object.keys(ids).length);
    expect(new Set(accountIds).size).toBe(accountIds.length);
    expect(accountIds.every((accountId) => /^\d{12}$/.test(accountId))).toBe(true);
    expect(generatedAccountId(42, 0)).toBe(world.accounts()[Object.keys(ids).length]?.accountId);
  });

  it("lists 1,000 generated accounts quickly without building any", () => {
    const world = testWorld({ generatedAccounts: 1000 });
    const started = performance.now();
    const summaries = world.accounts();
    expect(performance.now() - started).toBeLessThan(500);
    expect(summaries.filter((summary) => summary.kind === "generated")).toHaveLength(1000);
    expect(world.stats()).toMatchObject({ materializedAccounts: 0, accountBuilds: 0 });
  });

  it("keeps at most the cache size of accounts built while 1,000 are visited", () => {
    const world = testWorld({ generatedAccounts: 1000 });
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    let users = 0;
    for (const summary of world.accounts()) users += world.account(summary.accountId)?.users.length ?? 0;
    const elapsed = performance.now() - started;
    expect(users).toBeGreaterThan(5000);
    expect(world.stats()).toMatchObject({ materializedAccounts: 100, accountBuilds: 1000 + Object.keys(ids).length });
    expect(elapsed).toBeLessThan(20_000);
    // Loose: 100 built accounts are a few tens of MB; all 1,000 would be several hundred.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(400 * 1024 * 1024);
  });

  it("rebuilds an evicted account identically, with its mutations replayed", () => {
    const world = testWorld({ generatedAccounts: 5, cacheSize: 2 });
    const target = ids.legacyMonolith;
    world.applyMutation({ type: "delete-root-access-key", accountId: target });
    world.applyMutation({ type: "add-admin-user", accountId: target, userName: "intruder" });
    const before = structuredClone(world.account(target));
    for (const summary of world.accounts()) world.account(summary.accountId);
    const rebuilt = world.account(target);
    expect(rebuilt).not.toBe(before);
    expect(rebuilt).toEqual(before);
    expect(rebuilt?.root.accessKeys).toEqual([]);
    expect(rebuilt?.users.map((user) => user.userName)).toContain("intruder");
  });

  it("returns undefined for an account that is not in the organization", () => {
    expect(testWorld().account("000000000000")).toBeUndefined();
  });
});
