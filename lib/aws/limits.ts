/**
 * How hard iamfit may press on one AWS account. Every client of one account's AccountClients
 * shares these bounds through a middleware (lib/aws/concurrency-plugin.ts), so collectors and
 * paginators never need to know about them.
 *
 * AWS publishes no fixed request rates for IAM or STS; IAM is a global, low-rate control plane
 * shared with everything else that manages the account (AWS-NOTES.md, "Throttling and retries").
 * The numbers are therefore deliberately small: enough parallelism to hide round-trip latency
 * across ~17 regions, low enough that one account's collection does not starve the owner's own
 * automation of its request budget. The SDK's adaptive retry mode backs off further on throttling.
 */
export const AWS_SERVICES = [
  "iam",
  "sts",
  "ec2",
  "autoscaling",
  "s3",
  "s3control",
  "cloudtrail",
  "accessanalyzer",
  "sso-admin",
  "identitystore",
] as const;
export type AwsService = (typeof AWS_SERVICES)[number];

export interface ConcurrencyLimits {
  /** Requests in flight at once for one account, all services together. */
  perAccount: number;
  /** Requests in flight at once for one service of one account. */
  perService: Record<AwsService, number>;
}

/**
 * Requests in flight, per account and per service. With IAMFIT_ACCOUNT_CONCURRENCY (accounts one
 * worker collects at once, default 8 in lib/env.ts) they set a worker's pace: at most 8 x 4 = 32
 * requests in flight.
 *
 * - Per account, 4: a collection is ~180 calls (17 regions x 5 regional parts, the STS probe, S3
 *   per bucket, IAM). 4 at a time at a real round trip of 100-250 ms is 16-40 requests a second
 *   into one account, spread over services and regions. EC2 refills each non-mutating Describe*
 *   bucket at 20 requests/s per account and region (EC2 API reference, "Request throttling") and
 *   iamfit makes two or three such calls per region; IAM gets at most 2 at once.
 *   More per account would not make a worker faster, only each account burstier: a worker's pace
 *   comes from the accounts it runs at once. Per service 3 (IAM 2), so one service (a throttled
 *   one, or one waiting for its request rate, lib/aws/rate-limit-plugin.ts) never holds all four.
 * - STS: every AssumeRole (the session, and one probe per region) is signed with iamfit's own
 *   credentials, so the STS quotas of iamfit's account (per account and region) see the sum over
 *   all accounts in flight: one call in ten, one or two per account and region, i.e. a few a
 *   second per regional endpoint at 32 requests in flight and real latencies.
 * - One process: each call costs 0.8-0.9 ms of CPU in the SDK (signing, middleware; the clients
 *   themselves are reused from account to account, lib/aws/client-pool.ts) and in iamfit
 *   (parsing, evaluation, the commit), measured by `npm run bench:collect`. At the bench's 40 ms
 *   per call, 32 in flight is ~800 calls a second: about 70% of the one core a Node.js process
 *   runs on, PostgreSQL's work aside, so much more in flight would queue on the CPU, not on AWS.
 *   At real AWS latencies the same 32 use a fraction of a core. To go faster, run more workers
 *   (`npm run start:worker`): they share the queue.
 */
export const DEFAULT_LIMITS: ConcurrencyLimits = {
  perAccount: 4,
  perService: {
    // Global, low-rate control plane; GetAccountAuthorizationDetails pages are heavy.
    iam: 2,
    // One AssumeRole per region for the STS probe, plus the session itself.
    sts: 3,
    ec2: 3,
    autoscaling: 3,
    s3: 3,
    s3control: 3,
    cloudtrail: 3,
    accessanalyzer: 3,
    // IAM Identity Center: read in one account of the organization, one call per permission set and page.
    "sso-admin": 2,
    identitystore: 2,
  },
};

/**
 * SDK attempts per call (first try included). Prowler uses 3 and Steampipe 9 (AWS-NOTES.md);
 * 6 with adaptive retry rides out bursts of throttling without stalling a collection for minutes.
 */
export const DEFAULT_MAX_ATTEMPTS = 6;

/** Partial limits: any service left out keeps its default. */
export interface ConcurrencyLimitOverrides {
  perAccount?: number;
  perService?: Partial<Record<AwsService, number>>;
}

export function resolveLimits(overrides?: ConcurrencyLimitOverrides): ConcurrencyLimits {
  return {
    perAccount: overrides?.perAccount ?? DEFAULT_LIMITS.perAccount,
    perService: { ...DEFAULT_LIMITS.perService, ...overrides?.perService },
  };
}

/**
 * Requests per second one account's collection may send, per service family (all its regions
 * together), on top of the concurrency bounds: lib/aws/rate-limit-plugin.ts spaces requests
 * evenly, so these are ceilings without bursts beyond the in-flight bounds. Override with IAMFIT_REQUEST_RATES
 * ("iam=2,ec2=5"; "off" removes the caps). A typical account (17 regions, a few hundred IAM
 * entities) is collected in well under a minute at these rates.
 * - iam 5: IAM is one global control plane per account with no published rates, shared with
 *   every deployment pipeline of the account (AWS-NOTES.md, "Throttling and retries").
 * - sts 10: AssumeRole per region for the STS probe; STS quotas are per account and region.
 * - ec2 10: EC2 refills each non-mutating Describe* bucket at 20 requests/s per account and
 *   region (EC2 API reference, "Request throttling"); 10/s across all regions together stays
 *   under half of one region's refill.
 * - autoscaling, cloudtrail, accessanalyzer 10: one to three calls per region, so under one
 *   request a second per regional endpoint across 17 regions.
 * - identitycenter 5 (sso-admin and identitystore): read in one account only, a few calls per
 *   permission set; AWS publishes no per-operation rates.
 * - s3 20 (S3 Control included): bucket configuration reads, four per bucket; S3's request
 *   rates are far higher, and accounts with hundreds of buckets stay reasonably fast.
 */
export const DEFAULT_REQUEST_RATES = {
  iam: 5,
  sts: 10,
  ec2: 10,
  autoscaling: 10,
  s3: 20,
  cloudtrail: 10,
  accessanalyzer: 10,
  identitycenter: 5,
} as const satisfies Record<string, number>;
