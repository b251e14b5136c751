import { describe, expect, it } from "vitest";
import { isPermanentRejection, MAX_ATTEMPTS, planAfterFailure, retryDelayMs } from "./retry-policy";

describe("retryDelayMs", () => {
  it("backs off exponentially from one minute and stays at four hours", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelayMs(attempt) / 60_000)).toEqual([1, 4, 16, 64, 240, 240, 240]);
  });

  it("scales from a shorter first delay (tests use seconds)", () => {
    expect([1, 2, 3].map((attempt) => retryDelayMs(attempt, 100))).toEqual([100, 400, 1600]);
  });
});

describe("planAfterFailure", () => {
  const now = new Date("2026-03-30T07:00:00Z");

  it.each([
    ["a temporary rejection (451)", 1, 451, { retry: true, nextAttemptAt: new Date("2026-03-30T07:01:00Z") }],
    ["a connection error (no reply code)", 2, undefined, { retry: true, nextAttemptAt: new Date("2026-03-30T07:04:00Z") }],
    ["an authentication failure (535), which an admin can fix", 1, 535, { retry: true, nextAttemptAt: new Date("2026-03-30T07:01:00Z") }],
    ["a mailbox that does not exist (550)", 1, 550, { retry: false }],
    ["a message refused for good (554)", 1, 554, { retry: false }],
    ["the last allowed attempt", MAX_ATTEMPTS, 451, { retry: false }],
  ])("after %s", (_label, attempt, code, plan) => {
    expect(planAfterFailure(attempt, code, now)).toEqual(plan);
  });

  it("treats only 550–554 as permanent", () => {
    expect([421, 450, 451, 452, 500, 535, 549, 550, 554, 555].map(isPermanentRejection)).toEqual([false, false, false, false, false, false, false, true, true, false]);
  });
});
