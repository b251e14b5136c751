/**
 * SDK clients for one account. The only seams are the base credentials and the plugins: real AWS
 * and the sandbox organization (lib/sandbox, a deserialize-step plugin) get exactly the same
 * clients, retries, paginators and concurrency limits. The SDK clients themselves are leased from
 * a process-wide pool (client-pool.ts) and bound to the account for as long as it holds them.
 */
import { AccessAnalyzerClient } from "@aws-sdk/client-accessanalyzer";
import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { IdentitystoreClient } from "@aws-sdk/client-identitystore";
import { S3Client } from "@aws-sdk/client-s3";
import { S3ControlClient } from "@aws-sdk/client-s3-control";
import { SSOAdminClient } from "@aws-sdk/client-sso-admin";
import { STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentityProvider, EndpointObjectProperty, Pluggable, RetryStrategyV2 } from "@smithy/types";
import { assumeRoleSession } from "./assume-role-session";
import { clientPool, type ClientLease, type LeasedClientSettings, type PoolableClient } from "./client-pool";
import { concurrencyLimitPlugin, createAccountLimiter, type AccountLimiter } from "./concurrency-plugin";
import { DEFAULT_MAX_ATTEMPTS, type AwsService, type ConcurrencyLimitOverrides } from "./limits";
import { processWideClientConfig, type ProcessWideClientConfig, type ProcessWideSigV4aConfig } from "./process-wide-sdk-config";
import { accountPacersFor, rateLimitPlugin, type RequestRates } from "./rate-limit-plugin";
import { HOME_REGION, homeRegionOfArn } from "./regions";
import { forgetSigningKeys } from "./signing-key-cache";

export interface AwsConnectionOptions {
  /** Base credentials: the SDK default provider chain for real AWS, static ones for the sandbox. */
  credentials: AwsCredentialIdentityProvider;
  /** Extra SDK plugins added to every client created (the sandbox answers through one; benchmarks count calls through one). */
  plugins?: Pluggable<any, any>[];
  /** SDK attempts per call, first try included. Default DEFAULT_MAX_ATTEMPTS. */
  maxAttempts?: number;
  /** Default "adaptive": client-side rate limiting once AWS starts throttling. */
  retryMode?: "standard" | "adaptive";
  /** Replaces maxAttempts and retryMode (tests pass the SDK's strategy with tiny delays). */
  retryStrategy?: RetryStrategyV2;
  /** Concurrency bounds for one account; see DEFAULT_LIMITS in lib/aws/limits.ts. */
  limits?: ConcurrencyLimitOverrides;
  /** Requests per second per service family for one account; families left out are not paced (DEFAULT_REQUEST_RATES in limits.ts). */
  requestRates?: Partial<RequestRates>;
}

export interface AccountTarget {
  accountId: string;
  roleArn: string;
  externalId: string;
  /** Default `iamfit-<accountId>`: shows up in the account's CloudTrail as who read it. */
  sessionName?: string;
}

export interface AccountClients {
  accountId: string;
  /** The audit role these clients assume; absent for clients with the base credentials. */
  target?: Omit<AccountTarget, "sessionName"> & { sessionName: string };
  /**
   * The home region of the account's partition (from the role's ARN): IAM's region, where the
   * session is requested, and where account-level calls (DescribeRegions, ListBuckets, S3 Control) go.
   */
  homeRegion: string;
  /** Obtain the credentials now (AssumeRole for an account), so a failure surfaces before any collector runs. */
  openSession(): Promise<void>;
  iam(): IAMClient;
  /**
   * STS with the base credentials, at the region's endpoint: the caller of AssumeRole (the session
   * and the STS regional probe). The audit role itself never calls STS.
   */
  sts(region: string): STSClient;
  ec2(region: string): EC2Client;
  autoScaling(region: string): AutoScalingClient;
  s3(region: string): S3Client;
  s3Control(region: string): S3ControlClient;
  cloudTrail(region: string): CloudTrailClient;
  accessAnalyzer(region: string): AccessAnalyzerClient;
  /** IAM Identity Center, in the region that holds the instance. */
  ssoAdmin(region: string): SSOAdminClient;
  identityStore(region: string): IdentitystoreClient;
  destroy(): void;
}

