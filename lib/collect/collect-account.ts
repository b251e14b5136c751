/**
 * One account's collection: open the audit role session, learn the account's regions, then run
 * every collector — global parts and every enabled region's parts — at once. The concurrency
 * middleware on the clients (lib/aws/limits.ts) is what bounds it, so nothing here serialises.
 * Each part ends ok, error or skipped on its own: one failing part never stops the others.
 */
import { setMaxListeners } from "node:events";
import type { AccountClients } from "@/lib/aws/client-factory";
import type { AwsOperation } from "@/lib/aws/api-calls";
import { collectAnalyzers } from "@/lib/aws/collectors/accessanalyzer";
import { collectAutoScaling } from "@/lib/aws/collectors/autoscaling";
import { entryErrorsOf } from "@/lib/aws/collectors/aws-call";
import { collectTrails } from "@/lib/aws/collectors/cloudtrail";
import { collectInstances, collectRegions, collectSecurityGroups } from "@/lib/aws/collectors/ec2";
import {
  collectAccountSummary,
  collectAuthorizationDetails,
  collectCredentialReport,
  collectOrganizationsFeatures,
  collectPasswordPolicy,
  collectVirtualMfaDevices,
  type CredentialReportOptions,
} from "@/lib/aws/collectors/iam";
import { collectAccountPublicAccessBlock, collectBuckets } from "@/lib/aws/collectors/s3";
import type { ServiceControlPolicyReader } from "@/lib/aws/collectors/organizations-scps";
import { collectStsRegionStatus } from "@/lib/aws/collectors/sts";
import { isAwsError, isInvalidCredentials, isRegionDisabled, toCollectorError } from "@/lib/aws/errors";
import { DEFAULT_ENABLED_REGIONS } from "@/lib/aws/regions";
import { resolveOrganizationsFeatures, type OrganizationsFeaturesDirectory } from "@/lib/collect/organizations-features";
import { resolveIdentityCenter, type IdentityCenterDirectory } from "@/lib/collect/identity-center";
import { collectIdentityCenter } from "@/lib/aws/collectors/identity-center";
import {
  GLOBAL_PART_NAMES,
  REGIONAL_PART_NAMES,
  isRegionEnabled,
  partKey,
  type AccountSnapshot,
  type CollectorError,
  type GlobalPartName,
  type PartKey,
  type PartResult,
  type Region,
  type RegionalPartName,
} from "@/lib/snapshot/schema";

export interface CollectAccountOptions {
  /** Limit which enabled regions are collected; a region left out is `skipped: out_of_scope`. */
  regions?: { allow?: string[]; deny?: string[] };
  /** Stops starting new work; the collection then rejects with the signal's reason. */
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
  now?: () => Date;
  /** Waiting for IAM to generate the credential report (tests inject a fast sleep). */
  credentialReport?: Omit<CredentialReportOptions, "signal">;
  /** Where member accounts learn their organization's centralized root access features. */
  organizationsFeatures?: OrganizationsFeaturesDirectory;
  /** Where accounts learn the Identity Center assignments that target them (lib/collect/identity-center.ts). */
  identityCenter?: IdentityCenterDirectory;
  /**
   * Reads the service control policies that apply to the account, with the principal that reads
   * the organization (not the audit role). Without it they are recorded as not read.
   */
  serviceControlPolicies?: ServiceControlPolicyReader;
}

/** The session could not be opened, so nothing of the account can be read. */
export class AssumeRoleError extends Error {
  constructor(readonly collectorError: CollectorError) {
    super(collectorError.message);
    this.name = "AssumeRoleError";
  }
}

export interface GlobalPartCollector {
  api: AwsOperation;
  collect: () => Promise<unknown>;
}

