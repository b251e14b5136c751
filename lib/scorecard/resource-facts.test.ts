import { describe, expect, it } from "vitest";
import { bucket, credentialReport, humanRow, ok, regional, rootRow, securityGroup, snapshot, instance, TEST_ACCOUNT_ID } from "@/lib/checks/testing/snapshot-factory";
import { authorizationDetails, iamRole, iamUser, roleArn, userArn } from "@/lib/policy/testing/iam-factory";
import { baseResourceId, resourceFacts } from "./resource-facts";

const world = snapshot(
  {
    "iam.credentialReport": ok(credentialReport([rootRow(), humanRow("alice")])),
    "iam.authorizationDetails": ok(authorizationDetails({ users: [iamUser("alice")], roles: [iamRole("app")] })),
    [regional("ec2.instances", "eu-west-1")]: ok([instance("i-0abc")]),
    [regional("ec2.securityGroups", "eu-west-1")]: ok([securityGroup("sg-0abc")]),
    "s3.buckets": ok([bucket("logs")]),
  },
  ["eu-west-1"],
);

describe("resourceFacts", () => {
  it.each([
    [userArn("alice"), ["Credential report row", "IAM user"]],
    [`${userArn("alice")}#access_key_1`, ["Credential report row", "IAM user"]],
    [`arn:aws:iam::${TEST_ACCOUNT_ID}:root`, ["Credential report row"]],
    [roleArn("app"), ["IAM role"]],
    [`arn:aws:ec2:eu-west-1:${TEST_ACCOUNT_ID}:instance/i-0abc`, ["EC2 instance"]],
    [`arn:aws:ec2:eu-west-1:${TEST_ACCOUNT_ID}:security-group/sg-0abc`, ["Security group"]],
    ["arn:aws:s3:::logs", ["S3 bucket"]],
    [`arn:aws:ec2:us-east-1:${TEST_ACCOUNT_ID}:instance/i-0abc`, []],
    ["eu-west-1", []],
  ])("finds what the snapshot knows about %s", (resourceId, titles) => {
    expect(resourceFacts(world, resourceId).map((facts) => facts.title)).toEqual(titles);
  });

  it("returns the facts as stored", () => {
    const [row] = resourceFacts(world, userArn("alice"));
    expect(row?.facts).toMatchObject({ user: "alice", mfa_active: true });
  });
});

describe("baseResourceId", () => {
  it.each([
    ["arn:aws:iam::1:user/a#access_key_2", "arn:aws:iam::1:user/a"],
    ["arn:aws:iam::1:user/a#inline-policy/p#x", "arn:aws:iam::1:user/a"],
    ["sg-1", "sg-1"],
  ])("reads %s as %s", (id, base) => {
    expect(baseResourceId(id)).toBe(base);
  });
});
