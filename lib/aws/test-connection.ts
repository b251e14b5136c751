/**
 * "Test connection" while linking an account: assume the audit role, then make one cheap read per
 * collector, and say in plain words what to fix for each failure.
 */
import { ListAnalyzersCommand } from "@aws-sdk/client-accessanalyzer";
import { DescribeAutoScalingGroupsCommand } from "@aws-sdk/client-auto-scaling";
import { DescribeTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { DescribeRegionsCommand } from "@aws-sdk/client-ec2";
import { GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import { ListBucketsCommand } from "@aws-sdk/client-s3";
import { GetPublicAccessBlockCommand } from "@aws-sdk/client-s3-control";
import type { CollectorError } from "@/lib/snapshot/schema";
import { iamActionFor, type AwsOperation } from "./api-calls";
import { createAccountClients, type AccountClients, type AccountTarget, type AwsConnectionOptions } from "./client-factory";
import { probeStsRegion } from "./collectors/sts";
import {
  hasErrorCode,
  isAccessDenied,
  isInvalidCredentials,
  isNetworkError,
  isRegionDisabled,
  isThrottling,
  toCollectorError,
} from "./errors";
import { homeRegionOfArn } from "./regions";

export interface ConnectionStep {
  api: string;
  region?: string;
  ok: boolean;
  error?: CollectorError;
  hint?: string;
}

export interface ConnectionTestResult {
  ok: boolean;
  steps: ConnectionStep[];
}

/** Regions tried for the STS probe step, in order, before any other enabled region. */
const PROBE_REGION_PREFERENCE = ["us-east-2", "us-west-2", "eu-west-1"];

export async function testConnection(options: AwsConnectionOptions, target: AccountTarget): Promise<ConnectionTestResult> {
  const clients = createAccountClients(options, target);
  try {
    const home = clients.homeRegion;
    const { step: session } = await attempt("sts:AssumeRole", home, () => clients.openSession(), target);
    if (!session.ok) return { ok: false, steps: [session] };

    const regionsAttempt = attempt("ec2:DescribeRegions", home, () =>
      clients.ec2(home).send(new DescribeRegionsCommand({ AllRegions: true })),
    );
    const reads = Promise.all([
      step("iam:GetAccountSummary", undefined, () => clients.iam().send(new GetAccountSummaryCommand({}))),
      regionsAttempt.then((result) => result.step),
      stsProbeStep(clients, regionsAttempt),
      step("s3:ListBuckets", home, () => clients.s3(home).send(new ListBucketsCommand({ MaxBuckets: 1 }))),
      step("s3control:GetPublicAccessBlock", home, async () => {
        try {
          await clients.s3Control(home).send(new GetPublicAccessBlockCommand({ AccountId: target.accountId }));
        } catch (error) {
          // No account-level block configured: a finding for later, not a connection problem.
          if (!hasErrorCode(error, "NoSuchPublicAccessBlockConfiguration")) throw error;
        }
      }),
      step("cloudtrail:DescribeTrails", home, () =>
        clients.cloudTrail(home).send(new DescribeTrailsCommand({ includeShadowTrails: false })),
      ),
      step("access-analyzer:ListAnalyzers", home, () =>
        clients.accessAnalyzer(home).send(new ListAnalyzersCommand({ maxResults: 1 })),
      ),
      step("autoscaling:DescribeAutoScalingGroups", home, () =>
        clients.autoScaling(home).send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 1 })),
      ),
    ]);
    const steps = [session, ...(await reads)];
    return { ok: steps.every((candidate) => candidate.ok), steps };
  } finally {
    clients.destroy();
  }
}

