/**
 * S3 buckets (exercise 10) and the account-level Block Public Access. ListBuckets is global; each
 * bucket's own calls go to its region. Every per-bucket field is a FieldResult, so one denied or
 * failing call marks that field, not the bucket list (AWS-NOTES.md, "S3").
 */
import {
  GetBucketAclCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  type Bucket as S3Bucket,
  type PublicAccessBlockConfiguration,
} from "@aws-sdk/client-s3";
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand } from "@aws-sdk/client-s3-control";
import {
  accountPublicAccessBlockSchema,
  bucketsSchema,
  type Bucket,
  type PublicAccessBlock,
} from "@/lib/snapshot/schema";
import type { z } from "zod";
import type { AccountClients } from "../client-factory";
import { hasErrorCode } from "../errors";
import { parsePolicyJson } from "../parsers/policy-document";
import { awsCall, fieldCall, validatePart } from "./aws-call";
import { isoDate, missingMember, sortBy } from "./sdk-values";

export async function collectBuckets(clients: AccountClients, signal?: AbortSignal): Promise<Bucket[]> {
  const listed = await awsCall("s3:ListBuckets", clients.homeRegion, async () => {
    const all: S3Bucket[] = [];
    // A page size makes ListBuckets report BucketRegion, which saves a GetBucketLocation per bucket.
    for await (const page of paginateListBuckets({ client: clients.s3(clients.homeRegion), pageSize: 1000 }, {}, { abortSignal: signal })) {
      all.push(...(page.Buckets ?? []));
    }
    return all;
  });
  const buckets = await Promise.all(listed.map((bucket) => collectBucket(clients, bucket, signal)));
  return validatePart(bucketsSchema, sortBy(buckets, (bucket) => bucket.name ?? ""), "s3:ListBuckets", clients.homeRegion);
}

async function collectBucket(clients: AccountClients, bucket: S3Bucket, signal: AbortSignal | undefined) {
  const creationDate = isoDate(bucket.CreationDate);
  // Without its name a bucket cannot be asked anything: validatePart leaves it out, naming what it has.
  if (!bucket.Name) return { name: undefined, ...(creationDate ? { creationDate } : {}), ...(bucket.BucketArn ? { arn: bucket.BucketArn } : {}) };
  const name = bucket.Name;
  const located = bucket.BucketRegion
    ? ({ ok: true, value: bucket.BucketRegion } as const)
    : await fieldCall("s3:GetBucketLocation", clients.homeRegion, async () => {
        const output = await clients.s3(clients.homeRegion).send(new GetBucketLocationCommand({ Bucket: name }), { abortSignal: signal });
        return bucketRegionFromLocation(output.LocationConstraint);
      });
  const base = { name, ...(creationDate ? { creationDate } : {}) };
  if (!located.ok) {
    // Without the region no other call can be addressed; each field carries the reason.
    const failed = { ok: false as const, error: located.error };
    return { ...base, region: "unknown", policy: failed, policyIsPublic: failed, acl: failed, publicAccessBlock: failed };
  }
  const region = located.value;
  const s3 = clients.s3(region);
  const [policy, policyIsPublic, acl, publicAccessBlock] = await Promise.all([
    fieldCall("s3:GetBucketPolicy", region, async () => {
      try {
        const output = await s3.send(new GetBucketPolicyCommand({ Bucket: name }), { abortSignal: signal });
        // A bucket without a policy answers NoSuchBucketPolicy; an answer without the policy is not "none".
        if (output.Policy === undefined) throw missingMember("s3:GetBucketPolicy", region, `the policy of ${name}`);
        return parsePolicyJson(output.Policy);
      } catch (error) {
        if (hasErrorCode(error, "NoSuchBucketPolicy")) return null;
        throw error;
      }
    }),
    fieldCall("s3:GetBucketPolicyStatus", region, async () => {
      try {
        const output = await s3.send(new GetBucketPolicyStatusCommand({ Bucket: name }), { abortSignal: signal });
        if (output.PolicyStatus?.IsPublic === undefined) throw missingMember("s3:GetBucketPolicyStatus", region, `whether the policy of ${name} is public`);
        return output.PolicyStatus.IsPublic;
      } catch (error) {
        if (hasErrorCode(error, "NoSuchBucketPolicy")) return null;
        throw error;
      }
    }),
    fieldCall("s3:GetBucketAcl", region, async () => {
      const output = await s3.send(new GetBucketAclCommand({ Bucket: name }), { abortSignal: signal });
      // A grant without its grantee, or to a group without the group's URI, could be to everyone.
      const unknownGrantee = (output.Grants ?? []).some((grant) => !grant.Grantee || (grant.Grantee.Type === "Group" && !grant.Grantee.URI));
      if (unknownGrantee) throw missingMember("s3:GetBucketAcl", region, `the grantee of a grant on ${name}`);
      const grants = (output.Grants ?? []).map((grant) => ({
        granteeType: grant.Grantee?.Type ?? "Unknown",
        ...(grant.Grantee?.URI ? { granteeUri: grant.Grantee.URI } : {}),
        ...(grant.Grantee?.ID ? { granteeId: grant.Grantee.ID } : {}),
        permission: grant.Permission ?? "Unknown",
      }));
      return {
        ...(output.Owner?.ID ? { ownerId: output.Owner.ID } : {}),
        grants: sortBy(grants, (grant) => JSON.stringify(grant)),
      };
    }),
    fieldCall("s3:GetPublicAccessBlock", region, async () => {
      try {
        const output = await s3.send(new GetPublicAccessBlockCommand({ Bucket: name }), { abortSignal: signal });
        return toPublicAccessBlock(output.PublicAccessBlockConfiguration);
      } catch (error) {
        if (hasErrorCode(error, "NoSuchPublicAccessBlockConfiguration")) return null;
        throw error;
      }
    }),
  ]);
  return { ...base, region, policy, policyIsPublic, acl, publicAccessBlock };
}

