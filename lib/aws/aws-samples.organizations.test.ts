/**
 * AWS's documented Organizations responses (lib/aws/testing/aws-samples/organizations, pages
 * named in sources.ts) fed as raw JSON bodies through the real OrganizationsClient to the reader
 * of service control policies, and judged by what the IAM evaluator makes of them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { afterEach, describe, expect, it } from "vitest";
import { serviceControlPolicyContext } from "@/lib/policy/service-control-policies";
import { serviceControlPolicyReader } from "./collectors/organizations-scps";
import { CollectorFailure } from "./errors";
import { AWS_SAMPLES, type AwsSampleName } from "./testing/aws-samples/sources";
import type { RawAnswer } from "./testing/raw-response-handler";
import { sampleResponsePlugin, type SampleRequest } from "./testing/sample-response-plugin";
import { BASE_CREDENTIALS, fastRetries } from "./testing/test-clients";

/** The member account the samples' OU holds (the examples' own 444444444444). */
const ACCOUNT = "444444444444";
const OU = "ou-examplerootid111-exampleouid111";

function sample(name: AwsSampleName): RawAnswer {
  const entry: { file: string; headers?: Record<string, string> } = AWS_SAMPLES[name];
  return { body: readFileSync(path.join(__dirname, "testing/aws-samples", entry.file), "utf8"), headers: entry.headers ?? {} };
}

type Overrides = Partial<Record<string, AwsSampleName>>;

function answerWith(overrides: Overrides) {
  return (request: SampleRequest): RawAnswer => {
    const raw: unknown = request.request.body;
    const text = typeof raw === "string" ? raw : raw instanceof Uint8Array ? Buffer.from(raw).toString("utf8") : "";
    const body = JSON.parse(text || "{}") as Record<string, string>;
    const chosen = overrides[request.operation];
    if (chosen) return sample(chosen);
    switch (request.operation) {
      case "DescribeOrganization":
        return sample("DescribeOrganization");
      case "ListParents":
        return sample(body.ChildId === OU ? "ListParentsOfOrganizationalUnit" : "ListParentsOfAccount");
      case "ListPoliciesForTarget":
        return sample("ListPoliciesForTargetCorrected");
      case "DescribePolicy":
        return sample("DescribePolicy");
      case "DescribeOrganizationalUnit":
        return sample("DescribeOrganizationalUnit");
      default:
        throw new Error(`No sample for ${request.operation}`);
    }
  };
}

const clients: OrganizationsClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

function readerWith(overrides: Overrides = {}) {
  const client = new OrganizationsClient({
    region: "us-east-1",
    credentials: BASE_CREDENTIALS,
    retryStrategy: fastRetries(1),
  });
  client.middlewareStack.use(sampleResponsePlugin(answerWith(overrides)));
  clients.push(client);
  return serviceControlPolicyReader(client);
}

const EC2_ONLY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ec2:*", Resource: "*" }] };

describe("AWS's Organizations samples, read as the service control policies of one account", () => {
  it("reads the chain root › Accounting Group › account with the sample policy at each level, and the evaluator considers it", async () => {
    const answer = await readerWith().read(ACCOUNT);
    const policy = { policyId: "p-examplepolicyid222", policyName: "AllowAllEC2Actions", awsManaged: false, document: EC2_ONLY };
    expect(answer).toEqual({
      answer: "read",
      organizationId: "o-exampleorgid",
      levels: [
        { targetId: "r-examplerootid111", targetType: "ROOT", targetName: "Root", policies: [policy] },
        { targetId: OU, targetType: "ORGANIZATIONAL_UNIT", targetName: "Accounting Group", policies: [policy] },
        { targetId: ACCOUNT, targetType: "ACCOUNT", targetName: ACCOUNT, policies: [policy] },
      ],
    });
    const context = serviceControlPolicyContext(answer);
    expect(context.note).toBe(`Service control policies were considered, from the organization root › OU Accounting Group › account ${ACCOUNT}.`);
    expect(context.levels).toHaveLength(3);
  });

  it("answers that the management account of the sample organization is never restricted", async () => {
    expect(await readerWith().read("111111111111")).toEqual({ answer: "management_account", organizationId: "o-exampleorgid" });
  });

  // The CLI example's `"AwsManaged", false,` is not JSON: the SDK cannot read the answer, and
  // that must be one precise error naming the call, never SCPs taken as absent or as allowing.
  it("refuses the ListPoliciesForTarget sample as documented, typo and all, with an error naming the call", async () => {
    const failure = await readerWith({ ListPoliciesForTarget: "ListPoliciesForTarget" }).read(ACCOUNT).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(CollectorFailure);
    expect((failure as CollectorFailure).collectorError).toMatchObject({
      api: "organizations:ListPoliciesForTarget",
      code: "UnreadableResponse",
      httpStatus: 200,
      // The parser's own words differ between Node.js versions; what iamfit says around them does not.
      message: expect.stringMatching(/^organizations:ListPoliciesForTarget answered with a body the AWS SDK cannot read \(HTTP 200, application\/x-amz-json-1\.1\): .*JSON/),
    });
  });

  it("does not consider SCPs whose DescribePolicy answer leaves out every optional member", async () => {
    const answer = await readerWith({ DescribePolicy: "DescribePolicyOptionalAbsent" }).read(ACCOUNT);
    expect(answer.answer).toBe("read");
    const context = serviceControlPolicyContext(answer);
    expect(context.levels).toBeUndefined();
    expect(context.note).toMatch(/^Service control policies were not considered: policy AllowAllEC2Actions on the organization root could not be read/);
  });

  it("says the SCPs are not readable when ListParents names a parent without its id", async () => {
    expect(await readerWith({ ListParents: "ListParentsOptionalAbsent" }).read(ACCOUNT)).toEqual({
      answer: "not_readable",
      code: "InvalidResponse",
      reason: `AWS Organizations named no parent for ${ACCOUNT}.`,
    });
  });
});
