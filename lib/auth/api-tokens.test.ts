import { describe, expect, it } from "vitest";
import { bearerToken, generateApiToken, hashApiToken, newApiTokenSchema, tokenRefusal, tokenRole } from "./api-tokens";

describe("API tokens", () => {
  it("generates a recognisable secret whose hash is what is stored", () => {
    const token = generateApiToken();
    expect(token.secret).toMatch(/^iamfit_[A-Za-z0-9_-]{43}$/);
    expect(token.secretHash).toBe(hashApiToken(token.secret));
    expect(token.secretHash).not.toContain(token.secret.slice(7));
    expect(generateApiToken().secret).not.toBe(token.secret);
  });

  it("reads the token from a Bearer header and refuses anything else", () => {
    const { secret } = generateApiToken();
    expect(bearerToken(`Bearer ${secret}`)).toEqual({ ok: true, secret });
    expect(bearerToken(`bearer ${secret}`)).toEqual({ ok: true, secret });
    expect(bearerToken(null)).toEqual({ ok: false, reason: "missing" });
    expect(bearerToken(`Basic ${secret}`)).toEqual({ ok: false, reason: "malformed" });
    expect(bearerToken("Bearer iamfit_short")).toEqual({ ok: false, reason: "malformed" });
  });

  it("acts as a viewer when read-only and as its owner when read-write", () => {
    expect(tokenRole("admin", "read")).toBe("viewer");
    expect(tokenRole("editor", "read_write")).toBe("editor");
    expect(tokenRole("viewer", "read_write")).toBe("viewer");
  });

  it("refuses revoked, expired and disabled-owner tokens, in that order", () => {
    const now = new Date("2026-12-02T12:00:00Z");
    const valid = { revokedAt: null, expiresAt: new Date("2026-12-03T00:00:00Z"), ownerDisabled: false };
    expect(tokenRefusal(valid, now)).toBeNull();
    expect(tokenRefusal({ ...valid, expiresAt: now }, now)).toBe("expired");
    expect(tokenRefusal({ ...valid, revokedAt: now, expiresAt: new Date(0) }, now)).toBe("revoked");
    expect(tokenRefusal({ ...valid, ownerDisabled: true }, now)).toBe("owner_disabled");
  });

  it("validates a new token's name, scope and lifetime", () => {
    expect(newApiTokenSchema.parse({ name: " ci ", scope: "read", lifetimeDays: "30" })).toEqual({ name: "ci", scope: "read", lifetimeDays: 30 });
    expect(newApiTokenSchema.safeParse({ name: "", scope: "read", lifetimeDays: 30 }).success).toBe(false);
    expect(newApiTokenSchema.safeParse({ name: "x", scope: "admin", lifetimeDays: 30 }).success).toBe(false);
    expect(newApiTokenSchema.safeParse({ name: "x", scope: "read", lifetimeDays: 3650 }).success).toBe(false);
  });
});
