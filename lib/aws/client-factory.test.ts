import { DescribeRegionsCommand } from "@aws-sdk/client-ec2";
import { GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import { ListBucketsCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { SESSION_DURATION_SECONDS } from "./assume-role-session";
import { DEFAULT_LIMITS } from "./limits";
import { awsError, delay, type StubTable } from "./testing/stub-plugin";
import { assumeRoleOutput, fastRetries, stubbedAccountClients, stubbedBaseClients, TEST_TARGET } from "./testing/test-clients";

/** Answers after a pause and records the highest number of calls in flight, overall and per service. */
function concurrencyProbe(services: string[]) {
  let inFlight = 0;
  const perService = new Map<string, number>();
  const peak = { overall: 0, perService: new Map<string, number>() };
  const table: StubTable = {};
  const answer = async (_input: unknown, call: { service: string }) => {
    inFlight++;
    perService.set(call.service, (perService.get(call.service) ?? 0) + 1);
    peak.overall = Math.max(peak.overall, inFlight);
    peak.perService.set(call.service, Math.max(peak.perService.get(call.service) ?? 0, perService.get(call.service) ?? 0));
    await delay(15);
    inFlight--;
    perService.set(call.service, (perService.get(call.service) ?? 0) - 1);
    return {};
  };
  for (const service of services) table[service] = answer;
  return { table, peak };
}

describe("concurrency limits", () => {
  it("keeps IAM calls within the IAM limit and all calls within the account limit", async () => {
    const probe = concurrencyProbe(["GetAccountSummary", "DescribeRegions", "ListBuckets"]);
    const { clients } = stubbedAccountClients(probe.table);
    await Promise.all([
      ...Array.from({ length: 12 }, () => clients.iam().send(new GetAccountSummaryCommand({}))),
      ...Array.from({ length: 12 }, (_, index) =>
        clients.ec2(index % 2 ? "eu-west-1" : "us-east-1").send(new DescribeRegionsCommand({})),
      ),
      ...Array.from({ length: 12 }, () => clients.s3("us-east-1").send(new ListBucketsCommand({}))),
    ]);
    expect(probe.peak.perService.get("IAM")).toBe(DEFAULT_LIMITS.perService.iam);
    expect(probe.peak.perService.get("EC2")).toBeLessThanOrEqual(DEFAULT_LIMITS.perService.ec2);
    expect(probe.peak.overall).toBe(DEFAULT_LIMITS.perAccount);
    clients.destroy();
  });

  it("applies one service limit across all regional clients of that service", async () => {
    const probe = concurrencyProbe(["DescribeRegions"]);
    const { clients } = stubbedAccountClients(probe.table, { limits: { perService: { ec2: 2 } } });
    const regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];
    await Promise.all(regions.flatMap((region) => [1, 2, 3].map(() => clients.ec2(region).send(new DescribeRegionsCommand({})))));
    expect(probe.peak.overall).toBe(2);
    clients.destroy();
  });

  it("does not deadlock when many calls wait for the session at once", async () => {
    const probe = concurrencyProbe(["GetAccountSummary"]);
    const { clients, calls } = stubbedAccountClients(
      { ...probe.table, AssumeRole: async () => (await delay(20), assumeRoleOutput()) },
      { limits: { perAccount: 1 } },
    );
    await Promise.all(Array.from({ length: 5 }, () => clients.iam().send(new GetAccountSummaryCommand({}))));
    expect(calls.filter((call) => call.operation === "AssumeRole")).toHaveLength(1);
    clients.destroy();
  });

  it("holds a slot only around the attempt on the wire, after the SDK's retry and signing steps", () => {
    const { clients } = stubbedAccountClients({});
    const stack = clients.iam().middlewareStack.identify();
    const position = (name: string) => stack.findIndex((entry) => entry.startsWith(name));
    expect(position("iamfitConcurrencyLimit")).toBeGreaterThan(position("httpSigningMiddleware"));
    expect(position("httpSigningMiddleware")).toBeGreaterThan(position("retryMiddleware"));
    clients.destroy();
  });
});

describe("the audit role session", () => {
  it("assumes the role once with the ExternalId, the minimum duration and a named session, for every client", async () => {
    const { clients, calls } = stubbedAccountClients({ GetAccountSummary: { SummaryMap: {} }, DescribeRegions: { Regions: [] } });
    await clients.iam().send(new GetAccountSummaryCommand({}));
    await clients.ec2("eu-west-1").send(new DescribeRegionsCommand({}));
    await clients.ec2("ap-south-1").send(new DescribeRegionsCommand({}));
    const assumeRoles = calls.filter((call) => call.operation === "AssumeRole");
    expect(assumeRoles).toHaveLength(1);
    expect(assumeRoles[0]?.input).toEqual({
      RoleArn: TEST_TARGET.roleArn,
      RoleSessionName: `iamfit-${TEST_TARGET.accountId}`,
      ExternalId: TEST_TARGET.externalId,
      DurationSeconds: SESSION_DURATION_SECONDS,
    });
    expect(assumeRoles[0]?.region).toBe("us-east-1");
    clients.destroy();
  });

  it("renews the session shortly before it expires", async () => {
    const { clients, calls } = stubbedAccountClients({
      AssumeRole: [assumeRoleOutput(60_000), assumeRoleOutput()],
      GetAccountSummary: { SummaryMap: {} },
    });
    await clients.iam().send(new GetAccountSummaryCommand({}));
    await clients.iam().send(new GetAccountSummaryCommand({}));
    expect(calls.filter((call) => call.operation === "AssumeRole")).toHaveLength(2);
    clients.destroy();
  });

  it("signs the account's calls with the session, not the base credentials", async () => {
    let host = "";
    const { clients } = stubbedAccountClients({
      GetAccountSummary: (_input, call) => {
        host = call.hostname;
        return { SummaryMap: {} };
      },
    });
    const seen: string[] = [];
    clients.iam().middlewareStack.add(
      (next) => async (args) => {
        const headers = (args.request as { headers: Record<string, string> }).headers;
        seen.push(headers.authorization ?? "", headers["x-amz-security-token"] ?? "");
        return next(args);
      },
      { step: "finalizeRequest", priority: "low", name: "captureAuthorization" },
    );
    await clients.iam().send(new GetAccountSummaryCommand({}));
    expect(host).toBe("iam.amazonaws.com");
    expect(seen[0]).toContain("Credential=ASIASESSIONEXAMPLE01/");
    expect(seen[1]).toBe("session-token-for-tests");
    clients.destroy();
  });

  it("surfaces an AssumeRole denial from openSession", async () => {
    const { clients } = stubbedAccountClients({ AssumeRole: awsError("AccessDenied", { httpStatus: 403 }) });
    await expect(clients.openSession()).rejects.toMatchObject({ name: "AccessDenied" });
    clients.destroy();
  });

  it("gives base clients no audit role and the base credentials", async () => {
    const { clients, calls } = stubbedBaseClients({ GetAccountSummary: { SummaryMap: {} } });
    await clients.openSession();
    await clients.iam().send(new GetAccountSummaryCommand({}));
    expect(clients.target).toBeUndefined();
    expect(calls.map((call) => call.operation)).toEqual(["GetAccountSummary"]);
    clients.destroy();
  });
});

describe("retries", () => {
  it("lets the SDK retry throttling and then succeed", async () => {
    const { clients, calls } = stubbedAccountClients({
      GetAccountSummary: [awsError("Throttling", { httpStatus: 400 }), awsError("Throttling", { httpStatus: 400 }), { SummaryMap: { Users: 3 } }],
    });
    const output = await clients.iam().send(new GetAccountSummaryCommand({}));
    expect(output.SummaryMap).toEqual({ Users: 3 });
    expect(output.$metadata.attempts).toBe(3);
    expect(calls.filter((call) => call.operation === "GetAccountSummary")).toHaveLength(3);
    clients.destroy();
  });

  it("does not retry an access denial", async () => {
    const { clients, calls } = stubbedAccountClients({ GetAccountSummary: awsError("AccessDenied", { httpStatus: 403 }) });
    await expect(clients.iam().send(new GetAccountSummaryCommand({}))).rejects.toMatchObject({ name: "AccessDenied" });
    expect(calls.filter((call) => call.operation === "GetAccountSummary")).toHaveLength(1);
    clients.destroy();
  });

  it("gives up after maxAttempts when throttling persists", async () => {
    const { clients, calls } = stubbedAccountClients(
      { GetAccountSummary: awsError("Throttling", { httpStatus: 400 }) },
      { retryStrategy: fastRetries(2) },
    );
    await expect(clients.iam().send(new GetAccountSummaryCommand({}))).rejects.toMatchObject({ name: "Throttling" });
    expect(calls.filter((call) => call.operation === "GetAccountSummary")).toHaveLength(2);
    clients.destroy();
  });
});
