import { describe, expect, it } from "vitest";
import { parsePolicyDocument } from "./document";
import { allow, policy, singleStatementPolicy } from "./testing/policy-factory";

describe("parsePolicyDocument", () => {
  it.each([
    ["a single-object Statement", singleStatementPolicy(allow("s3:GetObject")), 1],
    ["a Statement array", policy(allow("s3:GetObject"), allow("s3:PutObject")), 2],
    ["an empty Statement array", policy(), 0],
  ])("accepts %s", (_, document, count) => {
    const result = parsePolicyDocument(document);
    expect(result.ok && result.policy.statements.length).toBe(count);
  });

  it("normalises string and array forms of Action, Resource and Principal entries to arrays", () => {
    const result = parsePolicyDocument(
      policy(
        { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Principal: { AWS: "arn:aws:iam::111122223333:root" } },
        { Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: ["a", "b"], Principal: { Service: ["ec2.amazonaws.com"] } },
      ),
    );
    if (!result.ok) throw new Error(result.error.message);
    const [first, second] = result.policy.statements;
    expect(first?.actions).toEqual(["s3:GetObject"]);
    expect(first?.resources).toEqual(["arn:aws:s3:::b/*"]);
    expect(first?.principal?.aws).toEqual(["arn:aws:iam::111122223333:root"]);
    expect(second?.actions).toEqual(["s3:GetObject", "s3:ListBucket"]);
    expect(second?.principal?.service).toEqual(["ec2.amazonaws.com"]);
  });

  it.each([
    ['Principal "*"', "*"],
    ['Principal {AWS: "*"}', { AWS: "*" }],
    ['Principal {AWS: ["*"]}', { AWS: ["*"] }],
  ])("reads %s as everyone", (_, principal) => {
    const result = parsePolicyDocument(policy({ Effect: "Allow", Principal: principal, Action: "s3:GetObject" }));
    expect(result.ok && result.policy.statements[0]?.principal?.wildcard).toBe(true);
  });

  it("keeps conditions as operator/key/values clauses with scalars as strings", () => {
    const result = parsePolicyDocument(
      policy(allow("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": true }, NumericLessThan: { "aws:MultiFactorAuthAge": [3600] } } })),
    );
    expect(result.ok && result.policy.statements[0]?.conditions).toEqual([
      { operator: "Bool", key: "aws:MultiFactorAuthPresent", values: ["true"] },
      { operator: "NumericLessThan", key: "aws:MultiFactorAuthAge", values: ["3600"] },
    ]);
  });

  it("keeps the statement exactly as stored, with its index and Sid, for evidence", () => {
    const statement = allow("iam:*", "*", { Sid: "Everything" });
    const result = parsePolicyDocument(policy(allow("s3:GetObject"), statement));
    expect(result.ok && result.policy.statements[1]).toMatchObject({ index: 1, sid: "Everything", raw: statement });
  });

  it("parses a JSON string and a URL-encoded JSON string", () => {
    const json = JSON.stringify(policy(allow("s3:GetObject")));
    expect(parsePolicyDocument(json).ok).toBe(true);
    expect(parsePolicyDocument(encodeURIComponent(json)).ok).toBe(true);
  });

  it.each([
    ["the collector's malformed marker", { $malformed: true, raw: "%7B", error: "Unexpected end of JSON input" }, "malformed_json"],
    ["text that is not JSON", "{not json", "malformed_json"],
    ["a missing document", undefined, "missing"],
    ["null", null, "missing"],
    ["a document without Statement", { Version: "2012-10-17" }, "invalid_policy"],
    ["a number", 42, "invalid_policy"],
    ["an Effect other than Allow/Deny", policy({ Effect: "Permit", Action: "*", Resource: "*" }), "invalid_policy"],
    ["a statement with both Action and NotAction", policy({ Effect: "Allow", Action: "*", NotAction: "iam:*", Resource: "*" }), "invalid_policy"],
    ["a statement with neither Action nor NotAction", policy({ Effect: "Allow", Resource: "*" }), "invalid_policy"],
    ["a statement that is a string", { Statement: ["Allow everything"] }, "invalid_policy"],
    ["an Action that is a number", policy({ Effect: "Allow", Action: 7, Resource: "*" }), "invalid_policy"],
  ])("returns a typed error for %s instead of throwing", (_, document, kind) => {
    const result = parsePolicyDocument(document);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe(kind);
  });

  it("names the failing statement in the error message", () => {
    const result = parsePolicyDocument(policy(allow("s3:GetObject"), { Effect: "Allow", Resource: "*" }));
    expect(!result.ok && result.error.message).toContain("Statement[1]");
  });
});