/**
 * GetBucketLocation's LocationConstraint: null or "" means us-east-1, and the legacy "EU" means
 * eu-west-1 (S3 API reference, GetBucketLocation).
 */
export function bucketRegionFromLocation(locationConstraint: string | null | undefined): string {
  if (!locationConstraint) return "us-east-1";
  if (locationConstraint === "EU") return "eu-west-1";
  return locationConstraint;
}

/** NoSuchPublicAccessBlockConfiguration means none is configured: all four settings off. */
export async function collectAccountPublicAccessBlock(
  clients: AccountClients,
  signal?: AbortSignal,
): Promise<z.infer<typeof accountPublicAccessBlockSchema>> {
  const configuration = await awsCall("s3control:GetPublicAccessBlock", clients.homeRegion, async () => {
    try {
      const output = await clients
        .s3Control(clients.homeRegion)
        .send(new GetAccountPublicAccessBlockCommand({ AccountId: clients.accountId }), { abortSignal: signal });
      return toPublicAccessBlock(output.PublicAccessBlockConfiguration);
    } catch (error) {
      if (hasErrorCode(error, "NoSuchPublicAccessBlockConfiguration")) return null;
      throw error;
    }
  });
  return validatePart(accountPublicAccessBlockSchema, { configuration }, "s3control:GetPublicAccessBlock", clients.homeRegion);
}

/** A setting AWS leaves out is not enabled. */
function toPublicAccessBlock(configuration: PublicAccessBlockConfiguration | undefined): PublicAccessBlock | null {
  if (!configuration) return null;
  return {
    blockPublicAcls: configuration.BlockPublicAcls ?? false,
    ignorePublicAcls: configuration.IgnorePublicAcls ?? false,
    blockPublicPolicy: configuration.BlockPublicPolicy ?? false,
    restrictPublicBuckets: configuration.RestrictPublicBuckets ?? false,
  };
}
