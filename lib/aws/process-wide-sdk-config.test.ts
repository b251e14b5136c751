/**
 * Clients share one HTTP handler and settings resolved once per process; the settings still come
 * from the environment, and one account's clients being destroyed must not touch another's
 * connections. A loopback HTTP server stands in for IAM (AWS_ENDPOINT_URL_IAM).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBaseClients } from "./client-factory";
import { BASE_CREDENTIALS, fastRetries } from "./testing/test-clients";

const SUMMARY =
  '<GetAccountSummaryResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountSummaryResult>' +
  "<SummaryMap><entry><key>Users</key><value>4</value></entry></SummaryMap></GetAccountSummaryResult>" +
  "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetAccountSummaryResponse>";

const userAgents: string[] = [];
let answerDelayMs = 0;
let server: http.Server;
const saved = { endpoint: process.env.AWS_ENDPOINT_URL_IAM, appId: process.env.AWS_SDK_UA_APP_ID };

beforeAll(async () => {
  server = http.createServer((request, response) => {
    userAgents.push(request.headers["user-agent"] ?? "");
    request.resume();
    request.on("end", () => {
      setTimeout(() => {
        response.writeHead(200, { "content-type": "text/xml" });
        response.end(SUMMARY);
      }, answerDelayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.AWS_ENDPOINT_URL_IAM = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Read on the first call of the process, like every setting resolved once.
  process.env.AWS_SDK_UA_APP_ID = "iamfit-test-app";
});

afterAll(async () => {
  for (const [name, value] of [["AWS_ENDPOINT_URL_IAM", saved.endpoint], ["AWS_SDK_UA_APP_ID", saved.appId]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await new Promise((resolve) => server.close(resolve));
});

const accountClients = (accountId: string) =>
  createBaseClients({ credentials: async () => BASE_CREDENTIALS, retryStrategy: fastRetries(1) }, accountId);

describe("process-wide SDK settings", () => {
  it("applies settings from the environment to every client", async () => {
    const clients = accountClients("111122223333");
    await clients.iam().send(new GetAccountSummaryCommand({}));
    clients.destroy();
    expect(userAgents.at(-1)).toContain("app/iamfit-test-app");
  });

  it("gives the clients of every account and service one HTTP handler", () => {
    const first = accountClients("111122223333");
    const second = accountClients("444455556666");
    const handler = first.iam().config.requestHandler;
    expect(second.iam().config.requestHandler).toBe(handler);
    expect(first.ec2("eu-west-1").config.requestHandler).toBe(handler);
    expect(second.sts("ap-south-1").config.requestHandler).toBe(handler);
    first.destroy();
    second.destroy();
  });

  it("lets another account's request in flight finish when one account's clients are destroyed", async () => {
    const finished = accountClients("111122223333");
    const running = accountClients("444455556666");
    await finished.iam().send(new GetAccountSummaryCommand({}));
    answerDelayMs = 200;
    const inFlight = running.iam().send(new GetAccountSummaryCommand({}));
    await new Promise((resolve) => setTimeout(resolve, 50));
    finished.destroy();
    answerDelayMs = 0;
    await expect(inFlight).resolves.toMatchObject({ SummaryMap: { Users: 4 } });
    running.destroy();
  });
});