/** A Record, so a global part added to the schema without a collector fails to compile. */
export function globalPartCollectors(
  clients: AccountClients,
  options: CollectAccountOptions,
  regionNames: string[],
): Record<Exclude<GlobalPartName, "ec2.regions">, GlobalPartCollector> {
  const { signal } = options;
  return {
    "iam.credentialReport": {
      api: "iam:GenerateCredentialReport",
      collect: () => collectCredentialReport(clients, { ...options.credentialReport, ...(signal ? { signal } : {}) }),
    },
    "iam.accountSummary": { api: "iam:GetAccountSummary", collect: () => collectAccountSummary(clients, signal) },
    "iam.passwordPolicy": { api: "iam:GetAccountPasswordPolicy", collect: () => collectPasswordPolicy(clients, signal) },
    "iam.virtualMfaDevices": { api: "iam:ListVirtualMFADevices", collect: () => collectVirtualMfaDevices(clients, signal) },
    "iam.authorizationDetails": { api: "iam:GetAccountAuthorizationDetails", collect: () => collectAuthorizationDetails(clients, signal) },
    "iam.organizationsFeatures": {
      api: "iam:ListOrganizationsFeatures",
      collect: async () =>
        resolveOrganizationsFeatures(clients.accountId, await collectOrganizationsFeatures(clients, signal), options.organizationsFeatures),
    },
    "identitycenter.assignments": {
      api: "sso:ListInstances",
      collect: async () => resolveIdentityCenter(clients.accountId, await collectIdentityCenter(clients, regionNames, signal), options.identityCenter, signal),
    },
    "sts.regionStatus": { api: "sts:AssumeRole", collect: () => collectStsRegionStatus(clients, regionNames, signal) },
    "s3.buckets": { api: "s3:ListBuckets", collect: () => collectBuckets(clients, signal) },
    "s3control.publicAccessBlock": { api: "s3control:GetPublicAccessBlock", collect: () => collectAccountPublicAccessBlock(clients, signal) },
    "organizations.serviceControlPolicies": {
      api: "organizations:ListPoliciesForTarget",
      collect: async () =>
        options.serviceControlPolicies
          ? options.serviceControlPolicies.read(clients.accountId, signal)
          : { answer: "not_readable", code: "NotConfigured", reason: "iamfit was not set up to read the organization for this collection." },
    },
  };
}

type RegionalCollector = (clients: AccountClients, region: string, signal?: AbortSignal) => Promise<unknown>;

export const REGIONAL_COLLECTORS: Record<RegionalPartName, { api: AwsOperation; collect: RegionalCollector }> = {
  "ec2.instances": { api: "ec2:DescribeInstances", collect: collectInstances },
  "ec2.securityGroups": { api: "ec2:DescribeSecurityGroups", collect: collectSecurityGroups },
  "autoscaling.groups": { api: "autoscaling:DescribeAutoScalingGroups", collect: collectAutoScaling },
  "cloudtrail.trails": { api: "cloudtrail:DescribeTrails", collect: collectTrails },
  "accessanalyzer.analyzers": { api: "access-analyzer:ListAnalyzers", collect: collectAnalyzers },
};

export async function collectAccount(clients: AccountClients, options: CollectAccountOptions = {}): Promise<AccountSnapshot> {
  const { signal } = options;
  signal?.throwIfAborted();
  // The one signal reaches every request in flight (dozens at once), each listening for the abort.
  if (signal) setMaxListeners(0, signal);
  try {
    await clients.openSession();
  } catch (error) {
    throw new AssumeRoleError(sessionFailure(error, clients));
  }

  const parts: Record<PartKey, PartResult<unknown>> = {};
  let done = 0;
  let total = GLOBAL_PART_NAMES.length;
  const record = (key: PartKey, result: PartResult<unknown>) => {
    parts[key] = result;
    done++;
    options.onProgress?.(done, total);
  };
  const run = (api: string, collect: () => Promise<unknown>, region?: Region) =>
    runPart(api, collect, region, signal);

  const regionsResult = await run("ec2:DescribeRegions", () => collectRegions(clients, signal));
  const regionPlan = planRegions(regionsResult, options.regions);
  total = GLOBAL_PART_NAMES.length + REGIONAL_PART_NAMES.length * regionPlan.all.length;
  record("ec2.regions", regionsResult);
  for (const { region, reason } of regionPlan.skipped) {
    for (const name of REGIONAL_PART_NAMES) record(partKey(name, region), { status: "skipped", reason });
  }

  const regionNames = regionPlan.collected.map((region) => region.regionName);
  const global = globalPartCollectors(clients, options, regionNames);
  const tasks: Array<Promise<void>> = Object.entries(global).map(async ([name, { api, collect }]) => {
    if (name === "sts.regionStatus" && !clients.target) {
      // Clients with the base credentials have no audit role to probe STS with.
      record(name, { status: "skipped", reason: "out_of_scope" });
      return;
    }
    record(name, await run(api, collect));
  });
  for (const region of regionPlan.collected) {
    for (const name of REGIONAL_PART_NAMES) {
      const { api, collect } = REGIONAL_COLLECTORS[name];
      tasks.push(
        run(api, () => collect(clients, region.regionName, signal), region).then((result) =>
          record(partKey(name, region.regionName), result),
        ),
      );
    }
  }
  await Promise.all(tasks);
  signal?.throwIfAborted();

  return {
    accountId: clients.accountId,
    collectedAt: (options.now ?? (() => new Date()))().toISOString(),
    regions: [...regionNames].sort(),
    parts: Object.fromEntries(Object.keys(parts).sort().map((key) => [key, parts[key] as PartResult<unknown>])),
  };
}