/**
 * Where sessions are requested in the aws partition: STS cannot be deactivated in us-east-1, and
 * its tokens are valid in all regions. Accounts of other partitions use their partition's home
 * region (homeRegionOfArn); AccountClients.homeRegion says which.
 */
export const SESSION_REGION = HOME_REGION;

export function createAccountClients(options: AwsConnectionOptions, target: AccountTarget): AccountClients {
  const limiter = createAccountLimiter(options.limits);
  const sessionTarget = { ...target, sessionName: target.sessionName ?? `iamfit-${target.accountId}` };
  const homeRegion = homeRegionOfArn(target.roleArn);
  const baseClients = clientCache(options, options.credentials, limiter, sdkEnvironment(process.env));
  const stsFor = (region: string) => baseClients.get("sts", region, createStsClient);
  const session = assumeRoleSession(() => stsFor(homeRegion), sessionTarget);
  return buildAccountClients(options, session, limiter, baseClients, {
    accountId: target.accountId,
    target: sessionTarget,
    homeRegion,
  });
}

/** Clients with the base credentials themselves; `homeRegion` is their partition's (default the aws partition's). */
export function createBaseClients(options: AwsConnectionOptions, accountId?: string, homeRegion: string = HOME_REGION): AccountClients {
  const limiter = createAccountLimiter(options.limits);
  const baseClients = clientCache(options, options.credentials, limiter, sdkEnvironment(process.env));
  return buildAccountClients(options, options.credentials, limiter, baseClients, { accountId: accountId ?? "", homeRegion });
}

function buildAccountClients(
  options: AwsConnectionOptions,
  credentials: AwsCredentialIdentityProvider,
  limiter: AccountLimiter,
  baseClients: ClientCache,
  identity: Pick<AccountClients, "accountId" | "target" | "homeRegion">,
): AccountClients {
  const clients =
    baseClients.credentials === credentials ? baseClients : clientCache(options, credentials, limiter, baseClients.environment);
  return {
    ...identity,
    async openSession() {
      await credentials();
    },
    iam: () => clients.get("iam", identity.homeRegion, (config) => new IAMClient(config)),
    sts: (region) => baseClients.get("sts", region, createStsClient),
    ec2: (region) => clients.get("ec2", region, (config) => new EC2Client(config)),
    autoScaling: (region) => clients.get("autoscaling", region, (config) => new AutoScalingClient(config)),
    s3: (region) =>
      clients.get(
        "s3",
        region,
        (config) =>
          new S3Client({ ...config, sigv4aSigningRegionSet: processWideClientConfig().sigv4aSigningRegionSet, ...s3AddressingFor(process.env) }),
      ),
    s3Control: (region) => clients.get("s3control", region, (config) => withCustomEndpointAsGiven(new S3ControlClient(config))),
    cloudTrail: (region) => clients.get("cloudtrail", region, (config) => new CloudTrailClient(config)),
    accessAnalyzer: (region) => clients.get("accessanalyzer", region, (config) => new AccessAnalyzerClient(config)),
    ssoAdmin: (region) => clients.get("sso-admin", region, (config) => new SSOAdminClient(config)),
    identityStore: (region) => clients.get("identitystore", region, (config) => new IdentitystoreClient(config)),
    destroy() {
      clients.destroy();
      if (clients !== baseClients) baseClients.destroy();
    },
  };
}

/**
 * The SDK already honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>; S3-compatible
 * endpoints (LocalStack, MinIO) cannot do virtual-hosted bucket names, so use path style there.
 * followRegionRedirects re-sends a bucket call to the bucket's region if we ever guess it wrong.
 */
export function s3AddressingFor(env: Record<string, string | undefined>): { forcePathStyle: boolean; followRegionRedirects: boolean } {
  return { forcePathStyle: Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL), followRegionRedirects: true };
}

