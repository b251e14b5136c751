import { describe, expect, it } from "vitest";
import { targetFor } from "@/lib/remediation/testing/targets";
import type { Bucket } from "@/lib/snapshot/schema";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run, statuses } from "../../testing/run-check";
import { bucket, ok, snapshot } from "../../testing/snapshot-factory";
import { s3BucketAclPublic } from "./check";
import { bucketAclEvidenceSchema } from "./evidence";

const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
const allBlocked = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const withBuckets = (buckets: Bucket[], accountBlock: typeof allBlocked | null = null) =>
  snapshot({ "s3.buckets": ok(buckets), "s3control.publicAccessBlock": ok({ configuration: accountBlock }) });

describe("s3.bucket-acl-public", () => {
  const grant = (uri: string, permission = "READ") => ({ granteeType: "Group", granteeUri: uri, permission });
  const acl = (...grants: ReturnType<typeof grant>[]) => ({ ok: true as const, value: { ownerId: "o", grants } });
  const shared = () => bucket("shared", { acl: acl(grant(ALL_USERS), grant(AUTHENTICATED_USERS, "WRITE")) });

  it("fails grants to AllUsers or AuthenticatedUsers and passes private ACLs", () => {
    const findings = run(
      s3BucketAclPublic,
      withBuckets([
        bucket("private"),
        bucket("world", { acl: acl(grant(ALL_USERS)) }),
        bucket("any-aws", { acl: acl(grant(AUTHENTICATED_USERS, "WRITE")) }),
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

  it("keeps the evidence it stored before, and says the grants in words in its reason", () => {
    const finding = only(run(s3BucketAclPublic, withBuckets([shared()])));
    expect(finding.evidence).toEqual({
      bucket: "shared",
      publicGrants: [
        { granteeUri: ALL_USERS, permission: "READ" },
        { granteeUri: AUTHENTICATED_USERS, permission: "WRITE" },
      ],
      mitigatedBy: null,
    });
    expect(finding.reason).toBe("The ACL of shared grants Everyone (public): READ; Any AWS account (authenticated users): WRITE.");
  });

  it("lowers the severity when IgnorePublicAcls makes S3 ignore the grants", () => {
    const finding = only(run(s3BucketAclPublic, withBuckets([shared()], allBlocked)));
    expect(finding).toMatchObject({ status: "fail", severity: "high", evidence: { mitigatedBy: "account-level ignorePublicAcls" } });
  });

  it("shows the grants in words, the public grantees and their permissions marked", () => {
    const blocks = s3BucketAclPublic.describeEvidence?.(only(run(s3BucketAclPublic, withBuckets([shared()]))).evidence);
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Bucket ACL",
        rows: [
          { label: "Bucket", value: "shared", verbatim: true },
          { label: "Ignored today by Block Public Access", value: "no: the grants are in force now", mark: true },
        ],
      },
      {
        kind: "table",
        title: "Public grants",
        columns: ["Grantee", "Permission", "What it allows"],
        rows: [
          [{ text: "Everyone (public)", mark: true }, { text: "READ", verbatim: true, mark: true }, { text: "List the objects in the bucket" }],
          [{ text: "Any AWS account (authenticated users)", mark: true }, { text: "WRITE", verbatim: true, mark: true }, { text: "Create, overwrite and delete objects in the bucket" }],
        ],
      },
    ]);
    expect(renderedText(blocks ?? [])).not.toMatch(/acs\.amazonaws\.com|granteeUri/);
  });

  it("says a private ACL grants nothing to the public", () => {
    const blocks = s3BucketAclPublic.describeEvidence?.(only(run(s3BucketAclPublic, withBuckets([bucket("private")]))).evidence) ?? [];
    expect(renderedText(blocks)).toContain("The ACL grants nothing to everyone or to any AWS account.");
  });

  it("names the public grants and the bucket from the typed evidence in its remediation", () => {
    const steps = s3BucketAclPublic.remediation?.(remediationTarget(only(run(s3BucketAclPublic, withBuckets([shared()])))));
    expect(steps?.summary).toBe(
      "Remove the public grants (Everyone (public): READ; Any AWS account (authenticated users): WRITE) from the ACL of bucket shared and turn ACLs off (bucket owner enforced).",
    );
  });

  it("has a hand-written remediation target shaped like what it emits", () => {
    expect(bucketAclEvidenceSchema.safeParse(targetFor("s3.bucket-acl-public").evidence).success).toBe(true);
  });
});
