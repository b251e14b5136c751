import { describe, expect, it } from "vitest";
import { fieldErrors, linkAccountInputSchema, parseTagList } from "./link-input";

describe("linkAccountInputSchema", () => {
  it("turns a role name into the role ARN in that account and defaults the name", () => {
    expect(linkAccountInputSchema.parse({ accountId: "123456789012", role: "audit" })).toEqual({
      accountId: "123456789012",
      roleArn: "arn:aws:iam::123456789012:role/audit",
      externalId: undefined,
      name: "123456789012",
      tags: {},
    });
  });

  it("accepts a role ARN with a path", () => {
    const parsed = linkAccountInputSchema.parse({
      accountId: "123456789012",
      role: "arn:aws:iam::123456789012:role/security/iamfit-audit",
      externalId: "iamfit-3f9a",
      name: "Prod",
    });
    expect(parsed.roleArn).toBe("arn:aws:iam::123456789012:role/security/iamfit-audit");
  });

  it.each([
    [{ accountId: "12345", role: "audit" }, "accountId", "12 digits"],
    [{ accountId: "12345678901a", role: "audit" }, "accountId", "12 digits"],
    [{ accountId: "123456789012", role: "arn:aws:iam::999999999999:role/audit" }, "role", "belongs to account 999999999999"],
    [{ accountId: "123456789012", role: "arn:aws:iam::123456789012:user/bob" }, "role", "role ARN"],
    [{ accountId: "123456789012", role: "audit", externalId: "x" }, "externalId", "2–1224"],
    [{ accountId: "123456789012", role: "audit", externalId: "has space" }, "externalId", "2–1224"],
  ])("rejects %j with a message on %s", (input, field, message) => {
    const result = linkAccountInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error)[field]).toContain(message);
  });
});

describe("parseTagList", () => {
  it("reads key=value pairs", () => {
    expect(parseTagList("env=prod, team=payments")).toEqual({ env: "prod", team: "payments" });
  });
  it("rejects a pair without =", () => {
    expect(() => parseTagList("prod")).toThrow(/key=value/);
  });
});
