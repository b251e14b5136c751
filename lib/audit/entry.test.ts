import { describe, expect, it } from "vitest";
import { auditEntrySchema, scrubDetail, trimUserAgent } from "./entry";

describe("scrubDetail", () => {
  it("redacts values under secret-sounding keys, at any depth", () => {
    expect(
      scrubDetail({ email: "a@example.com", password: "hunter2", nested: { clientSecret: "s3", totpCode: "123456" }, list: [{ apiKey: "x" }] }),
    ).toEqual({ email: "a@example.com", password: "[redacted]", nested: { clientSecret: "[redacted]", totpCode: "[redacted]" }, list: [{ apiKey: "[redacted]" }] });
  });

  it("keeps keys that name a token rather than hold it", () => {
    expect(scrubDetail({ tokenId: "tok_1", tokenName: "ci", scope: "read", tokenExpiresAt: "2027-01-01" })).toEqual({
      tokenId: "tok_1",
      tokenName: "ci",
      scope: "read",
      tokenExpiresAt: "2027-01-01",
    });
  });

  it("truncates long strings and deep nesting", () => {
    const scrubbed = scrubDetail({ note: "x".repeat(5000), a: { b: { c: { d: { e: 1 } } } } }) as { note: string; a: unknown };
    expect(scrubbed.note).toHaveLength(2001);
    expect(scrubbed.a).toEqual({ b: { c: { d: "[nested]" } } });
  });
});

describe("auditEntrySchema", () => {
  it("defaults to a successful anonymous entry with no detail", () => {
    expect(auditEntrySchema.parse({ action: "auth.sign_in" })).toMatchObject({ outcome: "success", actor: { kind: "anonymous" }, detail: {} });
  });

  it("rejects an action that is not a dotted name", () => {
    expect(auditEntrySchema.safeParse({ action: "Sign in" }).success).toBe(false);
  });

  it("trims user agents to 300 characters", () => {
    expect(trimUserAgent("a".repeat(1000))).toHaveLength(300);
    expect(trimUserAgent(undefined)).toBeNull();
  });
});
