/**
 * CloudTrail (DescribeTrails, GetTrailStatus) and IAM Access Analyzer (ListAnalyzers), both
 * answered per signing region.
 *
 * A multi-region trail shows up in every region as a "shadow trail" (includeShadowTrails,
 * default true). GetTrailStatus accepts a trail's name only in its home region; elsewhere the
 * ARN is required ("To get the status of a shadow trail … you must specify its ARN",
 * CloudTrail API reference, GetTrailStatus).
 */
import type { ListAnalyzersRequest, ListAnalyzersResponse } from "@aws-sdk/client-accessanalyzer";
import type { DescribeTrailsRequest, DescribeTrailsResponse, GetTrailStatusRequest, GetTrailStatusResponse, Trail } from "@aws-sdk/client-cloudtrail";
import { awsError } from "@/lib/sandbox/aws-errors";
import { arns } from "@/lib/sandbox/identifiers";
import type { SandboxAccount, SandboxTrail } from "@/lib/sandbox/model";
import { decodePageToken, pageOf, pageSizeOf } from "@/lib/sandbox/pagination";
import { inputOf, type Handler, type SandboxCall } from "@/lib/sandbox/handlers/types";

function trailArn(account: SandboxAccount, trail: SandboxTrail): string {
  return arns.trail(account.accountId, trail.homeRegion, trail.name);
}

function visibleTrails(account: SandboxAccount, region: string, includeShadowTrails: boolean): SandboxTrail[] {
  return account.trails.filter((trail) => trail.homeRegion === region || (includeShadowTrails && trail.multiRegion));
}

function renderTrail(account: SandboxAccount, trail: SandboxTrail): Trail {
  return {
    Name: trail.name,
    S3BucketName: trail.s3BucketName,
    IncludeGlobalServiceEvents: trail.multiRegion,
    IsMultiRegionTrail: trail.multiRegion,
    HomeRegion: trail.homeRegion,
    TrailARN: trailArn(account, trail),
    LogFileValidationEnabled: trail.logFileValidation,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: trail.organization,
  };
}

const describeTrails: Handler = (call): DescribeTrailsResponse => {
  const input = inputOf<DescribeTrailsRequest>(call);
  const names = input.trailNameList ?? [];
  const trails = visibleTrails(call.account, call.region, input.includeShadowTrails ?? true).filter(
    (trail) => names.length === 0 || names.includes(trail.name) || names.includes(trailArn(call.account, trail)),
  );
  return { trailList: trails.map((trail) => renderTrail(call.account, trail)) };
};

function isoSeconds(date: Date | undefined): string | undefined {
  return date?.toISOString();
}

const getTrailStatus: Handler = (call): GetTrailStatusResponse => {
  const input = inputOf<GetTrailStatusRequest>(call);
  const name = input.Name ?? "";
  const trail = name.startsWith("arn:")
    ? visibleTrails(call.account, call.region, true).find((candidate) => trailArn(call.account, candidate) === name)
    : call.account.trails.find((candidate) => candidate.name === name && candidate.homeRegion === call.region);
  if (!trail) {
    throw awsError({
      service: "cloudtrail",
      code: "TrailNotFoundException",
      httpStatus: 400,
      requestId: call.requestId,
      message: `Unknown trail: ${name} for the user: ${call.account.accountId}`,
    });
  }
  return {
    IsLogging: trail.logging,
    LatestDeliveryTime: trail.latestDeliveryAt ? new Date(trail.latestDeliveryAt) : undefined,
    StartLoggingTime: trail.startedAt ? new Date(trail.startedAt) : undefined,
    StopLoggingTime: trail.stoppedAt ? new Date(trail.stoppedAt) : undefined,
    TimeLoggingStarted: isoSeconds(trail.startedAt),
    TimeLoggingStopped: isoSeconds(trail.stoppedAt),
    LatestDeliveryAttemptTime: isoSeconds(trail.latestDeliveryAt),
    LatestDeliveryAttemptSucceeded: isoSeconds(trail.latestDeliveryAt),
    LatestNotificationAttemptTime: "",
    LatestNotificationAttemptSucceeded: "",
  };
};

/** ListAnalyzers: maxResults default and maximum 100 (sandbox choice; AWS documents no default). */
const ANALYZER_PAGE = { default: 100, max: 100 };

const listAnalyzers: Handler = (call: SandboxCall): ListAnalyzersResponse => {
  const input = inputOf<ListAnalyzersRequest>(call);
  const analyzers = call.account.analyzers.filter((analyzer) => analyzer.region === call.region && (!input.type || analyzer.type === input.type));
  const offset = decodePageToken("ListAnalyzers", input.nextToken);
  if (offset === undefined) {
    throw awsError({ service: "accessanalyzer", code: "ValidationException", httpStatus: 400, requestId: call.requestId, message: "Invalid pagination token" });
  }
  const page = pageOf("ListAnalyzers", analyzers, offset, pageSizeOf(input.maxResults, ANALYZER_PAGE));
  return {
    analyzers: page.items.map((analyzer) => ({
      arn: arns.analyzer(call.account.accountId, analyzer.region, analyzer.name),
      name: analyzer.name,
      type: analyzer.type,
      createdAt: new Date(analyzer.createdAt),
      lastResourceAnalyzedAt: new Date(call.internals.facts.today),
      status: analyzer.status,
      tags: {},
    })),
    nextToken: page.nextToken,
  };
};

export const cloudTrailHandlers: Record<string, Handler> = {
  DescribeTrails: describeTrails,
  GetTrailStatus: getTrailStatus,
};

export const accessAnalyzerHandlers: Record<string, Handler> = {
  ListAnalyzers: listAnalyzers,
};
