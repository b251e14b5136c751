import { DescribeSecurityGroupsCommand } from "@aws-sdk/client-ec2";
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
} from "@aws-sdk/client-iam";
import { DescribeTrailsCommand, GetTrailStatusCommand } from "@aws-sdk/client-cloudtrail";
import { GetPublicAccessBlockCommand } from "@aws-sdk/client-s3";
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand } from "@aws-sdk/client-s3-control";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CREDENTIAL_REPORT_COLUMNS } from "@/lib/sandbox/credential-report";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { SandboxMutationError, type SandboxMutation } from "@/lib/sandbox/mutations";
import { accountClients, sandboxClients, testWorld } from "@/lib/sandbox/test-fixtures";
import type { SandboxWorld } from "@/lib/sandbox/world";

const ids = CURATED_ACCOUNT_IDS;
const legacy = ids.legacyMonolith;

async function reportRow(world: SandboxWorld, accountId: string, user: string) {
  const iam = (await accountClients(world, accountId)).iam();
  await iam.send(new GenerateCredentialReportCommand({}));
  await iam.send(new GenerateCredentialReportCommand({}));
  const rows: string[][] = parse(new TextDecoder().decode((await iam.send(new GetCredentialReportCommand({}))).Content));
  const row = rows.find((candidate) => candidate[0] === user);
  return row ? Object.fromEntries(CREDENTIAL_REPORT_COLUMNS.map((column, index) => [column, row[index]])) : undefined;
}

const errorName = (promise: Promise<unknown>) => promise.then(() => "ok", (error: Error) => error.name);

function legacySecurityGroupId(world: SandboxWorld): string {
  return world.account(legacy)?.securityGroups.find((group) => group.groupName === "legacy-web")?.groupId ?? "";
}

const cases: Array<{
  mutation: (world: SandboxWorld) => SandboxMutation;
  observe: (world: SandboxWorld) => Promise<unknown>;
  before: unknown;
  after: unknown;
}> = [
  {
    mutation: () => ({ type: "deactivate-access-key", accountId: legacy, userName: "jsmith", keyIndex: 2 }),
    observe: async (world) => (await reportRow(world, legacy, "jsmith"))?.access_key_2_active,
    before: "true",
    after: "false",
  },
  {
    mutation: () => ({ type: "delete-root-access-key", accountId: legacy }),
    observe: async (world) => (await (await accountClients(world, legacy)).iam().send(new GetAccountSummaryCommand({}))).SummaryMap?.AccountAccessKeysPresent,
    before: 1,
    after: 0,
  },
  {
    mutation: () => ({ type: "enable-mfa", accountId: legacy, userName: "mlee" }),
    observe: async (world) => (await reportRow(world, legacy, "mlee"))?.mfa_active,
    before: "false",
    after: "true",
  },
  {
    mutation: () => ({ type: "enable-mfa", accountId: legacy, userName: "<root_account>", kind: "hardware" }),
    observe: async (world) => (await (await accountClients(world, legacy)).iam().send(new GetAccountSummaryCommand({}))).SummaryMap?.AccountMFAEnabled,
    before: 0,
    after: 1,
  },
  {
    mutation: () => ({ type: "detach-user-policy", accountId: legacy, userName: "old-contractor", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }),
    observe: async (world) => {
      const page = await (await accountClients(world, legacy)).iam().send(new GetAccountAuthorizationDetailsCommand({ Filter: ["User"] }));
      return page.UserDetailList?.find((user) => user.UserName === "old-contractor")?.AttachedManagedPolicies?.length;
    },
    before: 1,
    after: 0,
  },
  {
    mutation: () => ({ type: "put-account-public-access-block", accountId: legacy }),
    observe: async (world) =>
      (await accountClients(world, legacy))
        .s3Control()
        .send(new GetAccountPublicAccessBlockCommand({ AccountId: legacy }))
        .then((output) => output.PublicAccessBlockConfiguration, (error: Error) => error.name),
    before: "NoSuchPublicAccessBlockConfiguration",
    after: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
  },
  {
    mutation: () => ({ type: "put-bucket-public-access-block", accountId: legacy, bucket: "legacy-public-website", configuration: { blockPublicAcls: false } }),
    observe: async (world) =>
      (await accountClients(world, legacy))
        .s3("us-east-1")
        .send(new GetPublicAccessBlockCommand({ Bucket: "legacy-public-website" }))
        .then((output) => output.PublicAccessBlockConfiguration?.BlockPublicAcls, (error: Error) => error.name),
    before: "NoSuchPublicAccessBlockConfiguration",
    after: false,
  },
  {
    mutation: (world) => ({ type: "revoke-security-group-ingress", accountId: legacy, region: "us-east-1", groupId: legacySecurityGroupId(world) }),
    observe: async (world) => {
      const output = await (await accountClients(world, legacy)).ec2("us-east-1").send(new DescribeSecurityGroupsCommand({ GroupIds: [legacySecurityGroupId(world)] }));
      return output.SecurityGroups?.[0]?.IpPermissions?.length;
    },
    before: 3,
    after: 0,
  },
  {
    mutation: () => ({ type: "set-password-policy", accountId: legacy, minLength: 14, reuse: 24 }),
    observe: async (world) =>
      (await accountClients(world, legacy))
        .iam()
        .send(new GetAccountPasswordPolicyCommand({}))
        .then((output) => [output.PasswordPolicy?.MinimumPasswordLength, output.PasswordPolicy?.PasswordReusePrevention], (error: Error) => error.name),
    before: "NoSuchEntityException",
    after: [14, 24],
  },
  {
    mutation: () => ({ type: "deactivate-sts-region", accountId: ids.prodPayments, region: "eu-west-1" }),
    observe: (world) =>
      errorName(
        sandboxClients(world)
          .sts("eu-west-1")
          .send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ids.prodPayments}:role/iamfit-audit`, RoleSessionName: "probe", ExternalId: world.externalId })),
      ),
    before: "ok",
    after: "RegionDisabledException",
  },
  {
    mutation: () => ({ type: "activate-sts-region", accountId: ids.edgeNetwork, region: "eu-north-1" }),
    observe: (world) =>
      errorName(
        sandboxClients(world)
          .sts("eu-north-1")
          .send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ids.edgeNetwork}:role/iamfit-audit`, RoleSessionName: "probe", ExternalId: world.externalId })),
      ),
    before: "RegionDisabledException",
    after: "ok",
  },
  {
    mutation: () => ({ type: "set-global-endpoint-token-version", accountId: ids.edgeNetwork, version: 2 }),
    observe: async (world) => (await (await accountClients(world, ids.edgeNetwork)).iam().send(new GetAccountSummaryCommand({}))).SummaryMap?.GlobalEndpointTokenVersion,
    before: 1,
    after: 2,
  },
  {
    mutation: () => ({ type: "set-trail-logging", accountId: ids.stagingWeb, trailName: "staging-trail", logging: true }),
    observe: async (world) => {
      const cloudTrail = (await accountClients(world, ids.stagingWeb)).cloudTrail("eu-west-1");
      const { trailList } = await cloudTrail.send(new DescribeTrailsCommand({}));
      return (await cloudTrail.send(new GetTrailStatusCommand({ Name: trailList?.[0]?.TrailARN }))).IsLogging;
    },
    before: false,
    after: true,
  },
  {
    mutation: () => ({ type: "add-admin-user", accountId: ids.prodPayments, userName: "shadow-admin" }),
    observe: async (world) => {
      const page = await (await accountClients(world, ids.prodPayments)).iam().send(new GetAccountAuthorizationDetailsCommand({ Filter: ["User"] }));
      return page.UserDetailList?.map((user) => [user.UserName, user.AttachedManagedPolicies?.map((policy) => policy.PolicyName)]);
    },
    before: [],
    after: [["shadow-admin", ["AdministratorAccess"]]],
  },
];

