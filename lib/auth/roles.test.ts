import { describe, expect, it } from "vitest";
import { CAPABILITY_ROLE, lowerRole, roleAllows, roleAtLeast, ROLES, type Capability } from "./roles";

describe("roles", () => {
  it("orders viewer < editor < admin", () => {
    expect(roleAtLeast("admin", "editor")).toBe(true);
    expect(roleAtLeast("editor", "editor")).toBe(true);
    expect(roleAtLeast("viewer", "editor")).toBe(false);
    expect(roleAtLeast("editor", "admin")).toBe(false);
  });

  it.each([
    ["browse", ["viewer", "editor", "admin"]],
    ["workChecklists", ["editor", "admin"]],
    ["manageOwnDigest", ["editor", "admin"]],
    ["collect", ["editor", "admin"]],
    ["manageAccounts", ["admin"]],
    ["manageUsers", ["admin"]],
    ["readAuditLog", ["admin"]],
  ] as Array<[Capability, string[]]>)("lets exactly the right roles %s", (capability, allowed) => {
    expect(ROLES.filter((role) => roleAllows(role, capability))).toEqual(allowed);
  });

  it("gives every capability a role", () => {
    for (const role of Object.values(CAPABILITY_ROLE)) expect(ROLES).toContain(role);
  });

  it("takes the lower of two roles", () => {
    expect(lowerRole("admin", "viewer")).toBe("viewer");
    expect(lowerRole("editor", "admin")).toBe("editor");
  });
});