/**
 * S3 Control's endpoint rules put the account id in front of the host, a custom endpoint's too:
 * AWS_ENDPOINT_URL=http://127.0.0.1:4566 becomes `http://<account>.127.0.0.1:4566`, which is no
 * URL (ERR_INVALID_URL), and `<account>.localhost` resolves nowhere. A custom endpoint (the SDK
 * passes AWS_ENDPOINT_URL_S3_CONTROL / AWS_ENDPOINT_URL as the Endpoint parameter) is used as
 * given; the account still travels in the x-amz-account-id header. AWS's own endpoints keep the rules.
 */
export function withCustomEndpointAsGiven(client: S3ControlClient): S3ControlClient {
  const rules = client.config.endpointProvider;
  client.config.endpointProvider = (params, context) => {
    if (!params.Endpoint || !params.Region) return rules(params, context);
    // What the rules sign a custom endpoint with, host aside.
    const sigv4: Record<string, EndpointObjectProperty> = { name: "sigv4", signingName: "s3", signingRegion: params.Region, disableDoubleEncoding: true };
    const properties: Record<string, EndpointObjectProperty> = { authSchemes: [sigv4] };
    return { url: new URL(params.Endpoint), properties };
  };
  return client;
}

interface CommonClientConfig extends ProcessWideClientConfig, LeasedClientSettings {
  region: string;
}

function createStsClient(config: CommonClientConfig & Partial<ProcessWideSigV4aConfig>): STSClient {
  return new STSClient({ ...config, sigv4aSigningRegionSet: processWideClientConfig().sigv4aSigningRegionSet });
}

interface ClientCache {
  credentials: AwsCredentialIdentityProvider;
  /** The SDK environment the clients are built in (sdkEnvironment). */
  environment: string;
  get<C extends PoolableClient>(service: AwsService, region: string, create: (config: CommonClientConfig) => C): C;
  destroy(): void;
}

/**
 * One account's clients (per credentials), leased from the process's pool (client-pool.ts) on
 * first use and released together by destroy().
 */
function clientCache(
  options: AwsConnectionOptions,
  credentials: AwsCredentialIdentityProvider,
  limiter: AccountLimiter,
  environment: string,
): ClientCache {
  const leases = new Map<string, ClientLease<PoolableClient>>();
  return {
    credentials,
    environment,
    get(service, region, create) {
      const key = `${service}@${region}`;
      const existing = leases.get(key);
      if (existing) return existing.client as ReturnType<typeof create>;
      const lease = clientPool.lease(
        `${key} ${environment}`,
        {
          credentials,
          maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          retryMode: options.retryMode ?? "adaptive",
          ...(options.retryStrategy ? { retryStrategy: options.retryStrategy } : {}),
          plugins: [
            // Paced before it takes a concurrency slot: a request waiting for its turn at one family's
            // rate must not hold the account's slots that other families' requests could use.
            rateLimitPlugin(accountPacersFor(limiter, options.requestRates), service),
            concurrencyLimitPlugin(limiter, service),
            ...(options.plugins ?? []),
          ],
        },
        (settings) => {
          const { sigv4aSigningRegionSet: _onlyStsAndS3, ...shared } = processWideClientConfig();
          return create({ ...shared, region, ...settings });
        },
      );
      leases.set(key, lease);
      return lease.client as ReturnType<typeof create>;
    },
    destroy() {
      for (const lease of leases.values()) lease.release();
      leases.clear();
      forgetSigningKeys();
    },
  };
}

/**
 * The environment variables an SDK client reads while it is built or keeps from its first request
 * (AWS_ENDPOINT_URL_<SERVICE>, AWS_PROFILE, AWS_CONFIG_FILE, ...), as a key: a pooled client is
 * only leased in the environment it was built in. Credentials in the environment are left out;
 * clients get theirs from the connection options.
 */
export function sdkEnvironment(env: Record<string, string | undefined>): string {
  const settings: string[] = [];
  for (const name of Object.keys(env).sort()) {
    if (!name.startsWith("AWS_") || CREDENTIAL_VARIABLES.has(name)) continue;
    settings.push(`${name}=${env[name]}`);
  }
  return settings.join("\n");
}

const CREDENTIAL_VARIABLES = new Set(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CREDENTIAL_EXPIRATION"]);
