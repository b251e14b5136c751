import { describe, expect, it } from "vitest";
import { evaluateSsoIdentity, groupsFromClaims, normalizeDomain, type SsoPolicy } from "./sso-policy";

function policy(overrides: Partial<SsoPolicy> = {}): SsoPolicy {
  return {
    allowedDomains: ["example.com"],
    allowedGroups: [],
    groupsClaim: "groups",
    roleMappings: [
      { group: "iamfit-viewers", role: "viewer" },
      { group: "iamfit-admins", role: "admin" },
      { group: "iamfit-editors", role: "editor" },
    ],
    defaultRole: "deny",
    ...overrides,
  };
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { sub: "u-1", email: "alice@example.com", email_verified: true, groups: ["iamfit-admins"], ...overrides };
}

describe("evaluateSsoIdentity: who may sign in", () => {
  it.each([
    ["an allowed domain", policy(), claims(), true],
    ["the domain in another case", policy({ allowedDomains: ["Example.COM"] }), claims({ email: "Alice@EXAMPLE.com" }), true],
    ["a domain listed with a leading @", policy({ allowedDomains: ["@example.com"] }), claims(), true],
    ["a subdomain of an allowed domain", policy(), claims({ email: "alice@eu.example.com" }), false],
    ["a listed subdomain", policy({ allowedDomains: ["eu.example.com"] }), claims({ email: "alice@eu.example.com" }), true],
    ["a domain that only ends like an allowed one", policy(), claims({ email: "mallory@evilexample.com" }), false],
    ["another domain", policy(), claims({ email: "eve@evil.test", groups: ["iamfit-admins"] }), false],
    ["an allowed group, no domain list", policy({ allowedDomains: [], allowedGroups: ["iamfit-admins"] }), claims({ email: "alice@anywhere.test" }), true],
    ["no allowed group", policy({ allowedDomains: [], allowedGroups: ["iamfit-users"] }), claims(), false],
    ["domain and group both required, group missing", policy({ allowedGroups: ["iamfit-users"] }), claims(), false],
    ["domain and group both required, both there", policy({ allowedGroups: ["iamfit-admins"] }), claims(), true],
    ["neither list configured", policy({ allowedDomains: [] }), claims(), false],
  ] as const)("%s → allowed: %s", (_, configured, asserted, allowed) => {
    expect(evaluateSsoIdentity(configured, asserted).allowed).toBe(allowed);
  });

  it.each([
    ["email_verified false", { email_verified: false }, "email_unverified"],
    ["email_verified \"false\" (a string)", { email_verified: "false" }, "email_unverified"],
    ["no email claim", { email: undefined }, "email_missing"],
    ["an email that is not an address", { email: "alice" }, "email_missing"],
    ["a non-string email", { email: ["alice@example.com"] }, "email_missing"],
    ["a foreign domain", { email: "eve@evil.test" }, "domain_not_allowed"],
  ] as const)("refuses %s with reason %s", (_, overrides, reason) => {
    const decision = evaluateSsoIdentity(policy(), claims(overrides));
    expect(decision).toMatchObject({ allowed: false, reason });
  });

  it("accepts an email whose email_verified claim is absent (directories like Entra ID omit it)", () => {
    expect(evaluateSsoIdentity(policy(), claims({ email_verified: undefined })).allowed).toBe(true);
    expect(evaluateSsoIdentity(policy(), claims({ email_verified: "true" })).allowed).toBe(true);
  });

  it("explains a refusal by naming the email and its domain, not the allowed list", () => {
    const decision = evaluateSsoIdentity(policy({ allowedDomains: ["example.com", "secret-subsidiary.test"] }), claims({ email: "eve@evil.test" }));
    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    expect(decision.message).toContain("eve@evil.test");
    expect(decision.message).toContain("evil.test is not an allowed domain");
    expect(decision.message).not.toContain("secret-subsidiary");
  });

  it("fails closed when no domain and no group is configured", () => {
    expect(evaluateSsoIdentity(policy({ allowedDomains: [], allowedGroups: [] }), claims())).toMatchObject({ allowed: false, reason: "no_restriction" });
    expect(evaluateSsoIdentity(policy({ allowedDomains: ["  "], allowedGroups: [""] }), claims())).toMatchObject({ allowed: false, reason: "no_restriction" });
  });
});

