import { describe, expect, it } from "vitest";
import { safeNextPath, signInPath } from "./safe-next";

describe("safeNextPath", () => {
  it.each([
    ["/accounts", "/accounts"],
    ["/accounts/123456789012/checklist?status=open#item-3", "/accounts/123456789012/checklist?status=open#item-3"],
    ["/runs/../settings", "/settings"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it.each([
    [null],
    [""],
    ["https://evil.example/"],
    ["//evil.example/path"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["javascript:alert(1)"],
    ["/\u0000x"],
    ["accounts"],
    ["/sign-in?next=/x"],
    ["/two-factor"],
    ["/api/auth/sign-out"],
    ["/" + "a".repeat(3000)],
  ])("falls back to / for %j", (value) => {
    expect(safeNextPath(value)).toBe("/");
  });

  it("leaves percent-encoded characters encoded (they never become header or URL syntax)", () => {
    expect(safeNextPath("/%0d%0aSet-Cookie:x")).toBe("/%0d%0aSet-Cookie:x");
  });
});

describe("signInPath", () => {
  it("remembers a safe destination and drops an unsafe one", () => {
    expect(signInPath("/accounts?sort=score")).toBe("/sign-in?next=%2Faccounts%3Fsort%3Dscore");
    expect(signInPath("https://evil.example")).toBe("/sign-in");
    expect(signInPath("/")).toBe("/sign-in");
  });
});
