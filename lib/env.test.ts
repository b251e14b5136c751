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
    expect(parsed.IAMFIT_SNAPSHOT_RETENTION_DAYS).toBe(90);
    expect(parsed.IAMFIT_HISTORY_RETENTION_DAYS).toBe(400);
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
    ["IAMFIT_SNAPSHOT_RETENTION_DAYS", "0", "IAMFIT_SNAPSHOT_RETENTION_DAYS"],
    ["IAMFIT_HISTORY_RETENTION_DAYS", "a year", "IAMFIT_HISTORY_RETENTION_DAYS"],
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

describe("parseEnv: SMTP for the weekly digest", () => {
  it("leaves SMTP unset by default (emails go to the local outbox) and requires TLS certificates to verify", () => {
    const parsed = parseEnv({});
    expect(parsed.SMTP_URL).toBeUndefined();
    expect(parsed.SMTP_FROM).toBe("iamfit <iamfit@localhost>");
    expect(parsed.SMTP_REQUIRE_TLS).toBe(false);
    expect(parsed.SMTP_TLS_REJECT_UNAUTHORIZED).toBe(true);
  });

  it.each(["smtp://mail.example.com", "smtp://user:p%40ss@mail.example.com:587", "smtps://user:pass@mail.example.com:465", "smtp://127.0.0.1:2525/"])(
    "accepts SMTP_URL=%s",
    (value) => {
      expect(parseEnv({ SMTP_URL: value }).SMTP_URL).toBe(value);
    },
  );

  it.each(["mail.example.com", "http://mail.example.com", "smtp://", "smtp://host/path", "smtp://host?tls.rejectUnauthorized=false"])("rejects SMTP_URL=%s", (value) => {
    expect(() => parseEnv({ SMTP_URL: value })).toThrow(/SMTP_URL=/);
  });

  it("masks the password of a rejected URL in the error message", () => {
    expect(() => parseEnv({ SMTP_URL: "smtp://user:hunter2@host/x" })).toThrow(/SMTP_URL="smtp:\/\/user:\*\*\*@host\/x"/);
    expect(() => parseEnv({ SMTP_URL: "smtp://user:hunter2@host/x" })).not.toThrow(/hunter2/);
  });

  it("reads the TLS options as flags", () => {
    const parsed = parseEnv({ SMTP_REQUIRE_TLS: "1", SMTP_TLS_REJECT_UNAUTHORIZED: "0", SMTP_TLS_SERVERNAME: "mail.internal" });
    expect(parsed).toMatchObject({ SMTP_REQUIRE_TLS: true, SMTP_TLS_REJECT_UNAUTHORIZED: false, SMTP_TLS_SERVERNAME: "mail.internal" });
    expect(() => parseEnv({ SMTP_TLS_REJECT_UNAUTHORIZED: "sometimes" })).toThrow(/SMTP_TLS_REJECT_UNAUTHORIZED/);
  });
});

describe("parseEnv: sign-in", () => {
  it("never repeats a bad auth secret in its message", () => {
    try {
      parseEnv({ IAMFIT_AUTH_SECRET: "too-short-secret" });
      expect.unreachable();
    } catch (error) {
      expect((error as EnvError).message).toContain('IAMFIT_AUTH_SECRET="***"');
      expect((error as EnvError).message).not.toContain("too-short-secret");
    }
  });

  it("takes an http(s) public URL and rejects anything else", () => {
    expect(parseEnv({ IAMFIT_PUBLIC_URL: "https://iamfit.example.com" }).IAMFIT_PUBLIC_URL).toBe("https://iamfit.example.com");
    expect(() => parseEnv({ IAMFIT_PUBLIC_URL: "ftp://iamfit.example.com" })).toThrow(EnvError);
  });

  it("allows 10 sign-in attempts per address and minute unless told otherwise", () => {
    expect(parseEnv({}).IAMFIT_SIGN_IN_ATTEMPTS_PER_MINUTE).toBe(10);
    expect(parseEnv({ IAMFIT_SIGN_IN_ATTEMPTS_PER_MINUTE: "60" }).IAMFIT_SIGN_IN_ATTEMPTS_PER_MINUTE).toBe(60);
  });
});