describe("evaluateSsoIdentity: which role", () => {
  it.each([
    ["an admin group", ["iamfit-admins"], "deny", "admin"],
    ["a viewer group", ["iamfit-viewers"], "deny", "viewer"],
    ["viewer and admin groups: the highest wins, whatever the order", ["iamfit-viewers", "iamfit-admins"], "deny", "admin"],
    ["editor and viewer groups", ["iamfit-editors", "iamfit-viewers"], "deny", "editor"],
    ["an unmapped group with a default role", ["sales"], "viewer", "viewer"],
    ["no groups with a default role", [], "editor", "editor"],
    ["a mapped group beats the default role", ["iamfit-viewers"], "admin", "viewer"],
  ] as const)("%s → %s", (_, groups, defaultRole, role) => {
    expect(evaluateSsoIdentity(policy({ defaultRole }), claims({ groups }))).toMatchObject({ allowed: true, role });
  });

  it("refuses a user with no mapped group when the default is deny", () => {
    expect(evaluateSsoIdentity(policy(), claims({ groups: ["sales"] }))).toMatchObject({ allowed: false, reason: "no_role" });
    expect(evaluateSsoIdentity(policy(), claims({ groups: undefined }))).toMatchObject({ allowed: false, reason: "no_role" });
  });

  it("names the group that gave the role", () => {
    expect(evaluateSsoIdentity(policy(), claims({ groups: ["iamfit-viewers", "iamfit-admins"] }))).toMatchObject({ matchedGroup: "iamfit-admins" });
    expect(evaluateSsoIdentity(policy({ defaultRole: "viewer" }), claims({ groups: [] }))).toMatchObject({ matchedGroup: null });
  });

  it("compares groups exactly as the IdP sends them", () => {
    expect(evaluateSsoIdentity(policy(), claims({ groups: ["IAMFIT-ADMINS"] }))).toMatchObject({ allowed: false, reason: "no_role" });
  });

  it("reads the groups from the configured claim", () => {
    const configured = policy({ groupsClaim: "roles" });
    expect(evaluateSsoIdentity(configured, claims({ groups: undefined, roles: ["iamfit-editors"] }))).toMatchObject({ role: "editor" });
    expect(evaluateSsoIdentity(configured, claims({ groups: ["iamfit-admins"] }))).toMatchObject({ allowed: false, reason: "no_role" });
  });

  it("lowers the role when the user leaves the group (the same claims minus the group)", () => {
    const promoted = evaluateSsoIdentity(policy({ defaultRole: "viewer" }), claims({ groups: ["iamfit-admins"] }));
    const demoted = evaluateSsoIdentity(policy({ defaultRole: "viewer" }), claims({ groups: [] }));
    expect([promoted, demoted]).toMatchObject([{ role: "admin" }, { role: "viewer" }]);
  });
});

describe("groupsFromClaims", () => {
  it.each([
    ["an array", { groups: ["a", "b"] }, "groups", ["a", "b"]],
    ["one string (a single-valued claim)", { groups: "a" }, "groups", ["a"]],
    ["a string with commas stays one group (LDAP DNs have commas)", { groups: "cn=admins,ou=groups" }, "groups", ["cn=admins,ou=groups"]],
    ["a missing claim", {}, "groups", []],
    ["null", { groups: null }, "groups", []],
    ["non-strings in the array are ignored", { groups: ["a", 1, null, { name: "b" }, " c "] }, "groups", ["a", "c"]],
    ["duplicates once", { groups: ["a", "a"] }, "groups", ["a"]],
    ["a namespaced claim name with dots (Auth0)", { "https://iamfit.example/groups": ["a"] }, "https://iamfit.example/groups", ["a"]],
    ["a dotted path (Keycloak realm roles)", { realm_access: { roles: ["a", "b"] } }, "realm_access.roles", ["a", "b"]],
    ["a dotted path that stops early", { realm_access: "x" }, "realm_access.roles", []],
  ] as const)("%s", (_, asserted, claimName, groups) => {
    expect(groupsFromClaims(asserted as Record<string, unknown>, claimName)).toEqual(groups);
  });
});

describe("normalizeDomain", () => {
  it.each([
    ["Example.COM", "example.com"],
    [" @example.com ", "example.com"],
    ["example.com.", "example.com"],
  ])("%s → %s", (input, output) => {
    expect(normalizeDomain(input)).toBe(output);
  });
});
