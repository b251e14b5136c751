/**
 * Custom endpoints come from the environment (AWS_ENDPOINT_URL_<SERVICE>), which the SDK honours
 * itself; the factory must not override them, and must switch S3 to path-style addressing.
 * A loopback HTTP server stands in for the service and records what reaches it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { DescribeRegionsCommand } from "@aws-sdk/client-ec2";
import { GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import { ListUsersCommand } from "@aws-sdk/client-identitystore";
import { ListInstancesCommand } from "@aws-sdk/client-sso-admin";
import { GetBucketLocationCommand } from "@aws-sdk/client-s3";
import { GetPublicAccessBlockCommand } from "@aws-sdk/client-s3-control";
import type { Pluggable } from "@smithy/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBaseClients, s3AddressingFor } from "./client-factory";
import { BASE_CREDENTIALS, fastRetries } from "./testing/test-clients";

interface ReceivedRequest {
  method: string;
  url: string;
  host: string;
  /** X-Amz-Target of JSON protocols: which operation was asked. */
  target: string;
  accountHeader: string;
  body: string;
}

const received: ReceivedRequest[] = [];
let answer = "";
let server: http.Server;
let baseUrl = "";

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({
        method: request.method ?? "",
        url: request.url ?? "",
        host: request.headers.host ?? "",
        target: String(request.headers["x-amz-target"] ?? ""),
        accountHeader: String(request.headers["x-amz-account-id"] ?? ""),
        body,
      });
      response.writeHead(200, { "content-type": "text/xml" });
      response.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const ENDPOINT_VARIABLES = ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_S3_CONTROL", "AWS_ENDPOINT_URL_SSO_ADMIN", "AWS_ENDPOINT_URL_IDENTITYSTORE"];
const saved = Object.fromEntries(ENDPOINT_VARIABLES.map((name) => [name, process.env[name]]));

