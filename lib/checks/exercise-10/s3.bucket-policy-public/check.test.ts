import { describe, expect, it } from "vitest";
import { allowPrincipal, policy } from "@/lib/policy/testing/policy-factory";
import { targetFor } from "@/lib/remediation/testing/targets";
import type { Bucket } from "@/lib/snapshot/schema";
import type { EvidenceBlock } from "../../evidence/blocks";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run } from "../../testing/run-check";
import { bucket, failed, ok, snapshot } from "../../testing/snapshot-factory";
import { s3BucketPolicyPublic } from "./check";
import { bucketPolicyEvidenceSchema } from "./evidence";

const allBlocked = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const publicPolicy = policy(allowPrincipal("*", "s3:GetObject", { Resource: "arn:aws:s3:::site/*" }));
const withBuckets = (buckets: Bucket[], accountBlock: typeof allBlocked | null = null) =>
  snapshot({ "s3.buckets": ok(buckets), "s3control.publicAccessBlock": ok({ configuration: accountBlock }) });

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
    expect(finding.reason).toBe("The policy of a allows everyone (statement 1); the account's Restrict public buckets setting currently blocks that access.");
  });

  it("shows the offending statement in the evidence", () => {
    const finding = only(run(s3BucketPolicyPublic, withBuckets([bucket("a", { policy: { ok: true, value: publicPolicy } })])));
    expect(finding.evidence).toMatchObject({ publicStatements: [{ statement: { index: 0, statement: publicPolicy.Statement[0] } }] });
  });

  it("is unknown for the account when buckets could not be listed", () => {
    expect(only(run(s3BucketPolicyPublic, snapshot({ "s3.buckets": failed("s3:ListBuckets", "AccessDenied") })))).toMatchObject({ status: "unknown", resourceType: "account" });
  });

  it("shows the public statement with its open principal marked, attached to the bucket, and says it is reachable now", () => {
    const sid = { ...publicPolicy.Statement[0], Sid: "PublicRead" };
    const finding = only(run(s3BucketPolicyPublic, withBuckets([bucket("site", { policy: { ok: true, value: policy(sid) }, policyIsPublic: { ok: true, value: true } })])));
    const blocks = s3BucketPolicyPublic.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks[0]).toEqual({
      kind: "facts",
      title: "Bucket policy",
      rows: [
        { label: "Bucket", value: "site", verbatim: true },
        { label: "AWS calls the policy public", value: "yes", mark: true },
        { label: "Blocked today by Block Public Access", value: "no: anyone on the internet can use it now", mark: true },
      ],
    });
    const statement = blocks[1] as Extract<EvidenceBlock, { kind: "statement" }>;
    expect(statement).toMatchObject({ kind: "statement", title: "Bucket policy, statement 1 (sid: PublicRead)", attachedTo: ["site"] });
    const principalLine = statement.lines.find((line) => line.some((part) => part.text.includes("Principal")));
    expect(principalLine?.filter((part) => part.mark).map((part) => part.text.replace(/"/g, ""))).toEqual(["*"]);
    expect(renderedText(blocks)).not.toMatch(/mitigatedBy|policyIsPublic|publicStatements/);
  });

  it("says in words which Block Public Access setting blocks the policy today", () => {
    const finding = only(run(s3BucketPolicyPublic, withBuckets([bucket("a", { policy: { ok: true, value: publicPolicy }, publicAccessBlock: { ok: true, value: allBlocked } })])));
    const blocks = s3BucketPolicyPublic.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks[0]).toMatchObject({
      rows: expect.arrayContaining([{ label: "Blocked today by Block Public Access", value: "yes: the bucket's own Restrict public buckets setting stops access by everyone" }]),
    });
  });

  it("names the public statements and the bucket from the typed evidence in its remediation", () => {
    const sid = { ...publicPolicy.Statement[0], Sid: "PublicRead" };
    const finding = only(run(s3BucketPolicyPublic, withBuckets([bucket("site", { policy: { ok: true, value: policy(sid) } })], allBlocked)));
    const steps = s3BucketPolicyPublic.remediation?.(remediationTarget(finding));
    expect(steps?.summary).toBe('Remove or restrict statement 1 (sid: PublicRead) in the policy of bucket site, which allows everyone (Principal "*"), and block public access on the bucket.');
    expect(steps?.care).toContain(
      "Today the account's Restrict public buckets setting stops access by everyone; the policy becomes public again the day that setting is turned off.",
    );
  });

  it("has a hand-written remediation target shaped like what it emits", () => {
    expect(bucketPolicyEvidenceSchema.safeParse(targetFor("s3.bucket-policy-public").evidence).success).toBe(true);
  });
});
