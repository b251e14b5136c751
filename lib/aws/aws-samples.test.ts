/**
 * AWS's own sample responses (the Examples sections of the AWS API Reference, or AWS's CLI and
 * Code Library output where the reference has none, kept as documented in
 * lib/aws/testing/aws-samples with their pages and any adaptation named in sources.ts) fed as raw HTTP bodies through
 * the real SDK clients, so the SDK's deserializers, iamfit's collectors and the check catalogue
 * meet the format AWS documents rather than the sandbox's ready-made objects.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateSnapshot } from "@/lib/checks/registry";
import { DEFAULT_THRESHOLDS, type Finding } from "@/lib/checks/types";
import { collectAccount } from "@/lib/collect/collect-account";
import { collectAccountPublicAccessBlock } from "./collectors/s3";
import { memoryOrganizationsFeaturesDirectory } from "@/lib/collect/organizations-features";
import type { AccountSnapshot } from "@/lib/snapshot/schema";
import { createBaseClients } from "./client-factory";
import { AWS_SAMPLES, type AwsSampleName } from "./testing/aws-samples/sources";
import { rawResponseHandler, type RawAnswer } from "./testing/raw-response-handler";
import { sampleResponsePlugin, type SampleRequest } from "./testing/sample-response-plugin";
import { BASE_CREDENTIALS, fastRetries } from "./testing/test-clients";

const NOW = new Date("2026-11-20T12:00:00Z");

function sample(name: AwsSampleName): RawAnswer {
  const entry: { file: string; headers?: Record<string, string> } = AWS_SAMPLES[name];
  const body = readFileSync(path.join(__dirname, "testing/aws-samples", entry.file), "utf8");
  return { body, headers: entry.headers ?? { "content-type": "text/xml" } };
}

/** Samples whose account-level S3 Control answer is swapped per test (see the S3 Control block). */
let accountPublicAccessBlockSample: AwsSampleName = "AccountGetPublicAccessBlock";

/** Not AWS's words: the access-denied error each protocol sends, for operations without a sample. */
function deniedFor(request: SampleRequest): RawAnswer {
  const message = "User is not authorized to perform this operation (no AWS sample for it in this test).";
  switch (request.clientName) {
    case "EC2Client":
      return { status: 403, body: `<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>${message}</Message></Error></Errors><RequestID>t</RequestID></Response>` };
    case "S3Client":
    case "S3ControlClient":
      return { status: 403, body: `<Error><Code>AccessDenied</Code><Message>${message}</Message><RequestId>t</RequestId></Error>` };
    case "CloudTrailClient":
    case "AccessAnalyzerClient":
    case "OrganizationsClient":
      return { status: 400, headers: { "x-amzn-errortype": "AccessDeniedException", "content-type": "application/json" }, body: JSON.stringify({ message }) };
    default:
      return { status: 403, body: `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${message}</Message></Error><RequestId>t</RequestId></ErrorResponse>` };
  }
}

let generateCalls = 0;

/**
 * The samples, one per operation. Where a sample continues (a Marker, a report still STARTED) or
 * where the collector needs a call no page documents (ListBuckets, to be asked for a bucket's
 * ACL), the answer is ours and says so.
 */
