/**
 * Exercise 10, "Watch World-Readable and Listable S3 Bucket Policies" (seed 001: keys leak
 * "in a config file on a world-readable S3 bucket").
 */
import { isPublicBucketPolicy, type PublicStatement } from "@/lib/policy/bucket-policy";
import type { Bucket, PublicAccessBlock } from "@/lib/snapshot/schema";
import { accountRootArn, asEvidence, bucketArn, makeFinding, unknownForAccount } from "./findings";
import { globalPart } from "./part-access";
import type { CheckDefinition, Finding, Severity } from "./types";

const PUBLIC_GROUPS = {
  "http://acs.amazonaws.com/groups/global/AllUsers": "everyone (AllUsers)",
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "any AWS account (AuthenticatedUsers)",
} as const;

type BlockSetting = keyof PublicAccessBlock;

/** Whether account- or bucket-level Block Public Access neutralises this kind of exposure. */
function blockedBy(setting: BlockSetting, bucket: Bucket, account: PublicAccessBlock | null | undefined): string | undefined {
  if (account?.[setting]) return `account-level ${setting}`;
  if (bucket.publicAccessBlock.ok && bucket.publicAccessBlock.value?.[setting]) return `bucket-level ${setting}`;
  return undefined;
}

/** Public and reachable is critical; public on paper but blocked by Block Public Access is still worth fixing. */
function exposureSeverity(mitigation: string | undefined): Severity {
  return mitigation ? "high" : "critical";
}

function accountBlock(snapshot: Parameters<CheckDefinition["evaluate"]>[0]): PublicAccessBlock | null | undefined {
  const part = globalPart(snapshot, "s3control.publicAccessBlock");
  return part.available ? part.data.configuration : undefined;
}

function bucketBase(bucket: Bucket) {
  return { resourceId: bucketArn(bucket.name), resourceType: "bucket" as const, resourceName: bucket.name, region: bucket.region };
}

export const s3AccountPublicAccessBlock: CheckDefinition = {
  id: "s3.account-public-access-block",
  exercise: 10,
  title: "All four account-level S3 Block Public Access settings are on",
  severity: "high",
  cis: ["2.1.4"],
  why: "Account-level Block Public Access is the one switch that keeps any bucket, present or future, from being made public by a policy or ACL mistake.",
  evaluate(snapshot) {
    const part = globalPart(snapshot, "s3control.publicAccessBlock");
    if (!part.available) return [unknownForAccount(s3AccountPublicAccessBlock, snapshot, [part.unavailable])];
    const configuration = part.data.configuration;
    const off = configuration
      ? (Object.entries(configuration) as Array<[BlockSetting, boolean]>).filter(([, on]) => !on).map(([setting]) => setting).sort()
      : ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
    return [
      makeFinding(s3AccountPublicAccessBlock, {
        resourceId: accountRootArn(snapshot.accountId),
        resourceType: "account",
        resourceName: snapshot.accountId,
        status: off.length > 0 ? "fail" : "pass",
        evidence: { configuration },
        reason: !configuration
          ? "The account has no S3 Block Public Access configuration (all four settings off)."
          : off.length > 0
            ? `Account-level Block Public Access is off for ${off.join(", ")}.`
            : "All four account-level Block Public Access settings are on.",
      }),
    ];
  },
};

export const s3BucketPolicyPublic: CheckDefinition = {
  id: "s3.bucket-policy-public",
  exercise: 10,
  title: "No bucket policy allows everyone without a restricting condition",
  severity: "critical",
  why: "A bucket policy that allows Principal * lets anyone on the internet read (or write) the data; world-readable buckets are a leading cause of leaked data and leaked keys (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”).",
  evaluate(snapshot) {
    const buckets = globalPart(snapshot, "s3.buckets");
    if (!buckets.available) return [unknownForAccount(s3BucketPolicyPublic, snapshot, [buckets.unavailable])];
    const account = accountBlock(snapshot);
    return [...buckets.data]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((bucket): Finding => {
        const awsSaysPublic = bucket.policyIsPublic.ok ? bucket.policyIsPublic.value : null;
        if (!bucket.policy.ok) {
          if (awsSaysPublic === true) return publicPolicyFinding(bucket, account, [], awsSaysPublic);
          return makeFinding(s3BucketPolicyPublic, {
            ...bucketBase(bucket),
            status: "unknown",
            evidence: { bucket: bucket.name, policyError: { api: bucket.policy.error.api, code: bucket.policy.error.code } },
            reason: `The policy of ${bucket.name} could not be read: ${bucket.policy.error.api} failed: ${bucket.policy.error.code}.`,
          });
        }
        if (bucket.policy.value === null) {
          return makeFinding(s3BucketPolicyPublic, { ...bucketBase(bucket), status: "pass", evidence: { bucket: bucket.name, policy: null }, reason: `${bucket.name} has no bucket policy.` });
        }
        const verdict = isPublicBucketPolicy(bucket.policy.value);
        if (!verdict.ok) {
          if (awsSaysPublic === true) return publicPolicyFinding(bucket, account, [], awsSaysPublic);
          return makeFinding(s3BucketPolicyPublic, {
            ...bucketBase(bucket),
            status: "unknown",
            evidence: { bucket: bucket.name, error: { kind: verdict.error.kind, message: verdict.error.message } },
            reason: `The policy of ${bucket.name} could not be read: ${verdict.error.message}.`,
          });
        }
        if (verdict.isPublic || awsSaysPublic === true) return publicPolicyFinding(bucket, account, verdict.statements, awsSaysPublic);
        return makeFinding(s3BucketPolicyPublic, {
          ...bucketBase(bucket),
          status: "pass",
          evidence: { bucket: bucket.name, publicStatements: [], policyIsPublic: awsSaysPublic },
          reason: `The policy of ${bucket.name} allows no one without a restricting condition.`,
        });
      });
  },
};