async function stsProbeStep(clients: AccountClients, regionsAttempt: Promise<Attempt>): Promise<ConnectionStep> {
  const regions = await regionsAttempt;
  const region = chooseProbeRegion(regions.value as { Regions?: Array<{ RegionName?: string; OptInStatus?: string }> } | undefined, clients.homeRegion);
  const { result, error: probeError } = await probeStsRegion(clients, region);
  const api = "sts:AssumeRole";
  if (result.status === "active") return { api, region, ok: true };
  if (result.status === "disabled") {
    return {
      api,
      region,
      ok: true,
      hint: `STS is deactivated in ${region} for this account. That is fine: iamfit reports each region's STS state (exercise 7).`,
    };
  }
  const error = toCollectorError(probeError, api, region);
  const hint = hintFor(error);
  return { api, region, ok: false, error, ...(hint ? { hint } : {}) };
}

function chooseProbeRegion(output: { Regions?: Array<{ RegionName?: string; OptInStatus?: string }> } | undefined, sessionRegion: string): string {
  const enabled = (output?.Regions ?? [])
    .filter((region) => region.OptInStatus !== "not-opted-in")
    .map((region) => region.RegionName)
    .filter((name): name is string => typeof name === "string" && name !== sessionRegion)
    .sort();
  return PROBE_REGION_PREFERENCE.find((name) => enabled.includes(name)) ?? enabled[0] ?? PROBE_REGION_PREFERENCE[0] ?? "us-east-2";
}

interface Attempt {
  step: ConnectionStep;
  value?: unknown;
}

async function attempt(
  api: AwsOperation,
  region: string | undefined,
  call: () => Promise<unknown>,
  target?: AccountTarget,
): Promise<Attempt> {
  const where = region ? { region } : {};
  try {
    return { step: { api, ...where, ok: true }, value: await call() };
  } catch (error) {
    const collectorError = toCollectorError(error, api, region);
    const hint = hintFor(collectorError, target);
    return { step: { api, ...where, ok: false, error: collectorError, ...(hint ? { hint } : {}) } };
  }
}

async function step(api: AwsOperation, region: string | undefined, call: () => Promise<unknown>): Promise<ConnectionStep> {
  return (await attempt(api, region, call)).step;
}

/** What to do about a failed step, in plain words. */
export function hintFor(error: CollectorError, target?: Pick<AccountTarget, "roleArn">): string | undefined {
  const { api, code, region } = error;
  if (api === "sts:AssumeRole" && (isAccessDenied(code) || code === "InvalidIdentityToken")) {
    // A stored account-level failure has no region: it is the session's AssumeRole, not a probe.
    if (region !== undefined && region !== homeRegionOfArn(target?.roleArn)) {
      // The session itself worked, so the trust policy is fine; something limits this region.
      return (
        `iamfit's principal may not call STS in ${region ?? "this region"}: an SCP or policy condition on ` +
        "aws:RequestedRegion may deny it. iamfit then reports this region's STS state as unknown."
      );
    }
    return (
      `iamfit may not assume ${target?.roleArn ?? "the audit role"}. Check that the role exists, that its trust ` +
      "policy names the principal iamfit runs as, and that the sts:ExternalId condition equals the ExternalId shown here."
    );
  }
  if (isAccessDenied(code)) {
    return (
      `The audit role is missing ${iamActionFor(api)}. Attach the AWS managed policy SecurityAudit to the role ` +
      "(it includes this read), or add the action to its policy; also check SCPs and permissions boundaries."
    );
  }
  if (isRegionDisabled(code)) {
    return `${region ?? "This region"} is disabled for this account; iamfit skips it when collecting.`;
  }
  if (isThrottling(code)) {
    return "AWS is throttling this account right now. Try again in a few minutes, or lower iamfit's concurrency limits.";
  }
  if (isInvalidCredentials(code)) {
    return "AWS rejected iamfit's own credentials. Check the credentials iamfit runs with (environment, profile or instance role).";
  }
  if (isNetworkError(code)) {
    return "iamfit could not reach AWS. Check network access and proxy settings, and any AWS_ENDPOINT_URL* variables.";
  }
  return undefined;
}
