import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { mayManageSubscription, subscriptionEmailFor } from "./subscription-access";

const person = (role: SessionUser["role"], id = "u1", email = "ed@example.com"): SessionUser => ({ id, email, name: "Ed", role, authMethod: "password" });

describe("digest subscription access", () => {
  it("lets an editor manage their own subscriptions only", () => {
    expect(mayManageSubscription(person("editor"), { userId: "u1", email: "x@example.com" })).toBe(true);
    expect(mayManageSubscription(person("editor"), { userId: "u2", email: "ed@example.com" })).toBe(false);
  });

  it("lets an editor claim an ownerless subscription to their own email", () => {
    expect(mayManageSubscription(person("editor"), { userId: null, email: "ED@example.com" })).toBe(true);
    expect(mayManageSubscription(person("editor"), { userId: null, email: "other@example.com" })).toBe(false);
  });

  it("lets an admin manage everyone's", () => {
    expect(mayManageSubscription(person("admin"), { userId: "u2", email: "other@example.com" })).toBe(true);
  });

  it("sends an editor's subscription to their own email whatever the form says", () => {
    expect(subscriptionEmailFor(person("editor"), "victim@example.com")).toBe("ed@example.com");
    expect(subscriptionEmailFor(person("admin"), "team@example.com")).toBe("team@example.com");
  });
});
