import { DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import { GetAccountSummaryCommand, ListSAMLProvidersCommand, ListVirtualMFADevicesCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { createFaultEngine, globMatches, latencyForApi } from "@/lib/sandbox/faults";
import { accountClients, sandboxClients, testWorld } from "@/lib/sandbox/test-fixtures";

const ids = CURATED_ACCOUNT_IDS;

describe("fault rules, retried by the SDK's standard retry strategy", () => {
  it("succeeds on the third attempt when the first two calls are throttled (times: 2)", async () => {
    const world = testWorld();
    const clients = await accountClients(world, ids.prodPayments, {
      maxAttempts: 3,
      faults: { rules: [{ accountId: ids.prodPayments, api: "iam:GetAccountSummary", fault: "throttle", times: 2 }] },
    });
    const output = await clients.iam().send(new GetAccountSummaryCommand({}));
    expect(output.$metadata.attempts).toBe(3);
    expect(world.stats().byOutcome).toMatchObject({ Throttling: 2 });
  });

  it("fails with Throttling after maxAttempts when the throttling persists", async () => {
    const world = testWorld();
    const clients = await accountClients(world, ids.prodPayments, {
      maxAttempts: 3,
      faults: { rules: [{ api: "iam:*", fault: "throttle" }] },
    });
    const error = await clients.iam().send(new GetAccountSummaryCommand({})).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: "Throttling",
      $retryable: { throttling: true },
      $metadata: { httpStatusCode: 400, attempts: 3 },
    });
  });

  it("throttles EC2 with RequestLimitExceeded (503) and retries it too", async () => {
    const world = testWorld();
    const clients = await accountClients(world, ids.prodPayments, {
      maxAttempts: 2,
      faults: { rules: [{ api: "ec2:*", region: "us-east-1", fault: "throttle", times: 1 }] },
    });
    const output = await clients.ec2("us-east-1").send(new DescribeInstancesCommand({}));
    expect(output.$metadata.attempts).toBe(2);
    expect(world.stats().byOutcome.RequestLimitExceeded).toBe(1);
  });

  it.each([
    ["access_denied", { name: "AccessDenied", $metadata: { httpStatusCode: 403 } }],
    ["internal_error", { name: "ServiceFailureException", Code: "ServiceFailure", $fault: "server" }],
    ["timeout", { name: "TimeoutError" }],
  ] as const)("injects %s as AWS (or the HTTP handler) would report it", async (fault, expected) => {
    const world = testWorld();
    const clients = await accountClients(world, ids.prodPayments, { faults: { rules: [{ api: "iam:GetAccountSummary", fault }] } });
    await expect(clients.iam().send(new GetAccountSummaryCommand({}))).rejects.toMatchObject(expected);
  });

  it("keeps a hanging call open until the request's abort signal fires", async () => {
    const world = testWorld();
    const clients = await accountClients(world, ids.prodPayments, { faults: { rules: [{ api: "iam:GetAccountSummary", fault: "hang" }] } });
    const started = Date.now();
    const error = await clients
      .iam()
      .send(new GetAccountSummaryCommand({}), { abortSignal: AbortSignal.timeout(150) })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("delays every matching call by the injected latency", async () => {
    const world = testWorld();
    const slow = sandboxClients(world, { faults: { latencyMs: { "sts:*": 120, "*": 0 } } }).sts();
    const started = performance.now();
    await slow.send(new GetCallerIdentityCommand({}));
    await slow.send(new GetCallerIdentityCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(235);
    const fast = sandboxClients(world).sts();
    const fastStarted = performance.now();
    await fast.send(new GetCallerIdentityCommand({}));
    expect(performance.now() - fastStarted).toBeLessThan(100);
  });
});

describe("the throttling curated account", () => {
  it("throttles ListVirtualMFADevices on every call, so the SDK's retries run out", async () => {
    const world = testWorld();
    const clients = await accountClients(world, ids.mediaStreaming, { maxAttempts: 2 });
    await expect(clients.iam().send(new ListVirtualMFADevicesCommand({}))).rejects.toMatchObject({ name: "Throttling", $metadata: { attempts: 2 } });
  });

  it("throttles a share of its other IAM calls, and none with built-in rules turned off", async () => {
    const world = testWorld();
    const clients = await accountClients(world, ids.mediaStreaming);
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () => clients.iam().send(new GetAccountSummaryCommand({})).then(() => "ok", (error: Error) => error.name)),
    );
    const throttled = outcomes.filter((outcome) => outcome === "Throttling").length;
    expect(throttled).toBeGreaterThan(4);
    expect(throttled).toBeLessThan(24);

    const calm = await accountClients(world, ids.mediaStreaming, { faults: { builtInRules: false } });
    await expect(calm.iam().send(new ListVirtualMFADevicesCommand({}))).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
  });
});

describe("the fault engine", () => {
  it("affects the same calls for the same seed, and a share close to the rate", () => {
    const pattern = (seed: number) => {
      const engine = createFaultEngine(seed, { rules: [{ api: "iam:*", fault: "throttle", rate: 0.3 }] });
      return Array.from({ length: 1000 }, () => engine.faultFor({ api: "iam:GetUser", accountId: "1", region: "us-east-1" }) ?? "-");
    };
    expect(pattern(7)).toEqual(pattern(7));
    expect(pattern(7)).not.toEqual(pattern(8));
    const share = pattern(7).filter((fault) => fault === "throttle").length / 1000;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
  });

  it.each([
    ["*", "iam:GetUser", true],
    ["iam:*", "iam:GetUser", true],
    ["iam:*", "ec2:DescribeInstances", false],
    ["iam:Get*Report", "iam:GetCredentialReport", true],
    ["iam:GetCredentialReport", "iam:GetCredentialReports", false],
  ])("matches pattern %s against %s: %s", (pattern, api, expected) => {
    expect(globMatches(pattern, api)).toBe(expected);
  });

  it("takes the most specific latency entry", () => {
    const latency = { "*": 5, "iam:*": 20, "iam:GetAccountAuthorizationDetails": 80 };
    expect(latencyForApi(latency, "iam:GetAccountAuthorizationDetails")).toBe(80);
    expect(latencyForApi(latency, "iam:GetAccountSummary")).toBe(20);
    expect(latencyForApi(latency, "ec2:DescribeInstances")).toBe(5);
    expect(latencyForApi(40, "ec2:DescribeInstances")).toBe(40);
  });
});

describe("commands the sandbox does not know", () => {
  it("fail with an error naming the command, without retries", async () => {
    const world = testWorld();
    const clients = sandboxClients(world, { maxAttempts: 3 });
    const error = await clients.iam().send(new ListSAMLProvidersCommand({})).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: "SandboxUnsupportedOperation",
      message: "The iamfit sandbox does not implement iam:ListSAMLProviders (ListSAMLProvidersCommand of IAMClient).",
      $metadata: { attempts: 1 },
    });
  });
});
