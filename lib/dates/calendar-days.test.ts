import { describe, expect, it } from "vitest";
import { dayOf, hasExpired, isCalendarDay, isPastDue, startOfDay } from "./calendar-days";

describe("calendar days", () => {
  it.each([
    ["2026-12-31", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-1-05", false],
    ["2026-01-05T00:00:00Z", false],
    ["", false],
  ])("%j is a calendar day: %s", (value, expected) => {
    expect(isCalendarDay(value)).toBe(expected);
  });

  it("starts a day at midnight UTC", () => {
    expect(startOfDay("2026-12-31").toISOString()).toBe("2026-12-31T00:00:00.000Z");
    expect(dayOf(new Date("2026-12-31T23:59:59Z"))).toBe("2026-12-31");
  });

  it("expires an acceptance when its day begins", () => {
    expect(hasExpired("2026-12-31", new Date("2026-12-30T23:59:59.999Z"))).toBe(false);
    expect(hasExpired("2026-12-31", new Date("2026-12-31T00:00:00Z"))).toBe(true);
  });

  it("makes an item overdue the day after it is due", () => {
    expect(isPastDue("2026-12-31", new Date("2026-12-31T23:59:59.999Z"))).toBe(false);
    expect(isPastDue("2026-12-31", new Date("2027-01-01T00:00:00Z"))).toBe(true);
  });
});
