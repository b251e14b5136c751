import { describe, expect, it } from "vitest";
import { awsError, type StubTable } from "../testing/stub-plugin";
import { stubbedAccountClients, TEST_TARGET } from "../testing/test-clients";
import { entryErrorsOf } from "./aws-call";
import { bucketRegionFromLocation, collectAccountPublicAccessBlock, collectBuckets } from "./s3";

const publicPolicy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*" }] };

const bucketTable: StubTable = {
  ListBuckets: {
    Buckets: [
      { Name: "site", CreationDate: new Date("2024-01-01T00:00:00Z"), BucketRegion: "eu-west-1" },
      { Name: "archive", CreationDate: new Date("2023-01-01T00:00:00Z") },
    ],
  },
  GetBucketLocation: { LocationConstraint: "EU" },
  GetBucketPolicy: (input: { Bucket: string }) =>
    input.Bucket === "site" ? { Policy: JSON.stringify(publicPolicy) } : awsError("NoSuchBucketPolicy", { httpStatus: 404 }),
  GetBucketPolicyStatus: (input: { Bucket: string }) =>
    input.Bucket === "site" ? { PolicyStatus: { IsPublic: true } } : awsError("NoSuchBucketPolicy", { httpStatus: 404 }),
  GetBucketAcl: (input: { Bucket: string }) =>
    input.Bucket === "site"
      ? {
          Owner: { ID: "owner-canonical-id" },
          Grants: [
            { Grantee: { Type: "Group", URI: "http://acs.amazonaws.com/groups/global/AllUsers" }, Permission: "READ" },
            { Grantee: { Type: "CanonicalUser", ID: "owner-canonical-id" }, Permission: "FULL_CONTROL" },
          ],
        }
      : awsError("AccessDenied", { httpStatus: 403 }),
  "S3:GetPublicAccessBlock": (input: { Bucket: string }) =>
    input.Bucket === "site"
      ? { PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: false } }
      : awsError("NoSuchPublicAccessBlockConfiguration", { httpStatus: 404 }),
};

