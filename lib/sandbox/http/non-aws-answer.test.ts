/**
 * A gateway in front of the endpoint answers one operation with its own HTML error page (as an
 * nginx in front of an AWS-compatible endpoint does when the service behind it fails). That
 * part, and only that part, records one precise error; everything else is collected.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccountClients } from "@/lib/aws/client-factory";
import { collectAccount } from "@/lib/collect/collect-account";
import { memoryOrganizationsFeaturesDirectory } from "@/lib/collect/organizations-features";
import type { AccountSnapshot } from "@/lib/snapshot/schema";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { startSandboxHttpServer, type SandboxHttpServer } from "@/lib/sandbox/http/http-server";
import { TEST_NOW, testWorld } from "@/lib/sandbox/test-fixtures";

const GATEWAY_PAGE = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

let sandbox: SandboxHttpServer;
let gateway: http.Server;
let snapshot: AccountSnapshot;
const savedEndpoint = process.env.AWS_ENDPOINT_URL;

beforeAll(async () => {
  const world = testWorld();
  sandbox = await startSandboxHttpServer(world, { faults: { builtInRules: false } });
  const upstream = new URL(sandbox.endpoint);
  gateway = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      if (body.toString().includes("Action=DescribeSecurityGroups")) {
        response.writeHead(502, { "content-type": "text/html" });
        return void response.end(GATEWAY_PAGE);
      }
      const forwarded = http.request(
        { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  process.env.AWS_ENDPOINT_URL = `http://localhost:${(gateway.address() as AddressInfo).port}`;
  const account = world.account(CURATED_ACCOUNT_IDS.securityTooling)!;
  const clients = createAccountClients(
    { credentials: async () => SANDBOX_BASE_CREDENTIALS, maxAttempts: 2, retryMode: "standard" },
    { accountId: account.accountId, roleArn: arnOf(world, account.accountId), externalId: world.externalId },
  );
  try {
    snapshot = await collectAccount(clients, {
      now: () => TEST_NOW,
      credentialReport: { sleep: async () => undefined },
      organizationsFeatures: memoryOrganizationsFeaturesDirectory(),
    });
  } finally {
    clients.destroy();
    if (savedEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = savedEndpoint;
  }
}, 60_000);

afterAll(async () => {
  gateway?.closeAllConnections();
  await new Promise((resolve) => gateway?.close(resolve));
  await sandbox?.close();
});

function arnOf(world: ReturnType<typeof testWorld>, accountId: string): string {
  return [...world.accounts()].find((summary) => summary.accountId === accountId)!.roleArn;
}

describe("an HTML error page from a gateway, through AWS_ENDPOINT_URL=http://localhost:<port>", () => {
  it("is one precise error in each security-group part, saying what answered", () => {
    const parts = Object.entries(snapshot.parts).filter(([key]) => key.startsWith("ec2.securityGroups@"));
    expect(parts.length).toBeGreaterThan(0);
    for (const [key, result] of parts) {
      const region = key.split("@")[1];
      expect(result, key).toEqual({
        status: "error",
        error: {
          api: "ec2:DescribeSecurityGroups",
          code: "UnreadableResponse",
          region,
          httpStatus: 502,
          message: expect.stringContaining('was answered by something that is not AWS (HTTP 502, text/html: "502 Bad Gateway")'),
        },
      });
    }
  });

  it("collects every other part", () => {
    const failed = Object.entries(snapshot.parts).filter(([key, result]) => result.status === "error" && !key.startsWith("ec2.securityGroups@"));
    expect(failed).toEqual([]);
    expect(snapshot.parts["iam.authorizationDetails" as keyof typeof snapshot.parts]).toMatchObject({ status: "ok" });
  });
});
