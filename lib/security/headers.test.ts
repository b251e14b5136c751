import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, generateNonce, securityHeaders } from "./headers";

const directives = (policy: string) => new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive]));

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce (and what they load), and forbids framing, plugins and foreign forms", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123==" }));
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.get("base-uri")).toBe("base-uri 'self'");
    expect(policy.get("form-action")).toBe("form-action 'self'");
    expect(policy.get("default-src")).toBe("default-src 'self'");
  });

  it("never allows inline or eval'd script outside development", () => {
    expect(contentSecurityPolicy({ nonce: "n" })).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(contentSecurityPolicy({ nonce: "n", development: true })).toContain("'unsafe-eval'");
  });
});

describe("securityHeaders", () => {
  it("sends the hardening headers everywhere", () => {
    expect(securityHeaders({ https: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
    expect(securityHeaders({ https: false })["Permissions-Policy"]).toContain("camera=()");
  });

  it("sends HSTS only over https", () => {
    expect(securityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
  });
});

describe("generateNonce", () => {
  it("makes a fresh base64 value each time", () => {
    const first = generateNonce();
    expect(first).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(generateNonce()).not.toBe(first);
  });
});
