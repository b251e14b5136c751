import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it("rejects passwords shorter than 12 characters", () => {
    expect(passwordProblem("Tr0ub4dor&3")).toBe("Use at least 12 characters.");
  });

  it.each(["password1234", "123456789012", "qwertyuiopas", "iloveyou2026!"])("rejects the common or patterned %s", (password) => {
    expect(passwordProblem(password)).toMatch(/too easy to guess/);
  });

  it("rejects a password built from the person's own email", () => {
    expect(passwordProblem("margaret.hamilton", ["margaret.hamilton@example.com"])).toMatch(/too easy to guess/);
  });

  it("accepts a long passphrase of unrelated words", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(passwordProblem("violet-anchor-mango-7")).toBeNull();
  });
});
