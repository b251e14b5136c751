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
] as const;
export type AwsService = (typeof AWS_SERVICES)[number];

export interface ConcurrencyLimits {
  /** Requests in flight at once for one account, all services together. */
  perAccount: number;
  /** Requests in flight at once for one service of one account. */
  perService: Record<AwsService, number>;
}

export const DEFAULT_LIMITS: ConcurrencyLimits = {
  perAccount: 8,
  perService: {
    // Global, low-rate control plane; GetAccountAuthorizationDetails pages are heavy.
    iam: 3,
    // One AssumeRole per region for the STS probe, plus the session itself.
    sts: 4,
    ec2: 6,
    autoscaling: 6,
    s3: 6,
    s3control: 6,
    cloudtrail: 6,
    accessanalyzer: 6,
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
