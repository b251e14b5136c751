import { describe, expect, it } from "vitest";
import { isPublicBucketPolicy } from "./bucket-policy";
import { allowPrincipal, policy, singleStatementPolicy } from "./testing/policy-factory";

const object = "arn:aws:s3:::site/*";

describe("isPublicBucketPolicy", () => {
  it.each([
    ['Principal "*"', policy(allowPrincipal("*", "s3:GetObject", { Resource: object })), true],
    ['Principal {AWS: "*"}', singleStatementPolicy(allowPrincipal({ AWS: "*" }, "s3:GetObject", { Resource: object })), true],
    ['Principal {AWS: ["*"]}', policy(allowPrincipal({ AWS: ["*"] }, ["s3:GetObject"], { Resource: object })), true],
    ["Allow with NotPrincipal", policy({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "s3:GetObject", Resource: object }), true],
    ["* restricted by aws:SourceVpce", policy(allowPrincipal("*", "s3:GetObject", { Resource: object, Condition: { StringEquals: { "aws:SourceVpce": "vpce-1a2b" } } })), false],
    ["* restricted by aws:PrincipalOrgID", policy(allowPrincipal("*", "s3:GetObject", { Resource: object, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } })), false],
    ["* restricted by aws:SourceArn (a service delivering logs)", policy(allowPrincipal("*", "s3:PutObject", { Resource: object, Condition: { ArnLike: { "aws:SourceArn": "arn:aws:cloudtrail:*:111122223333:trail/*" } } })), false],
    ["* restricted by aws:SourceIp to an office range", policy(allowPrincipal("*", "s3:GetObject", { Resource: object, Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } })), false],
    ["* with aws:SourceIp 0.0.0.0/0", policy(allowPrincipal("*", "s3:GetObject", { Resource: object, Condition: { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } } })), true],
    ["* with a negated condition", policy(allowPrincipal("*", "s3:GetObject", { Resource: object, Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1a2b" } } })), true],
    ["* with an IfExists condition", policy(allowPrincipal("*", "s3:GetObject", { Resource: object, Condition: { StringEqualsIfExists: { "aws:SourceVpce": "vpce-1a2b" } } })), true],
    ["* with a wildcard PrincipalArn", policy(allowPrincipal("*", "s3:GetObject", { Resource: object, Condition: { StringLike: { "aws:PrincipalArn": "*" } } })), true],
    ["* with a condition on an unrelated key", policy(allowPrincipal("*", "s3:GetObject", { Resource: object, Condition: { Bool: { "aws:SecureTransport": "true" } } })), true],
    ["one account", policy(allowPrincipal({ AWS: "arn:aws:iam::444455556666:root" }, "s3:GetObject", { Resource: object })), false],
    ["a Deny to *", policy({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: object, Condition: { Bool: { "aws:SecureTransport": "false" } } }), false],
  ])("%s → public: %s", (_, document, expected) => {
    const verdict = isPublicBucketPolicy(document);
    expect(verdict.ok && verdict.isPublic).toBe(expected);
  });

  it("returns the offending statement with its index and the condition keys that did not restrict it", () => {
    const open = allowPrincipal("*", "s3:GetObject", { Sid: "Public", Resource: object, Condition: { Bool: { "aws:SecureTransport": "true" } } });
    const verdict = isPublicBucketPolicy(policy(allowPrincipal({ AWS: "arn:aws:iam::444455556666:root" }, "s3:ListBucket"), open));
    expect(verdict.ok && verdict.statements).toEqual([
      { statement: { index: 1, sid: "Public", statement: open }, nonRestrictingConditionKeys: ["aws:SecureTransport"] },
    ]);
  });

  it("returns the parse error for a malformed bucket policy", () => {
    expect(isPublicBucketPolicy("{ not json").ok).toBe(false);
  });
});
