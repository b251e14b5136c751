import { describe, expect, it } from "vitest";
import { decodeIamPolicyDocument, isMalformedPolicyDocument, parsePolicyJson } from "./policy-document";

const document = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/a b+c%" }],
};

describe("decodeIamPolicyDocument", () => {
  it("URL-decodes, then parses", () => {
    expect(decodeIamPolicyDocument(encodeURIComponent(JSON.stringify(document)))).toEqual(document);
  });

  it("keeps a document that is not valid URL encoding, marked malformed", () => {
    const raw = "%7B%22Version%22%3A%E0%A4%A";
    expect(decodeIamPolicyDocument(raw)).toEqual({ $malformed: true, raw, error: expect.stringMatching(/^not valid URL encoding/) });
  });

  it("keeps a document that decodes to invalid JSON, marked malformed", () => {
    const raw = encodeURIComponent('{"Version": "2012-10-17", "Statement": [');
    const decoded = decodeIamPolicyDocument(raw);
    expect(decoded).toEqual({ $malformed: true, raw, error: expect.stringMatching(/^not valid JSON/) });
    expect(isMalformedPolicyDocument(decoded)).toBe(true);
  });

  it("does not mistake a well-formed document for a malformed one", () => {
    expect(isMalformedPolicyDocument(document)).toBe(false);
    expect(isMalformedPolicyDocument(null)).toBe(false);
  });
});

describe("parsePolicyJson", () => {
  it("parses a plain JSON bucket policy without URL-decoding it", () => {
    const policy = { Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/%41" }] };
    expect(parsePolicyJson(JSON.stringify(policy))).toEqual(policy);
  });
});
