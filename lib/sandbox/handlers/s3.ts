/**
 * S3 (ListBuckets, GetBucketLocation and the per-bucket policy, status, ACL and Block Public
 * Access calls) and S3 Control's account-level GetPublicAccessBlock.
 *
 * Per-bucket calls must be signed for the bucket's region; otherwise S3 answers 301
 * PermanentRedirect with x-amz-bucket-region, which the SDK's followRegionRedirects follows.
 */
import type {
  GetBucketAclOutput,
  GetBucketLocationOutput,
  GetBucketPolicyOutput,
  GetBucketPolicyStatusOutput,
  GetPublicAccessBlockOutput,
  ListBucketsOutput,
  ListBucketsRequest,
  PublicAccessBlockConfiguration,
} from "@aws-sdk/client-s3";
import type { GetPublicAccessBlockOutput as AccountPublicAccessBlockOutput, GetPublicAccessBlockRequest as AccountPublicAccessBlockRequest } from "@aws-sdk/client-s3-control";
import { accessDeniedError, awsError } from "@/lib/sandbox/aws-errors";
import { arns } from "@/lib/sandbox/identifiers";
import type { PolicyDocument, PublicAccessBlockSettings, SandboxBucket } from "@/lib/sandbox/model";
import { decodePageToken, pageOf, pageSizeOf } from "@/lib/sandbox/pagination";
import { inputOf, type Handler, type SandboxCall } from "@/lib/sandbox/handlers/types";

const LIST_BUCKETS_PAGE = { default: 10_000, max: 10_000 };

/**
 * Condition keys that make a `Principal: *` grant non-public in S3's evaluation (S3 user guide,
 * "The meaning of 'public'"): they pin the caller to known accounts, networks or resources.
 */
const RESTRICTING_CONDITION_KEYS = new Set(
  [
    "aws:SourceIp",
    "aws:SourceArn",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:SourceAccount",
    "aws:SourceOwner",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:userid",
    "s3:DataAccessPointArn",
    "s3:DataAccessPointAccount",
  ].map((key) => key.toLowerCase()),
);

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** GetBucketPolicyStatus.IsPublic: an Allow to everyone without a restricting condition. */
export function isPolicyPublic(policy: PolicyDocument): boolean {
  return asList(policy.Statement).some((statement) => {
    if (typeof statement !== "object" || statement === null) return false;
    const { Effect, Principal, Condition } = statement as Record<string, unknown>;
    if (Effect !== "Allow") return false;
    const everyone = Principal === "*" || asList((Principal as { AWS?: unknown } | undefined)?.AWS).includes("*");
    if (!everyone) return false;
    const keys = Object.values((Condition ?? {}) as Record<string, Record<string, unknown>>).flatMap((entries) => Object.keys(entries));
    return !keys.some((key) => RESTRICTING_CONDITION_KEYS.has(key.toLowerCase()));
  });
}

function renderBlock(block: PublicAccessBlockSettings): PublicAccessBlockConfiguration {
  return {
    BlockPublicAcls: block.blockPublicAcls,
    IgnorePublicAcls: block.ignorePublicAcls,
    BlockPublicPolicy: block.blockPublicPolicy,
    RestrictPublicBuckets: block.restrictPublicBuckets,
  };
}

function s3Error(call: SandboxCall, code: string, httpStatus: number, message: string, headers?: Record<string, string>): Error {
  return awsError({ service: call.service, code, httpStatus, requestId: call.requestId, message, headers });
}

function findBucket(call: SandboxCall, options: { anyRegion: boolean }): SandboxBucket {
  const name = String(call.input.Bucket ?? "");
  const bucket = call.account.buckets.find((candidate) => candidate.name === name);
  if (!bucket) throw s3Error(call, "NoSuchBucket", 404, "The specified bucket does not exist");
  if (!options.anyRegion && bucket.region !== call.region) {
    throw s3Error(
      call,
      "PermanentRedirect",
      301,
      "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.",
      { "x-amz-bucket-region": bucket.region },
    );
  }
  return bucket;
}