describe("mutations change what the APIs answer", () => {
  it.each(cases.map((testCase) => [testCase.mutation(testWorld()).type, testCase] as const))("%s", async (_type, testCase) => {
    const world = testWorld();
    expect(await testCase.observe(world)).toEqual(testCase.before);
    const mutation = testCase.mutation(world);
    world.applyMutation(mutation);
    expect(await testCase.observe(world)).toEqual(testCase.after);
    expect(world.mutations()).toEqual([mutation]);
  });
});

describe("invalid mutations", () => {
  it.each([
    [{ type: "deactivate-access-key", accountId: legacy, userName: "nobody", keyIndex: 1 }, 'has no IAM user named "nobody"'],
    [{ type: "deactivate-access-key", accountId: legacy, userName: "ops-admin", keyIndex: 1 }, 'user "ops-admin" has no access key 1'],
    [{ type: "delete-root-access-key", accountId: ids.prodPayments }, "has no access key"],
    [{ type: "enable-mfa", accountId: ids.stagingWeb, userName: "<root_account>" }, "managed centrally"],
    [{ type: "detach-user-policy", accountId: legacy, userName: "jsmith", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }, "is not attached"],
    [{ type: "put-bucket-public-access-block", accountId: legacy, bucket: "no-such-bucket" }, 'no bucket named "no-such-bucket"'],
    [{ type: "revoke-security-group-ingress", accountId: legacy, region: "eu-west-3", groupId: "sg-0000" }, "no security group sg-0000 in eu-west-3"],
    [{ type: "deactivate-sts-region", accountId: legacy, region: "us-east-1" }, "cannot be deactivated in us-east-1"],
    [{ type: "deactivate-sts-region", accountId: legacy, region: "af-south-1" }, "not enabled"],
    [{ type: "deactivate-sts-region", accountId: legacy, region: "mars-north-1" }, "unknown AWS region"],
    [{ type: "add-admin-user", accountId: legacy, userName: "jsmith" }, 'already has a user named "jsmith"'],
    [{ type: "add-admin-user", accountId: "000000000000", userName: "x" }, "has no account 000000000000"],
    [{ type: "add-admin-user", accountId: "12345", userName: "x" }, "accountId: an account id is 12 digits"],
    [{ type: "launch-missiles", accountId: legacy }, "invalid sandbox mutation"],
  ])("rejects %j with a clear error and records nothing", (mutation, message) => {
    const world = testWorld();
    expect(() => world.applyMutation(mutation as SandboxMutation)).toThrow(SandboxMutationError);
    expect(() => world.applyMutation(mutation as SandboxMutation)).toThrow(message);
    expect(world.mutations()).toEqual([]);
  });
});
