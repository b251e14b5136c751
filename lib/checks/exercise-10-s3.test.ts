import { describe, expect, it } from "vitest";
import { allowPrincipal, policy } from "@/lib/policy/testing/policy-factory";
import type { Bucket } from "@/lib/snapshot/schema";
import { s3AccountPublicAccessBlock, s3BucketAclPublic, s3BucketPolicyPublic } from "./exercise-10-s3";
import { only, run, statuses } from "./testing/run-check";
import { bucket, failed, ok, snapshot } from "./testing/snapshot-factory";

const allBlocked = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const publicPolicy = policy(allowPrincipal("*", "s3:GetObject", { Resource: "arn:aws:s3:::site/*" }));
const withBuckets = (buckets: Bucket[], accountBlock: typeof allBlocked | null = null) =>
  snapshot({ "s3.buckets": ok(buckets), "s3control.publicAccessBlock": ok({ configuration: accountBlock }) });

describe("s3.account-public-access-block", () => {
  it.each([
    ["all four on", allBlocked, "pass"],
    ["one off", { ...allBlocked, restrictPublicBuckets: false }, "fail"],
    ["no configuration (NoSuchPublicAccessBlockConfiguration)", null, "fail"],
  ])("%s → %s", (_, configuration, status) => {
    expect(only(run(s3AccountPublicAccessBlock, snapshot({ "s3control.publicAccessBlock": ok({ configuration }) }))).status).toBe(status);
  });
});

describe("s3.bucket-policy-public", () => {
  it.each([
    ["no policy", bucket("a"), "pass", "critical"],
    ["a public policy", bucket("a", { policy: { ok: true, value: publicPolicy } }), "fail", "critical"],
    ["a public policy given as a JSON string", bucket("a", { policy: { ok: true, value: JSON.stringify(publicPolicy) } }), "fail", "critical"],
    [
      "a policy restricted to a VPC endpoint",
      bucket("a", { policy: { ok: true, value: policy(allowPrincipal("*", "s3:GetObject", { Resource: "arn:aws:s3:::a/*", Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } })) } }),
      "pass",
      "critical",
    ],
    ["a policy AWS calls public that we read as private", bucket("a", { policy: { ok: true, value: policy() }, policyIsPublic: { ok: true, value: true } }), "fail", "critical"],
    ["a public policy blocked by the bucket's RestrictPublicBuckets", bucket("a", { policy: { ok: true, value: publicPolicy }, publicAccessBlock: { ok: true, value: allBlocked } }), "fail", "high"],
    ["a malformed policy", bucket("a", { policy: { ok: true, value: "{oops" } }), "unknown", "critical"],
    ["a policy that could not be read", bucket("a", { policy: { ok: false, error: { api: "s3:GetBucketPolicy", code: "AccessDenied", message: "" } } }), "unknown", "critical"],
  ])("%s → %s", (_, candidate, status, severity) => {
    expect(only(run(s3BucketPolicyPublic, withBuckets([candidate])))).toMatchObject({ status, severity, resourceId: "arn:aws:s3:::a", resourceType: "bucket" });
  });

  it("lowers the severity when account-level Block Public Access restricts public buckets", () => {
    const finding = only(run(s3BucketPolicyPublic, withBuckets([bucket("a", { policy: { ok: true, value: publicPolicy } })], allBlocked)));
    expect(finding).toMatchObject({ status: "fail", severity: "high", evidence: { mitigatedBy: "account-level restrictPublicBuckets" } });
  });

  it("shows the offending statement in the evidence", () => {
    const finding = only(run(s3BucketPolicyPublic, withBuckets([bucket("a", { policy: { ok: true, value: publicPolicy } })])));
    expect(finding.evidence).toMatchObject({ publicStatements: [{ statement: { index: 0, statement: publicPolicy.Statement[0] } }] });
  });

  it("is unknown for the account when buckets could not be listed", () => {
    expect(only(run(s3BucketPolicyPublic, snapshot({ "s3.buckets": failed("s3:ListBuckets", "AccessDenied") })))).toMatchObject({ status: "unknown", resourceType: "account" });
  });
});

describe("s3.bucket-acl-public", () => {
  const grant = (uri: string, permission = "READ") => ({ granteeType: "Group", granteeUri: uri, permission });
  const acl = (...grants: ReturnType<typeof grant>[]) => ({ ok: true as const, value: { ownerId: "o", grants } });
  it("fails grants to AllUsers or AuthenticatedUsers and passes private ACLs", () => {
    const findings = run(
      s3BucketAclPublic,
      withBuckets([
        bucket("private"),
        bucket("world", { acl: acl(grant("http://acs.amazonaws.com/groups/global/AllUsers")) }),
        bucket("any-aws", { acl: acl(grant("http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "WRITE")) }),
        bucket("logs", { acl: acl(grant("http://acs.amazonaws.com/groups/s3/LogDelivery", "WRITE")) }),
        bucket("denied", { acl: { ok: false, error: { api: "s3:GetBucketAcl", code: "AccessDenied", message: "" } } }),
      ]),
    );
    expect(statuses(findings)).toEqual([
      ["any-aws", "fail"],
      ["denied", "unknown"],
      ["logs", "pass"],
      ["private", "pass"],
      ["world", "fail"],
    ]);
  });
});