function publicPolicyFinding(
  bucket: Bucket,
  account: PublicAccessBlock | null | undefined,
  statements: PublicStatement[],
  awsSaysPublic: boolean | null,
): Finding {
  const mitigation = blockedBy("restrictPublicBuckets", bucket, account);
  const indexes = statements.map((entry) => entry.statement.index);
  return makeFinding(s3BucketPolicyPublic, {
    ...bucketBase(bucket),
    status: "fail",
    severity: exposureSeverity(mitigation),
    evidence: asEvidence({ bucket: bucket.name, publicStatements: statements, policyIsPublic: awsSaysPublic, mitigatedBy: mitigation ?? null }),
    reason: `The policy of ${bucket.name} allows everyone${indexes.length ? ` (statement ${indexes.join(", ")})` : " (GetBucketPolicyStatus: IsPublic)"}${mitigation ? `; ${mitigation} currently blocks that access` : ""}.`,
  });
}

export const s3BucketAclPublic: CheckDefinition = {
  id: "s3.bucket-acl-public",
  exercise: 10,
  title: "No bucket ACL grants access to AllUsers or AuthenticatedUsers",
  severity: "critical",
  why: "An ACL grant to AllUsers makes a bucket world-readable or listable; AuthenticatedUsers means any AWS account in the world, not your users.",
  evaluate(snapshot) {
    const buckets = globalPart(snapshot, "s3.buckets");
    if (!buckets.available) return [unknownForAccount(s3BucketAclPublic, snapshot, [buckets.unavailable])];
    const account = accountBlock(snapshot);
    return [...buckets.data]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((bucket): Finding => {
        if (!bucket.acl.ok) {
          return makeFinding(s3BucketAclPublic, {
            ...bucketBase(bucket),
            status: "unknown",
            evidence: { bucket: bucket.name, aclError: { api: bucket.acl.error.api, code: bucket.acl.error.code } },
            reason: `The ACL of ${bucket.name} could not be read: ${bucket.acl.error.api} failed: ${bucket.acl.error.code}.`,
          });
        }
        const publicGrants = bucket.acl.value.grants
          .filter((grant) => grant.granteeUri !== undefined && grant.granteeUri in PUBLIC_GROUPS)
          .map((grant) => ({ granteeUri: grant.granteeUri ?? "", permission: grant.permission }))
          .sort((a, b) => `${a.granteeUri}${a.permission}`.localeCompare(`${b.granteeUri}${b.permission}`));
        if (publicGrants.length === 0) {
          return makeFinding(s3BucketAclPublic, { ...bucketBase(bucket), status: "pass", evidence: { bucket: bucket.name, publicGrants }, reason: `The ACL of ${bucket.name} grants nothing to the public.` });
        }
        const mitigation = blockedBy("ignorePublicAcls", bucket, account);
        const described = publicGrants.map((grant) => `${grant.permission} to ${PUBLIC_GROUPS[grant.granteeUri as keyof typeof PUBLIC_GROUPS]}`);
        return makeFinding(s3BucketAclPublic, {
          ...bucketBase(bucket),
          status: "fail",
          severity: exposureSeverity(mitigation),
          evidence: { bucket: bucket.name, publicGrants, mitigatedBy: mitigation ?? null },
          reason: `The ACL of ${bucket.name} grants ${described.join(", ")}${mitigation ? `; ${mitigation} currently blocks that access` : ""}.`,
        });
      });
  },
};

export const EXERCISE_10_CHECKS: CheckDefinition[] = [s3AccountPublicAccessBlock, s3BucketPolicyPublic, s3BucketAclPublic];