interface RegionPlan {
  collected: Region[];
  skipped: Array<{ region: string; reason: "region_disabled" | "out_of_scope" }>;
  all: string[];
}

/**
 * Enabled regions in scope are collected; not-opted-in ones are `region_disabled`; enabled ones
 * outside allow/deny are `out_of_scope`. Without DescribeRegions, the default-enabled regions.
 */
function planRegions(regionsResult: PartResult<unknown>, scope: CollectAccountOptions["regions"]): RegionPlan {
  const known: Region[] =
    regionsResult.status === "ok"
      ? (regionsResult.data as Region[])
      : DEFAULT_ENABLED_REGIONS.map((regionName) => ({ regionName, optInStatus: "opt-in-not-required" }));
  const allow = scope?.allow && scope.allow.length > 0 ? new Set(scope.allow) : undefined;
  const deny = new Set(scope?.deny ?? []);
  const plan: RegionPlan = { collected: [], skipped: [], all: known.map((region) => region.regionName) };
  for (const region of known) {
    if (!isRegionEnabled(region)) plan.skipped.push({ region: region.regionName, reason: "region_disabled" });
    else if ((allow && !allow.has(region.regionName)) || deny.has(region.regionName)) {
      plan.skipped.push({ region: region.regionName, reason: "out_of_scope" });
    } else plan.collected.push(region);
  }
  if (regionsResult.status === "error") {
    regionsResult.error = {
      ...regionsResult.error,
      message:
        `${regionsResult.error.message} Regional facts were collected from the ${DEFAULT_ENABLED_REGIONS.length} ` +
        "regions AWS enables by default instead; opt-in regions the account enabled were not collected.",
    };
  }
  return plan;
}

/** One part's outcome: ok with its facts (and the entries left out, if any), error, or skipped because its region is disabled. */
export async function runPart(
  api: string,
  collect: () => Promise<unknown>,
  region: Region | undefined,
  signal: AbortSignal | undefined,
): Promise<PartResult<unknown>> {
  if (signal?.aborted) {
    return { status: "error", error: { api, code: "Aborted", message: "The collection was cancelled before this part ran." } };
  }
  try {
    const data = await collect();
    const entryErrors = entryErrorsOf(data);
    return entryErrors.length > 0 ? { status: "ok", data, entryErrors } : { status: "ok", data };
  } catch (error) {
    const collectorError = describePartError(error, api, region?.regionName);
    if (region && regionWasDisabled(collectorError.code, region)) return { status: "skipped", reason: "region_disabled" };
    return { status: "error", error: collectorError };
  }
}

/**
 * OptInRequired and RegionDisabledException say so directly. AuthFailure or an invalid token is
 * also how AWS answers while an opt-in region is being disabled, but equally a real credential
 * problem: in a region DescribeRegions reports as enabled it stays a visible collection error
 * (the region's checks are unknown), and only a status saying the region is being disabled
 * (the Account Management API's DISABLING) turns it into a skipped region. A region whose
 * opt-in status AWS left out is not known to be disabling, so the error stays visible there too.
 */
function regionWasDisabled(code: string, region: Region): boolean {
  return isRegionDisabled(code) || (isInvalidCredentials(code) && region.optInStatus?.toLowerCase() === "disabling");
}

function describePartError(error: unknown, api: string, region: string | undefined): CollectorError {
  if (isAwsError(error)) return toCollectorError(error, api, region);
  const message = error instanceof Error ? error.message : String(error);
  return {
    api,
    code: "InternalError",
    message: `iamfit failed while collecting ${api}${region ? ` in ${region}` : ""}: ${message}. Please report this if it repeats.`,
    ...(region ? { region } : {}),
  };
}

function sessionFailure(error: unknown, clients: AccountClients): CollectorError {
  const target = clients.target;
  if (!target) return toCollectorError(error, "aws:credentials");
  const base = toCollectorError(error, "sts:AssumeRole");
  if (base.code === "AccessDenied" || base.code === "AccessDeniedException") {
    const saidAt = base.message.indexOf(" AWS said:");
    return {
      ...base,
      message:
        `Cannot assume ${target.roleArn}: the role's trust policy does not allow iamfit's principal or the ExternalId ` +
        `does not match. Check that the role exists, that its trust policy names the principal iamfit runs as, and that ` +
        `its sts:ExternalId condition equals the ExternalId iamfit shows for this account.` +
        (saidAt >= 0 ? base.message.slice(saidAt) : ""),
    };
  }
  return { ...base, message: `Cannot assume ${target.roleArn}: ${base.message}` };
}
