import { describe, expect, it } from "vitest";
import { newUnsubscribeSecret, signUnsubscribe, verifyUnsubscribe } from "./unsubscribe-token";

const key = "installation-signing-key";
const subscription = { id: "7d4c1d0e-3a55-4b8e-9f61-3c1f4a5b6c7d", unsubscribeSecret: "secret-1" };

describe("unsubscribe tokens", () => {
  it("verifies a token it signed, and it is URL-safe", () => {
    const token = signUnsubscribe(key, subscription);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribe(key, subscription, token)).toBe(true);
  });

  it.each([
    ["another subscription's token", (token: string) => verifyUnsubscribe(key, { ...subscription, id: "00000000-0000-4000-8000-000000000000" }, token)],
    ["a token signed before the secret was renewed", (token: string) => verifyUnsubscribe(key, { ...subscription, unsubscribeSecret: "secret-2" }, token)],
    ["a token from another installation", (token: string) => verifyUnsubscribe("other-key", subscription, token)],
    ["a truncated token", (token: string) => verifyUnsubscribe(key, subscription, token.slice(0, -1))],
    ["an empty token", () => verifyUnsubscribe(key, subscription, "")],
  ])("rejects %s", (_label, check) => {
    expect(check(signUnsubscribe(key, subscription))).toBe(false);
  });

  it("makes a fresh random secret each time", () => {
    expect(newUnsubscribeSecret()).not.toBe(newUnsubscribeSecret());
    expect(newUnsubscribeSecret()).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});