afterEach(() => {
  received.length = 0;
  for (const name of ENDPOINT_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

function baseClients() {
  return createBaseClients({ credentials: async () => BASE_CREDENTIALS, retryStrategy: fastRetries(1) }, "111122223333");
}

describe("custom endpoints from the environment", () => {
  it("sends IAM requests to AWS_ENDPOINT_URL_IAM", async () => {
    process.env.AWS_ENDPOINT_URL_IAM = baseUrl;
    answer =
      '<GetAccountSummaryResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountSummaryResult>' +
      "<SummaryMap><entry><key>Users</key><value>4</value></entry></SummaryMap></GetAccountSummaryResult>" +
      "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetAccountSummaryResponse>";
    const clients = baseClients();
    const output = await clients.iam().send(new GetAccountSummaryCommand({}));
    clients.destroy();
    expect(output.SummaryMap).toEqual({ Users: 4 });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: "POST", url: "/", host: new URL(baseUrl).host });
    expect(received[0]?.body).toContain("Action=GetAccountSummary");
  });

  it("sends IAM Identity Center requests to AWS_ENDPOINT_URL_SSO_ADMIN", async () => {
    process.env.AWS_ENDPOINT_URL_SSO_ADMIN = baseUrl;
    answer = JSON.stringify({ Instances: [{ InstanceArn: "arn:aws:sso:::instance/ssoins-1111222233334444", IdentityStoreId: "d-1234567890" }] });
    const clients = baseClients();
    const output = await clients.ssoAdmin("eu-west-1").send(new ListInstancesCommand({}));
    clients.destroy();
    expect(output.Instances).toEqual([{ InstanceArn: "arn:aws:sso:::instance/ssoins-1111222233334444", IdentityStoreId: "d-1234567890" }]);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: "POST", url: "/", host: new URL(baseUrl).host, target: "SWBExternalService.ListInstances" });
  });

  it("sends identity store requests to AWS_ENDPOINT_URL_IDENTITYSTORE", async () => {
    process.env.AWS_ENDPOINT_URL_IDENTITYSTORE = baseUrl;
    answer = JSON.stringify({ Users: [{ IdentityStoreId: "d-1234567890", UserId: "u-1", UserName: "zoe" }] });
    const clients = baseClients();
    const output = await clients.identityStore("eu-west-1").send(new ListUsersCommand({ IdentityStoreId: "d-1234567890" }));
    clients.destroy();
    expect(output.Users).toEqual([{ IdentityStoreId: "d-1234567890", UserId: "u-1", UserName: "zoe" }]);
    expect(received[0]).toMatchObject({ host: new URL(baseUrl).host, target: "AWSIdentityStore.ListUsers" });
    expect(JSON.parse(received[0]?.body ?? "{}")).toEqual({ IdentityStoreId: "d-1234567890" });
  });

  it("sends a regional EC2 client's requests to AWS_ENDPOINT_URL_EC2", async () => {
    process.env.AWS_ENDPOINT_URL_EC2 = baseUrl;
    answer =
      '<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r2</requestId><regionInfo>' +
      "<item><regionName>eu-west-1</regionName><regionEndpoint>ec2.eu-west-1.amazonaws.com</regionEndpoint>" +
      "<optInStatus>opt-in-not-required</optInStatus></item></regionInfo></DescribeRegionsResponse>";
    const clients = baseClients();
    const output = await clients.ec2("eu-west-1").send(new DescribeRegionsCommand({ AllRegions: true }));
    clients.destroy();
    expect(output.Regions).toEqual([
      { RegionName: "eu-west-1", Endpoint: "ec2.eu-west-1.amazonaws.com", OptInStatus: "opt-in-not-required" },
    ]);
    expect(received[0]?.body).toContain("Action=DescribeRegions");
    expect(received[0]?.body).toContain("AllRegions=true");
  });

  it("addresses S3 buckets path-style at AWS_ENDPOINT_URL_S3", async () => {
    process.env.AWS_ENDPOINT_URL_S3 = baseUrl;
    answer = '<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-1</LocationConstraint>';
    const clients = baseClients();
    const output = await clients.s3("eu-west-1").send(new GetBucketLocationCommand({ Bucket: "team-logs" }));
    clients.destroy();
    expect(output.LocationConstraint).toBe("eu-west-1");
    expect(received[0]).toMatchObject({ method: "GET", host: new URL(baseUrl).host });
    expect(received[0]?.url).toMatch(/^\/team-logs\/?\?location/);
  });

  // S3 Control's rules prefix the account to the host: http://111122223333.127.0.0.1:… is no URL at all.
  it.each([
    ["an IP address", "AWS_ENDPOINT_URL", () => baseUrl],
    ["localhost", "AWS_ENDPOINT_URL_S3_CONTROL", () => baseUrl.replace("127.0.0.1", "localhost")],
  ])("reaches S3 Control at a custom endpoint that is %s, without the account in front of the host", async (_kind, variable, endpoint) => {
    process.env[variable] = endpoint();
    answer =
      '<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><BlockPublicAcls>true</BlockPublicAcls>' +
      "<IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>false</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>" +
      "</PublicAccessBlockConfiguration>";
    const clients = baseClients();
    const output = await clients.s3Control("us-east-1").send(new GetPublicAccessBlockCommand({ AccountId: "111122223333" }));
    clients.destroy();
    expect(output.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: true,
    });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: "GET",
      host: new URL(endpoint()).host,
      url: "/v20180820/configuration/publicAccessBlock",
      accountHeader: "111122223333",
    });
  });

  it("sends to AWS_ENDPOINT_URL_EC2 set after an earlier account's client for the region was built and released", async () => {
    // A region no other test here uses, so the client the first account releases is the only one.
    const region = "ap-southeast-2";
    const earlier = createBaseClients(
      { credentials: async () => BASE_CREDENTIALS, retryStrategy: fastRetries(1), plugins: [answerLocally({ Regions: [] })] },
      "111122223333",
    );
    await earlier.ec2(region).send(new DescribeRegionsCommand({}));
    earlier.destroy();

    process.env.AWS_ENDPOINT_URL_EC2 = baseUrl;
    answer =
      '<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r3</requestId><regionInfo>' +
      "<item><regionName>ap-southeast-2</regionName><regionEndpoint>ec2.ap-southeast-2.amazonaws.com</regionEndpoint>" +
      "<optInStatus>opt-in-not-required</optInStatus></item></regionInfo></DescribeRegionsResponse>";
    const clients = baseClients();
    const output = await clients.ec2(region).send(new DescribeRegionsCommand({}));
    clients.destroy();
    expect(output.Regions?.map((entry) => entry.RegionName)).toEqual(["ap-southeast-2"]);
    expect(received).toHaveLength(1);
  });
});

/** Answers in the deserialize step, ahead of the HTTP handler: the request never leaves the process. */
function answerLocally(output: Record<string, unknown>): Pluggable<any, any> {
  return {
    applyToStack(stack) {
      stack.add(
        () => async () => ({ output: { ...output, $metadata: {} }, response: { statusCode: 200, headers: {} } }),
        { step: "deserialize", priority: "high", name: "answerLocally", override: true },
      );
    },
  };
}

describe("s3AddressingFor", () => {
  it.each([
    [{}, false],
    [{ AWS_ENDPOINT_URL_S3: "http://localhost:4566" }, true],
    [{ AWS_ENDPOINT_URL: "http://localhost:4566" }, true],
    [{ AWS_ENDPOINT_URL_IAM: "http://localhost:4566" }, false],
  ])("with %o uses path style: %s", (env, pathStyle) => {
    expect(s3AddressingFor(env).forcePathStyle).toBe(pathStyle);
  });
});
