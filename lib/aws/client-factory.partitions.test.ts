/**
 * Accounts of the China and GovCloud partitions: IAM, the session's STS and account-level calls
 * must go to the partition's home region (cn-north-1, us-gov-west-1), never to us-east-1, which
 * does not exist there. The requests are built and signed by the real SDK clients; only the
 * network is replaced by raw answers.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { createAccountClients } from "./client-factory";
import { collectRegions } from "./collectors/ec2";
import { homeRegionOfArn } from "./regions";
import type { RawAnswer } from "./testing/raw-response-handler";
import { sampleResponsePlugin, type SampleRequest } from "./testing/sample-response-plugin";
import { BASE_CREDENTIALS, fastRetries } from "./testing/test-clients";

/** AWS's AssumeRole sample with an expiry far ahead: the sample's (2019) would make every call assume the role again. */
const ASSUME_ROLE = readFileSync(path.join(__dirname, "testing/aws-samples/sts/AssumeRole.xml"), "utf8").replace(
  /<Expiration>[^<]+<\/Expiration>/,
  "<Expiration>2100-01-01T00:00:00Z</Expiration>",
);

function answer(request: SampleRequest): RawAnswer {
  switch (request.operation) {
    case "AssumeRole":
      return { body: ASSUME_ROLE, headers: { "content-type": "text/xml" } };
    case "GetAccountSummary":
      return { body: "<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap/></GetAccountSummaryResult></GetAccountSummaryResponse>", headers: { "content-type": "text/xml" } };
    case "DescribeRegions":
      return {
        body: "<DescribeRegionsResponse><regionInfo><item><regionName>cn-north-1</regionName><optInStatus>opt-in-not-required</optInStatus></item>" +
          "<item><regionName>us-east-1</regionName><optInStatus>opt-in-not-required</optInStatus></item></regionInfo></DescribeRegionsResponse>",
        headers: { "content-type": "text/xml" },
      };
    default:
      throw new Error(`Unexpected ${request.operation}`);
  }
}

async function callsFor(roleArn: string) {
  const calls: Array<{ operation: string; host: string; signedFor: string }> = [];
  const clients = createAccountClients(
    {
      credentials: async () => BASE_CREDENTIALS,
      retryStrategy: fastRetries(1),
      plugins: [
        sampleResponsePlugin((request) => {
          calls.push({ operation: request.operation, host: request.request.hostname, signedFor: request.region });
          return answer(request);
        }),
      ],
    },
    { accountId: "123456789012", roleArn, externalId: "iamfit-test" },
  );
  try {
    await clients.iam().send(new GetAccountSummaryCommand({}));
    return { homeRegion: clients.homeRegion, calls, regions: roleArn.startsWith("arn:aws-cn:") ? await collectRegions(clients) : undefined };
  } finally {
    clients.destroy();
  }
}

describe("the home region of the audit role's partition", () => {
  it.each([
    ["arn:aws:iam::123456789012:role/iamfit-audit", "us-east-1"],
    ["arn:aws-cn:iam::123456789012:role/iamfit-audit", "cn-north-1"],
    ["arn:aws-us-gov:iam::123456789012:role/iamfit-audit", "us-gov-west-1"],
    ["not an ARN", "us-east-1"],
  ])("of %s is %s", (arn, region) => {
    expect(homeRegionOfArn(arn)).toBe(region);
  });

  it("requests the session from STS in cn-north-1 and asks IAM in cn-north-1 for a China account", async () => {
    const { homeRegion, calls, regions } = await callsFor("arn:aws-cn:iam::123456789012:role/iamfit-audit");
    expect(homeRegion).toBe("cn-north-1");
    expect(calls).toEqual([
      { operation: "AssumeRole", host: "sts.cn-north-1.amazonaws.com.cn", signedFor: "cn-north-1" },
      { operation: "GetAccountSummary", host: "iam.cn-north-1.amazonaws.com.cn", signedFor: "cn-north-1" },
      { operation: "DescribeRegions", host: "ec2.cn-north-1.amazonaws.com.cn", signedFor: "cn-north-1" },
    ]);
    // And only the China partition's regions are the account's.
    expect(regions).toEqual([{ regionName: "cn-north-1", optInStatus: "opt-in-not-required" }]);
  });

  it("requests the session from STS in us-gov-west-1 and asks GovCloud's IAM endpoint for a GovCloud account", async () => {
    const { homeRegion, calls } = await callsFor("arn:aws-us-gov:iam::123456789012:role/iamfit-audit");
    expect(homeRegion).toBe("us-gov-west-1");
    expect(calls).toEqual([
      { operation: "AssumeRole", host: "sts.us-gov-west-1.amazonaws.com", signedFor: "us-gov-west-1" },
      { operation: "GetAccountSummary", host: "iam.us-gov.amazonaws.com", signedFor: "us-gov-west-1" },
    ]);
  });

  it("keeps us-east-1 for a commercial account", async () => {
    const { homeRegion, calls } = await callsFor("arn:aws:iam::123456789012:role/iamfit-audit");
    expect(homeRegion).toBe("us-east-1");
    expect(calls).toEqual([
      { operation: "AssumeRole", host: "sts.us-east-1.amazonaws.com", signedFor: "us-east-1" },
      { operation: "GetAccountSummary", host: "iam.amazonaws.com", signedFor: "us-east-1" },
    ]);
  });
});
