import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults when nothing is set", () => {
    const parsed = parseEnv({});
    expect(parsed.PORT).toBe(3000);
    expect(parsed.DATABASE_URL).toBeUndefined();
    expect(parsed.dataDir).toBe(path.resolve(".data"));
    expect(parsed.IAMFIT_COLLECT_INTERVAL_HOURS).toBe(6);
  });

  it("honours PORT and treats empty values as unset", () => {
    expect(parseEnv({ PORT: "8080", DATABASE_URL: "" }).PORT).toBe(8080);
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ["PORT", "eighty", "PORT"],
    ["PORT", "70000", "PORT"],
    ["DATABASE_URL", "mysql://x", "DATABASE_URL"],
    ["IAMFIT_SANDBOX", "maybe", "IAMFIT_SANDBOX"],
    ["IAMFIT_ROLE", "scheduler", "IAMFIT_ROLE"],
  ])("rejects %s=%s with a message naming the variable", (name, value, expected) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    try {
      parseEnv({ [name]: value });
    } catch (error) {
      expect((error as EnvError).message).toContain(`${expected}=${JSON.stringify(value)}`);
    }
  });

  it("reads the sandbox flag in its usual spellings", () => {
    expect(parseEnv({ IAMFIT_SANDBOX: "1" }).IAMFIT_SANDBOX).toBe(true);
    expect(parseEnv({ IAMFIT_SANDBOX: "false" }).IAMFIT_SANDBOX).toBe(false);
  });
});
