/**
 * Test fixtures: real SDK clients wired to a sandbox world through the plugin (no HTTP), the
 * same way lib/aws builds them. Used by the sandbox's own tests only.
 */
import { AccessAnalyzerClient } from "@aws-sdk/client-accessanalyzer";
import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { S3Client } from "@aws-sdk/client-s3";
import { S3ControlClient } from "@aws-sdk/client-s3-control";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity, Pluggable } from "@smithy/types";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import type { FaultPlan } from "@/lib/sandbox/faults";
import { sandboxPlugin } from "@/lib/sandbox/plugin";
import { createSandboxWorld, type CreateSandboxWorldOptions, type SandboxWorld } from "@/lib/sandbox/world";

export const TEST_NOW = new Date("2026-11-20T12:00:00Z");
export const TEST_EXTERNAL_ID = "iamfit-test-external-id";

export function testWorld(options: CreateSandboxWorldOptions = {}): SandboxWorld {
  return createSandboxWorld({ seed: 42, now: TEST_NOW, externalId: TEST_EXTERNAL_ID, ...options });
}

export interface ClientOptions {
  credentials?: AwsCredentialIdentity;
  plugin?: Pluggable<any, any>;
  faults?: FaultPlan;
  maxAttempts?: number;
}

export function sandboxClients(world: SandboxWorld, options: ClientOptions = {}) {
  const plugin = options.plugin ?? sandboxPlugin(world, options.faults);
  const config = (region: string) => ({
    region,
    credentials: options.credentials ?? SANDBOX_BASE_CREDENTIALS,
    maxAttempts: options.maxAttempts ?? 1,
    retryMode: "standard",
  });
  const wire = <C extends { middlewareStack: { use(plugin: Pluggable<any, any>): void } }>(client: C): C => {
    client.middlewareStack.use(plugin);
    return client;
  };
  return {
    plugin,
    iam: () => wire(new IAMClient(config("us-east-1"))),
    sts: (region = "us-east-1") => wire(new STSClient(config(region))),
    ec2: (region: string) => wire(new EC2Client(config(region))),
    autoScaling: (region: string) => wire(new AutoScalingClient(config(region))),
    s3: (region: string) => wire(new S3Client({ ...config(region), followRegionRedirects: true })),
    s3Control: (region = "us-east-1") => wire(new S3ControlClient(config(region))),
    cloudTrail: (region: string) => wire(new CloudTrailClient(config(region))),
    accessAnalyzer: (region: string) => wire(new AccessAnalyzerClient(config(region))),
    organizations: () => wire(new OrganizationsClient(config("us-east-1"))),
  };
}

/** Clients signed with the audit role session of `accountId` (assumed through the sandbox's STS). */
export async function accountClients(world: SandboxWorld, accountId: string, options: ClientOptions = {}) {
  const base = sandboxClients(world, options);
  const { Credentials } = await base.sts().send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/iamfit-audit`,
      RoleSessionName: "iamfit-test",
      ExternalId: world.externalId,
      DurationSeconds: 900,
    }),
  );
  if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) throw new Error("AssumeRole returned no credentials");
  return sandboxClients(world, {
    ...options,
    plugin: base.plugin,
    credentials: {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiration: Credentials.Expiration,
    },
  });
}
