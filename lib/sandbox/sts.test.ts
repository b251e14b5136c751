import { GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, RegionDisabledException } from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { IAMClient } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { sandboxPlugin } from "@/lib/sandbox/plugin";
import { accountClients, sandboxClients, testWorld } from "@/lib/sandbox/test-fixtures";

const auditRoleArn = (accountId: string) => `arn:aws:iam::${accountId}:role/iamfit-audit`;

describe("sts:AssumeRole through the real STS client", () => {
  it("returns session credentials that expire DurationSeconds from now and name the assumed role", async () => {
    const world = testWorld();
    const before = Date.now();
    const output = await sandboxClients(world).sts().send(
      new AssumeRoleCommand({
        RoleArn: auditRoleArn(CURATED_ACCOUNT_IDS.prodPayments),
        RoleSessionName: "iamfit-test",
        ExternalId: world.externalId,
        DurationSeconds: 900,
      }),
    );
    expect(output.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(output.Credentials?.Expiration).toBeInstanceOf(Date);
    const expiresIn = (output.Credentials?.Expiration?.getTime() ?? 0) - before;
    expect(expiresIn).toBeGreaterThanOrEqual(900_000);
    expect(expiresIn).toBeLessThan(905_000);
    expect(output.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${CURATED_ACCOUNT_IDS.prodPayments}:assumed-role/iamfit-audit/iamfit-test`);
    expect(output.$metadata.httpStatusCode).toBe(200);
  });

  it("denies a wrong ExternalId with AWS's AccessDenied message naming caller and role", async () => {
    const world = testWorld();
    const roleArn = auditRoleArn(CURATED_ACCOUNT_IDS.prodPayments);
    const error = await sandboxClients(world)
      .sts()
      .send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "iamfit-test", ExternalId: "wrong-id" }))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: "AccessDenied",
      Code: "AccessDenied",
      $fault: "client",
      $metadata: { httpStatusCode: 403 },
      message: `User: arn:aws:iam::${world.baseAccountId}:user/iamfit-auditor is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    });
  });

  it("denies the partner account's role, whose trust policy expects another ExternalId", async () => {
    const world = testWorld();
    const error = await sandboxClients(world)
      .sts()
      .send(
        new AssumeRoleCommand({
          RoleArn: auditRoleArn(CURATED_ACCOUNT_IDS.partnerIntegration),
          RoleSessionName: "iamfit-test",
          ExternalId: world.externalId,
        }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
  });

  it("denies a role that does not exist with AccessDenied, not NoSuchEntity", async () => {
    const world = testWorld();
    const error = await sandboxClients(world)
      .sts()
      .send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${CURATED_ACCOUNT_IDS.prodPayments}:role/nope`, RoleSessionName: "iamfit-test" }))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "AccessDenied" });
  });

  it.each([
    ["a deactivated default region", "eu-north-1", CURATED_ACCOUNT_IDS.edgeNetwork],
    ["an opt-in region the target has not enabled", "ap-east-1", CURATED_ACCOUNT_IDS.prodPayments],
  ])("throws RegionDisabledException (403) at the endpoint of %s", async (_label, region, accountId) => {
    const world = testWorld();
    const error = await sandboxClients(world)
      .sts(region)
      .send(new AssumeRoleCommand({ RoleArn: auditRoleArn(accountId), RoleSessionName: "iamfit-test", ExternalId: world.externalId }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegionDisabledException);
    expect(error).toMatchObject({
      name: "RegionDisabledException",
      $metadata: { httpStatusCode: 403 },
      message: `STS is not activated in this region for account:${accountId}. Your account administrator can activate STS in this region using the IAM Console.`,
    });
  });

  it("answers in regions where the target's STS is active, including its enabled opt-in regions", async () => {
    const world = testWorld();
    for (const region of ["us-east-1", "eu-west-1", "af-south-1"]) {
      const output = await sandboxClients(world)
        .sts(region)
        .send(new AssumeRoleCommand({ RoleArn: auditRoleArn(CURATED_ACCOUNT_IDS.edgeNetwork), RoleSessionName: "probe", ExternalId: world.externalId }));
      expect(output.Credentials?.AccessKeyId, region).toBeDefined();
    }
  });

  it("rejects a DurationSeconds above the role's MaxSessionDuration", async () => {
    const world = testWorld();
    const error = await sandboxClients(world)
      .sts()
      .send(
        new AssumeRoleCommand({
          RoleArn: auditRoleArn(CURATED_ACCOUNT_IDS.prodPayments),
          RoleSessionName: "iamfit-test",
          ExternalId: world.externalId,
          DurationSeconds: 7200,
        }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
  });
});

describe("calls signed with session credentials", () => {
  it("are attributed to the assumed role's account", async () => {
    const world = testWorld();
    const clients = await accountClients(world, CURATED_ACCOUNT_IDS.legacyMonolith);
    const identity = await clients.sts().send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({
      Account: CURATED_ACCOUNT_IDS.legacyMonolith,
      Arn: `arn:aws:sts::${CURATED_ACCOUNT_IDS.legacyMonolith}:assumed-role/iamfit-audit/iamfit-test`,
    });
    const summary = await clients.iam().send(new GetAccountSummaryCommand({}));
    // legacy-monolith is the account with a root access key.
    expect(summary.SummaryMap?.AccountAccessKeysPresent).toBe(1);
    expect(world.stats().byAccount[CURATED_ACCOUNT_IDS.legacyMonolith]).toBe(3); // AssumeRole + 2 calls
  });

  it("work through fromTemporaryCredentials with the plugin in clientPlugins", async () => {
    const world = testWorld();
    const plugin = sandboxPlugin(world);
    const iam = new IAMClient({
      region: "us-east-1",
      maxAttempts: 1,
      credentials: fromTemporaryCredentials({
        masterCredentials: SANDBOX_BASE_CREDENTIALS,
        params: { RoleArn: auditRoleArn(CURATED_ACCOUNT_IDS.prodPayments), RoleSessionName: "iamfit", ExternalId: world.externalId, DurationSeconds: 900 },
        clientConfig: { region: "us-east-1" },
        clientPlugins: [plugin],
      }),
    });
    iam.middlewareStack.use(plugin);
    const summary = await iam.send(new GetAccountSummaryCommand({}));
    expect(summary.SummaryMap?.Users).toBe(0); // prod-payments has no IAM users
    expect(world.stats().byApi["sts:AssumeRole"]).toBe(1);
  });

  it("answers GetCallerIdentity for the base credentials with the auditor user", async () => {
    const world = testWorld();
    const identity = await sandboxClients(world).sts().send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(world.baseAccountId);
    expect(identity.Arn).toBe(`arn:aws:iam::${world.baseAccountId}:user/iamfit-auditor`);
    expect(identity.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);
  });

  it("are refused with ExpiredToken once the session has expired", async () => {
    let wallClock = Date.now();
    const world = testWorld({ clock: () => wallClock });
    const clients = await accountClients(world, CURATED_ACCOUNT_IDS.prodPayments);
    await expect(clients.iam().send(new GetAccountSummaryCommand({}))).resolves.toBeDefined();
    wallClock += 901_000;
    await expect(clients.iam().send(new GetAccountSummaryCommand({}))).rejects.toMatchObject({ name: "ExpiredToken" });
  });

  it("lock iamfit out once the auditor's access key is deactivated", async () => {
    const world = testWorld();
    world.applyMutation({ type: "deactivate-access-key", accountId: world.baseAccountId, userName: "iamfit-auditor", keyIndex: 1 });
    await expect(sandboxClients(world).sts().send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: "InvalidClientTokenId" });
  });

  it("rejects unknown access keys as InvalidClientTokenId", async () => {
    const world = testWorld();
    const error = await sandboxClients(world, { credentials: { accessKeyId: "AKIAUNKNOWN000000000", secretAccessKey: "x" } })
      .sts()
      .send(new GetCallerIdentityCommand({}))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "InvalidClientTokenId", $metadata: { httpStatusCode: 403 } });
  });
});
