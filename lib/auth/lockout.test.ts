import { describe, expect, it } from "vitest";
import { lockoutMessage, lockoutState } from "./lockout";

const now = new Date("2026-12-02T10:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("lockoutState", () => {
  it("stays open below five failures in the window", () => {
    expect(lockoutState([minutesAgo(1), minutesAgo(2), minutesAgo(3), minutesAgo(4)], now)).toEqual({ locked: false });
  });

  it("locks at five failures within 15 minutes, until 15 minutes after the last one", () => {
    expect(lockoutState([minutesAgo(1), minutesAgo(2), minutesAgo(3), minutesAgo(4), minutesAgo(14)], now)).toEqual({
      locked: true,
      retryAt: new Date(now.getTime() + 14 * 60_000),
    });
  });

  it("ignores failures older than the window", () => {
    expect(lockoutState([minutesAgo(1), minutesAgo(2), minutesAgo(3), minutesAgo(4), minutesAgo(16)], now)).toEqual({ locked: false });
  });

  it("opens again once the last failure is 15 minutes old", () => {
    const failures = [0, 1, 2, 3, 4].map((offset) => minutesAgo(15 + offset));
    expect(lockoutState(failures, now)).toEqual({ locked: false });
  });

  it("tells when to retry, in UTC", () => {
    expect(lockoutMessage(new Date("2026-12-02T10:14:30Z"))).toBe("Too many failed sign-ins for this email. Try again after 10:14 UTC.");
  });
});
