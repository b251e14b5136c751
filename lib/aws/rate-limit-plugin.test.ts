import { DescribeSecurityGroupsCommand } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { createAccountClients } from "@/lib/aws/client-factory";
import { DEFAULT_REQUEST_RATES } from "@/lib/aws/limits";
import { collectAccount } from "@/lib/collect/collect-account";
import { CURATED_ACCOUNT_IDS, sandboxPlugin, SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox";
import { testWorld } from "@/lib/sandbox/test-fixtures";
import { createPacer, describeRequestRates, parseRequestRates, resolveRequestRates, type RequestRates } from "./rate-limit-plugin";

describe("the pacer", () => {
  it("lets the first request go at once and starts the next ones 1/rate apart, in the order they asked", async () => {
    const pacer = createPacer(20);
    const begin = Date.now();
    const started: number[] = [];
    await Promise.all(Array.from({ length: 4 }, async (_, index) => {
      await pacer.acquire();
      started[index] = Date.now() - begin;
    }));
    // Timers may fire late on a busy machine, never early: each request starts at or after its
    // slot, 1/rate after the previous one's. (Gaps between actual starts can be shorter: when one
    // timer fires late and the next on time.)
    expect(started[0]).toBeLessThan(started[1]! - 40);
    for (let index = 1; index < started.length; index++) {
      expect(started[index]!).toBeGreaterThanOrEqual(index * 50 - 5);
      expect(started[index]!).toBeGreaterThanOrEqual(started[index - 1]!);
    }
  });

  it("waits in real time for its slot", async () => {
    const pacer = createPacer(20);
    const begin = Date.now();
    await Promise.all(Array.from({ length: 5 }, () => pacer.acquire()));
    // Five requests at 20/s: the fifth may start 4 × 50 ms after the first.
    expect(Date.now() - begin).toBeGreaterThanOrEqual(190);
  });

  it("stops waiting when the request is aborted", async () => {
    const pacer = createPacer(1);
    await pacer.acquire();
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    controller.abort(new Error("cancelled"));
    await expect(waiting).rejects.toThrow("cancelled");
  });

  it.each([0, -1, Number.NaN])("refuses the rate %s", (rate) => {
    expect(() => createPacer(rate)).toThrow(RangeError);
  });
});

describe("configured rates", () => {
  it.each([
    ["iam=2, ec2=5", { iam: 2, ec2: 5 }],
    ["s3=0.5", { s3: 0.5 }],
    ["off", "off"],
    ["", {}],
    ["iam=off", { iam: 0 }],
    ["iam=off, ec2=5", { iam: 0, ec2: 5 }],
  ] as const)("parses %j", (text, rates) => {
    expect(parseRequestRates(text)).toEqual(rates);
  });

  it.each(["iam", "lambda=3", "iam=fast", "ec2=-1", "lambda=off"])("rejects %j, naming the entry", (text) => {
    expect(() => parseRequestRates(text)).toThrow(`"${text}" is not family=requests-per-second`);
  });

  it("keeps the defaults for families not overridden, and removes every cap with off", () => {
    expect(resolveRequestRates({ iam: 2 })).toEqual({ ...DEFAULT_REQUEST_RATES, iam: 2 });
    expect(Object.values(resolveRequestRates("off"))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(describeRequestRates(resolveRequestRates({ ec2: 0 }))).toBe(
      "iam 5/s, sts 10/s, ec2 unpaced, autoscaling 10/s, s3 20/s, cloudtrail 10/s, accessanalyzer 10/s, identitycenter 5/s",
    );
  });
});

/** Calls per wall-clock second, as the sandbox counted them, from the first busy second to the last. */
function busySeconds(perSecond: Array<{ second: number; count: number }>): number[] {
  const counts = new Map(perSecond.map((bucket) => [bucket.second, bucket.count]));
  const seconds = perSecond.map((bucket) => bucket.second);
  const first = Math.min(...seconds);
  const last = Math.max(...seconds);
  return Array.from({ length: last - first + 1 }, (_, index) => counts.get(first + index) ?? 0);
}

describe("a rate cap, measured in the sandbox", () => {
  it("keeps one service's calls at or under its rate in every second", async () => {
    const world = testWorld();
    const clients = createAccountClients(
      { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [sandboxPlugin(world, { builtInRules: false })], requestRates: { ec2: 8, sts: 100 } },
      { accountId: CURATED_ACCOUNT_IDS.prodPayments, roleArn: world.accounts().find((a) => a.accountId === CURATED_ACCOUNT_IDS.prodPayments)!.roleArn, externalId: world.externalId },
    );
    try {
      await clients.openSession();
      world.resetStats();
      const begin = Date.now();
      await Promise.all(Array.from({ length: 24 }, () => clients.ec2("eu-west-1").send(new DescribeSecurityGroupsCommand({}))));
      const elapsed = Date.now() - begin;
      const stats = world.stats();
      expect(stats.byApi["ec2:DescribeSecurityGroups"]).toBe(24);
      // Evenly spaced at 8/s: never more than 8 starts in a wall-clock second (9 if a second boundary splits the spacing).
      expect(Math.max(...busySeconds(stats.perSecond))).toBeLessThanOrEqual(9);
      expect(elapsed).toBeGreaterThanOrEqual((23 / 8) * 1000 - 50);
    } finally {
      clients.destroy();
    }
  });

  it("paces a whole account's collection: in every second, all its calls together stay under the sum of the family caps", async () => {
    const world = testWorld();
    const rates: RequestRates = { iam: 4, sts: 6, ec2: 6, autoscaling: 4, s3: 6, cloudtrail: 4, accessanalyzer: 4, identitycenter: 4 };
    const account = world.accounts().find((a) => a.accountId === CURATED_ACCOUNT_IDS.stagingWeb)!;
    const clients = createAccountClients(
      { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [sandboxPlugin(world, { builtInRules: false })], requestRates: rates },
      { accountId: account.accountId, roleArn: account.roleArn, externalId: world.externalId },
    );
    world.resetStats();
    try {
      const snapshot = await collectAccount(clients, { regions: { allow: ["us-east-1", "eu-west-1", "eu-central-1"] }, credentialReport: { sleep: async () => undefined } });
      expect(snapshot.parts["iam.credentialReport"]).toMatchObject({ status: "ok" });
    } finally {
      clients.destroy();
    }
    const stats = world.stats();
    const sum = Object.values(rates).reduce((total, rate) => total + rate, 0);
    const seconds = busySeconds(stats.perSecond);
    expect(stats.total).toBeGreaterThan(sum);
    expect(Math.max(...seconds)).toBeLessThanOrEqual(sum + Object.keys(rates).length);
    // Fully collected, so it took at least as long as its busiest family needs at its rate.
    const ec2Calls = Object.entries(stats.byApi).filter(([api]) => api.startsWith("ec2:")).reduce((total, [, calls]) => total + calls, 0);
    expect(seconds.length).toBeGreaterThanOrEqual(Math.floor((ec2Calls - 1) / rates.ec2));
  }, 60_000);
});