function answer(request: SampleRequest): RawAnswer {
  const body = typeof request.request.body === "string" ? request.request.body : "";
  switch (request.operation) {
    case "GetAccountAuthorizationDetails":
      // The sample is the first of two pages; ours ends the listing.
      if (body.includes("Marker=")) {
        return ours("<GetAccountAuthorizationDetailsResponse><GetAccountAuthorizationDetailsResult><IsTruncated>false</IsTruncated></GetAccountAuthorizationDetailsResult></GetAccountAuthorizationDetailsResponse>");
      }
      return sample("GetAccountAuthorizationDetails");
    case "ListRoles":
      return ours("<ListRolesResponse><ListRolesResult><Roles/><IsTruncated>false</IsTruncated></ListRolesResult></ListRolesResponse>");
    case "GetAccountSummary":
    case "ListVirtualMFADevices":
    case "GetAccountPasswordPolicy":
    case "GetCredentialReport":
    case "DescribeRegions":
    case "DescribeInstances":
    case "GetBucketAcl":
      return sample(request.operation);
    case "GenerateCredentialReport":
      // The sample starts a report; ours says it is done, as IAM does a moment later.
      return generateCalls++ === 0
        ? sample("GenerateCredentialReport")
        : ours("<GenerateCredentialReportResponse><GenerateCredentialReportResult><State>COMPLETE</State></GenerateCredentialReportResult></GenerateCredentialReportResponse>");
    case "DescribeSecurityGroups":
      return sample(request.region === "eu-west-1" ? "DescribeSecurityGroupsSshAccess" : "DescribeSecurityGroupsDefaultGroup");
    case "GetBucketPolicy":
      return sample("GetBucketPolicy");
    case "GetPublicAccessBlock":
      return request.clientName === "S3ControlClient" ? sample(accountPublicAccessBlockSample) : sample("GetPublicAccessBlock");
    // The CloudTrail and Auto Scaling samples describe us-east-1 (their ARNs say so); in
    // eu-west-1 ours answers that there is nothing there.
    case "DescribeTrails":
      return request.region === "us-east-1" ? sample("DescribeTrails") : { body: '{"trailList":[]}', headers: { "content-type": "application/x-amz-json-1.1" } };
    case "GetTrailStatus":
      return sample("GetTrailStatus");
    case "DescribeAutoScalingGroups":
      return request.region === "us-east-1"
        ? sample("DescribeAutoScalingGroups")
        : ours("<DescribeAutoScalingGroupsResponse><DescribeAutoScalingGroupsResult><AutoScalingGroups/></DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>");
    case "DescribePolicies":
      // No page documents a scaling-policy sample for my-asg; ours says it has none.
      return ours("<DescribePoliciesResponse><DescribePoliciesResult><ScalingPolicies/></DescribePoliciesResult></DescribePoliciesResponse>");
    case "ListBuckets":
      return ours(
        '<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Buckets><Bucket><Name>amzn-s3-demo-bucket</Name>' +
          "<CreationDate>2019-12-11T23:32:47+00:00</CreationDate><BucketRegion>us-east-1</BucketRegion></Bucket></Buckets></ListAllMyBucketsResult>",
      );
    default:
      return deniedFor(request);
  }
}

function ours(body: string): RawAnswer {
  return { body, headers: { "content-type": "text/xml" } };
}

let snapshot: AccountSnapshot;
let findings: Finding[];

beforeAll(async () => {
  const clients = createBaseClients(
    { credentials: async () => BASE_CREDENTIALS, retryStrategy: fastRetries(1), plugins: [sampleResponsePlugin(answer)] },
    "123456789012",
  );
  try {
    snapshot = await collectAccount(clients, {
      now: () => NOW,
      credentialReport: { sleep: async () => undefined },
      organizationsFeatures: memoryOrganizationsFeaturesDirectory(),
    });
  } finally {
    clients.destroy();
  }
  findings = evaluateSnapshot(snapshot, DEFAULT_THRESHOLDS);
});

function outcomes(checkId: string) {
  return findings
    .filter((finding) => finding.checkId === checkId)
    .map((finding) => ({ resource: finding.resourceName ?? finding.resourceId, region: finding.region, status: finding.status }));
}

function part(key: string) {
  return snapshot.parts[key as keyof typeof snapshot.parts];
}