describe("collectBuckets", () => {
  it("does not read an answer without its policy, policy status or grantee as 'none' (issue 14)", async () => {
    const { clients } = stubbedAccountClients({
      ...bucketTable,
      GetBucketPolicy: {},
      GetBucketPolicyStatus: { PolicyStatus: {} },
      GetBucketAcl: { Grants: [{ Permission: "READ" }, { Grantee: { Type: "Group" }, Permission: "READ" }] },
    });
    const buckets = await collectBuckets(clients);
    clients.destroy();
    const site = buckets.find((bucket) => bucket.name === "site");
    expect([site?.policy, site?.policyIsPublic, site?.acl].map((field) => (field?.ok ? "read" : field?.error.code))).toEqual([
      "IncompleteResponse",
      "IncompleteResponse",
      "IncompleteResponse",
    ]);
  });

  it("leaves out a bucket listed without its name, naming it, and keeps the others", async () => {
    const { clients, calls } = stubbedAccountClients({
      ...bucketTable,
      ListBuckets: { Buckets: [{ BucketArn: "arn:aws:s3:::nameless", BucketRegion: "eu-west-1" }, { Name: "site", BucketRegion: "eu-west-1" }] },
    });
    const buckets = await collectBuckets(clients);
    clients.destroy();
    expect(buckets.map((bucket) => bucket.name)).toEqual(["site"]);
    expect(entryErrorsOf(buckets).map((error) => error.message)).toEqual([expect.stringContaining("a bucket (arn:aws:s3:::nameless) without its name")]);
    expect(calls.every((call) => call.input.Bucket !== "")).toBe(true);
  });

  it("collects each bucket in its own region, with NoSuch* answers as null", async () => {
    const { clients, calls } = stubbedAccountClients(bucketTable);
    const buckets = await collectBuckets(clients);
    clients.destroy();
    expect(buckets.map((bucket) => [bucket.name, bucket.region])).toEqual([
      ["archive", "eu-west-1"],
      ["site", "eu-west-1"],
    ]);
    expect(buckets[1]).toEqual({
      name: "site",
      creationDate: "2024-01-01T00:00:00.000Z",
      region: "eu-west-1",
      policy: { ok: true, value: publicPolicy },
      policyIsPublic: { ok: true, value: true },
      acl: {
        ok: true,
        value: {
          ownerId: "owner-canonical-id",
          grants: [
            { granteeType: "CanonicalUser", granteeId: "owner-canonical-id", permission: "FULL_CONTROL" },
            { granteeType: "Group", granteeUri: "http://acs.amazonaws.com/groups/global/AllUsers", permission: "READ" },
          ],
        },
      },
      publicAccessBlock: { ok: true, value: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: false } },
    });
    const perBucketRegions = calls.filter((call) => call.operation === "GetBucketAcl").map((call) => call.region);
    expect(perBucketRegions).toEqual(["eu-west-1", "eu-west-1"]);
    expect(calls.filter((call) => call.operation === "GetBucketLocation").map((call) => call.input.Bucket)).toEqual(["archive"]);
  });

  it("records one denied call in its field and keeps the rest of the bucket", async () => {
    const { clients } = stubbedAccountClients(bucketTable);
    const archive = (await collectBuckets(clients))[0];
    clients.destroy();
    expect(archive).toMatchObject({
      policy: { ok: true, value: null },
      policyIsPublic: { ok: true, value: null },
      acl: { ok: false, error: { api: "s3:GetBucketAcl", code: "AccessDenied", region: "eu-west-1", httpStatus: 403 } },
      publicAccessBlock: { ok: true, value: null },
    });
  });

  it("marks every field when the bucket's region cannot be found", async () => {
    const { clients } = stubbedAccountClients({ ...bucketTable, GetBucketLocation: awsError("AccessDenied", { httpStatus: 403 }) });
    const archive = (await collectBuckets(clients))[0];
    clients.destroy();
    expect(archive).toMatchObject({ region: "unknown", acl: { ok: false, error: { api: "s3:GetBucketLocation" } } });
  });

  it("fails the part when the bucket list itself is denied", async () => {
    const { clients } = stubbedAccountClients({ ListBuckets: awsError("AccessDenied", { httpStatus: 403 }) });
    await expect(collectBuckets(clients)).rejects.toMatchObject({ collectorError: { api: "s3:ListBuckets", code: "AccessDenied" } });
    clients.destroy();
  });
});

describe("bucketRegionFromLocation", () => {
  it.each([
    [undefined, "us-east-1"],
    [null, "us-east-1"],
    ["", "us-east-1"],
    ["EU", "eu-west-1"],
    ["ap-southeast-2", "ap-southeast-2"],
  ])("maps %o to %s", (constraint, region) => {
    expect(bucketRegionFromLocation(constraint)).toBe(region);
  });
});

describe("collectAccountPublicAccessBlock", () => {
  it("reads the account's block with the account id", async () => {
    const { clients, calls } = stubbedAccountClients({
      "S3Control:GetPublicAccessBlock": { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } },
    });
    expect(await collectAccountPublicAccessBlock(clients)).toEqual({
      configuration: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
    });
    expect(calls.find((call) => call.service === "S3Control")?.input).toEqual({ AccountId: TEST_TARGET.accountId });
    clients.destroy();
  });

  it("records NoSuchPublicAccessBlockConfiguration as no configuration", async () => {
    const { clients } = stubbedAccountClients({
      "S3Control:GetPublicAccessBlock": awsError("NoSuchPublicAccessBlockConfiguration", { httpStatus: 404 }),
    });
    expect(await collectAccountPublicAccessBlock(clients)).toEqual({ configuration: null });
    clients.destroy();
  });
});