const listBuckets: Handler = (call): ListBucketsOutput => {
  const input = inputOf<ListBucketsRequest>(call);
  const buckets = call.account.buckets
    .filter((bucket) => !input.Prefix || bucket.name.startsWith(input.Prefix))
    .filter((bucket) => !input.BucketRegion || bucket.region === input.BucketRegion)
    .sort((a, b) => a.name.localeCompare(b.name));
  const offset = decodePageToken("ListBuckets", input.ContinuationToken);
  if (offset === undefined) throw s3Error(call, "InvalidArgument", 400, "The continuation token provided is incorrect");
  const paginated = input.MaxBuckets !== undefined || input.ContinuationToken !== undefined;
  const page = pageOf("ListBuckets", buckets, offset, pageSizeOf(input.MaxBuckets, LIST_BUCKETS_PAGE));
  return {
    Buckets: page.items.map((bucket) => ({
      Name: bucket.name,
      CreationDate: new Date(bucket.createdAt),
      // Only paginated requests (max-buckets) report each bucket's region.
      ...(paginated ? { BucketRegion: bucket.region, BucketArn: arns.bucket(bucket.name) } : {}),
    })),
    Owner: { ID: call.account.canonicalUserId },
    ContinuationToken: page.nextToken,
    Prefix: input.Prefix,
  };
};

const getBucketLocation: Handler = (call): GetBucketLocationOutput => {
  const bucket = findBucket(call, { anyRegion: true });
  // us-east-1 buckets have an empty LocationConstraint (S3 API reference, GetBucketLocation).
  return bucket.region === "us-east-1" ? {} : { LocationConstraint: bucket.region as GetBucketLocationOutput["LocationConstraint"] };
};

const getBucketPolicy: Handler = (call): GetBucketPolicyOutput => {
  const bucket = findBucket(call, { anyRegion: false });
  if (!bucket.policy) throw s3Error(call, "NoSuchBucketPolicy", 404, "The bucket policy does not exist");
  return { Policy: JSON.stringify(bucket.policy) };
};

const getBucketPolicyStatus: Handler = (call): GetBucketPolicyStatusOutput => {
  const bucket = findBucket(call, { anyRegion: false });
  if (!bucket.policy) throw s3Error(call, "NoSuchBucketPolicy", 404, "The bucket policy does not exist");
  return { PolicyStatus: { IsPublic: isPolicyPublic(bucket.policy) } };
};

const getBucketAcl: Handler = (call): GetBucketAclOutput => {
  const bucket = findBucket(call, { anyRegion: false });
  return {
    Owner: { ID: call.account.canonicalUserId },
    Grants: bucket.aclGrants.map((grant) => ({
      Grantee: { Type: grant.granteeType, ID: grant.id, URI: grant.uri, DisplayName: grant.displayName },
      Permission: grant.permission,
    })),
  };
};

const getPublicAccessBlock: Handler = (call): GetPublicAccessBlockOutput => {
  const bucket = findBucket(call, { anyRegion: false });
  if (!bucket.publicAccessBlock) {
    throw s3Error(call, "NoSuchPublicAccessBlockConfiguration", 404, "The public access block configuration was not found");
  }
  return { PublicAccessBlockConfiguration: renderBlock(bucket.publicAccessBlock) };
};

const getAccountPublicAccessBlock: Handler = (call): AccountPublicAccessBlockOutput => {
  const input = inputOf<AccountPublicAccessBlockRequest>(call);
  if (input.AccountId !== call.account.accountId) {
    throw accessDeniedError("s3control", call.requestId, call.caller.arn, "s3:GetAccountPublicAccessBlock");
  }
  const block = call.account.accountPublicAccessBlock;
  if (!block) throw s3Error(call, "NoSuchPublicAccessBlockConfiguration", 404, "The public access block configuration was not found");
  return { PublicAccessBlockConfiguration: renderBlock(block) };
};

export const s3Handlers: Record<string, Handler> = {
  ListBuckets: listBuckets,
  GetBucketLocation: getBucketLocation,
  GetBucketPolicy: getBucketPolicy,
  GetBucketPolicyStatus: getBucketPolicyStatus,
  GetBucketAcl: getBucketAcl,
  GetPublicAccessBlock: getPublicAccessBlock,
};

export const s3ControlHandlers: Record<string, Handler> = {
  GetPublicAccessBlock: getAccountPublicAccessBlock,
};