describe("AWS's sample responses, collected and judged", () => {
  it("collects the two regions of the DescribeRegions sample", () => {
    expect(snapshot.regions).toEqual(["eu-west-1", "us-east-1"]);
  });

  it("fails the sample password policy: length 12 and reuse prevention 12 are below 14 and 24", () => {
    expect(outcomes("password-policy.strong")).toEqual([expect.objectContaining({ status: "fail" })]);
    expect(findings.find((finding) => finding.checkId === "password-policy.strong")?.reason).toContain("minimum length 12 (needs 14), reuse prevention 12 (needs 24)");
  });

  it("fails the SSH group open to 0.0.0.0/0 and ::/0, and the default group that admits its own members", () => {
    expect(outcomes("sg.admin-ports-open")).toEqual(
      expect.arrayContaining([
        { resource: "SSHAccess (sg-9bf6ceff)", region: "eu-west-1", status: "fail" },
        { resource: "default (sg-bcc24bcd)", region: "us-east-1", status: "pass" },
      ]),
    );
    expect(outcomes("sg.default-closed")).toEqual(expect.arrayContaining([{ resource: "default (sg-bcc24bcd)", region: "us-east-1", status: "fail" }]));
  });

  it("passes the running instance of the DescribeInstances sample, which has an instance profile", () => {
    expect(outcomes("ec2.instance-profile")).toContainEqual({ resource: "i-1234567890abcdef0", region: "eu-west-1", status: "pass" });
  });

  it("reads the GetBucketAcl sample, served as text/plain, as an ACL granting nothing to the public", () => {
    expect(outcomes("s3.bucket-acl-public")).toEqual([expect.objectContaining({ resource: "amzn-s3-demo-bucket", status: "pass" })]);
  });

  // The documented GetAccountSummary sample has a broken tag (`</entry` without `>`), the
  // ListVirtualMFADevices sample mismatched tags (`<Arn>…</MyCustomUser>`), and the
  // GetCredentialReport sample the placeholder "BASE-64 ENCODED FILE CONTENTS" for its content.
  it.each([
    ["iam.accountSummary", "iam:GetAccountSummary", "mismatched tags <entry> and </entry <entry>"],
    ["iam.virtualMfaDevices", "iam:ListVirtualMFADevices", "mismatched tags <Arn> and </MyCustomUser>"],
    ["iam.credentialReport", "iam:GetCredentialReport", "Incorrect padding on base64 string"],
  ])("refuses the unreadable %s sample with one precise error naming the parser's complaint", (key, api, complaint) => {
    expect(part(key)).toEqual({
      status: "error",
      error: {
        api,
        code: "UnreadableResponse",
        httpStatus: 200,
        message: expect.stringContaining(`${api} answered with a body the AWS SDK cannot read (HTTP 200, text/xml): `),
      },
    });
    expect((part(key) as { error: { message: string } }).error.message).toContain(complaint);
  });

  it("never passes a root check it could not read", () => {
    for (const checkId of ["root.access-keys", "root.recent-use", "root.mfa", "root.hardware-mfa"]) {
      expect(outcomes(checkId).map((outcome) => outcome.status), checkId).toEqual(["unknown"]);
    }
  });

  // The sample's one role ends in whitespace after its last element (`</RoleId>      </member>`);
  // the SDK's XML parser then reads the whole role as that text, an empty role. It must not pass
  // for a role, nor cost the rest of the part: that one role is left out with an error saying so,
  // the sample's users and groups are kept, and no check that reads the part passes.
  it("leaves the sample's whitespace-tailed role out with a visible error, keeps the rest, and passes nothing on it", () => {
    const details = part("iam.authorizationDetails");
    expect(details?.status).toBe("ok");
    if (details?.status !== "ok") return;
    const data = details.data as { roles: unknown[]; users: Array<{ userName: string }> };
    expect(data.roles).toEqual([]);
    expect(data.users.length).toBeGreaterThan(0);
    expect(details.entryErrors).toEqual([
      expect.objectContaining({ api: "iam:GetAccountAuthorizationDetails", message: expect.stringContaining("answered a role without") }),
    ]);
    for (const checkId of ["admins.count", "ec2.role-not-admin", "policies.privilege-escalation"]) {
      expect(outcomes(checkId).map((outcome) => outcome.status), checkId).not.toContain("pass");
    }
  });
});

describe("the AssumeRole sample", () => {
  it("is read into the session's credentials and the assumed role", async () => {
    const sts = new STSClient({
      region: "us-east-1",
      credentials: BASE_CREDENTIALS,
      maxAttempts: 1,
      requestHandler: rawResponseHandler(sample("AssumeRole")),
    });
    const output = await sts.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::123456789012:role/demo", RoleSessionName: "testAR" }));
    expect(output.Credentials).toEqual({
      AccessKeyId: "ASIAIOSFODNN7EXAMPLE",
      SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY",
      SessionToken: "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW...==",
      Expiration: new Date("2019-11-09T13:34:41Z"),
    });
    expect(output.AssumedRoleUser?.Arn).toBe("arn:aws:sts::123456789012:assumed-role/demo/TestAR");
    expect(output.SourceIdentity).toBe("Alice");
  });
});
describe("the S3, S3 Control, CloudTrail and Auto Scaling samples, collected and judged", () => {
  function bucket() {
    const buckets = part("s3.buckets");
    if (buckets?.status !== "ok") throw new Error("s3.buckets was not collected");
    return (buckets.data as Array<Record<string, unknown>>)[0];
  }

  it("reads the GetBucketPolicy sample as the documented document and finds it allows no one", () => {
    expect(bucket()?.policy).toEqual({
      ok: true,
      value: {
        Version: "2008-10-17",
        Id: "aaaa-bbbb-cccc-dddd",
        Statement: [{ Effect: "Deny", Sid: "1", Principal: { AWS: ["111122223333", "444455556666"] }, Action: ["s3:*"], Resource: "arn:aws:s3:::bucket/*" }],
      },
    });
    expect(outcomes("s3.bucket-policy-public")).toEqual([{ resource: "amzn-s3-demo-bucket", region: "us-east-1", status: "pass" }]);
  });

  it("reads the GetPublicAccessBlock sample's capitalised TRUE and FALSE as the settings they name", () => {
    expect(bucket()?.publicAccessBlock).toEqual({
      ok: true,
      value: { blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false },
    });
  });

  it("passes the account's Block Public Access built from the S3 Control Response Syntax with every setting on", () => {
    expect(part("s3control.publicAccessBlock")).toEqual({
      status: "ok",
      data: { configuration: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true } },
    });
    expect(outcomes("s3.account-public-access-block").map((outcome) => outcome.status)).toEqual(["pass"]);
  });

  it("fails, never passes, the S3 Control answer whose optional settings are all left out", async () => {
    accountPublicAccessBlockSample = "AccountGetPublicAccessBlockOptionalAbsent";
    const clients = createBaseClients(
      { credentials: async () => BASE_CREDENTIALS, retryStrategy: fastRetries(1), plugins: [sampleResponsePlugin(answer)] },
      "123456789012",
    );
    try {
      const data = await collectAccountPublicAccessBlock(clients);
      expect(data).toEqual({ configuration: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false } });
      const judged = evaluateSnapshot({ ...snapshot, parts: { ...snapshot.parts, "s3control.publicAccessBlock": { status: "ok", data } } }, DEFAULT_THRESHOLDS);
      expect(judged.filter((finding) => finding.checkId === "s3.account-public-access-block").map((finding) => finding.status)).toEqual(["fail"]);
    } finally {
      accountPublicAccessBlockSample = "AccountGetPublicAccessBlock";
      clients.destroy();
    }
  });

  it("reads both trails of the DescribeTrails sample with the GetTrailStatus sample's status, and fails the account: neither is multi-region", () => {
    const trails = part("cloudtrail.trails@us-east-1");
    expect(trails?.status).toBe("ok");
    const status = { ok: true, value: { isLogging: true, latestDeliveryTime: "2016-01-28T23:02:24.869Z" } };
    expect(trails?.status === "ok" ? trails.data : undefined).toEqual([
      expect.objectContaining({ name: "Trail1", homeRegion: "us-east-1", isMultiRegionTrail: false, s3BucketName: "amzn-s3-demo-bucket", status }),
      expect.objectContaining({ name: "Trail2", homeRegion: "us-east-1", isMultiRegionTrail: false, s3BucketName: "amzn-s3-demo-bucket2", status }),
    ]);
    expect(outcomes("cloudtrail.multi-region").map((outcome) => outcome.status)).toEqual(["fail"]);
    expect(findings.find((finding) => finding.checkId === "cloudtrail.multi-region")?.reason).toContain("Trail1, Trail2");
  });

  // The sample sends empty elements for optional numbers and booleans (<WarmPoolSize />,
  // <CapacityRebalance />, <WeightedCapacity />); the group must still be read whole.
  it("reads the DescribeAutoScalingGroups sample, empty elements and all, and judges its group and instance", () => {
    expect(part("autoscaling.groups@us-east-1")).toEqual({
      status: "ok",
      data: {
        groups: [
          expect.objectContaining({ name: "my-asg", minSize: 2, maxSize: 10, desiredCapacity: 2, instanceIds: ["i-1234567890abcdef0"], loadBalancerNames: [], targetGroupArns: [] }),
        ],
        policies: [],
      },
    });
    expect(outcomes("asg.can-scale")).toEqual([{ resource: "my-asg", region: "us-east-1", status: "fail" }]);
    expect(outcomes("ec2.in-autoscaling-group")).toContainEqual({ resource: "i-1234567890abcdef0", region: "us-east-1", status: "pass" });
  });
});
