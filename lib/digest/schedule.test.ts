import { describe, expect, it } from "vitest";
import { describeSchedule, dueSlot, formatSlotTime, isValidTimeZone, latestSlot, nextSlot, slotOfWeekContaining, type DigestSchedule } from "./schedule";

const mondayNineBerlin: DigestSchedule = { weekday: 1, hour: 9, timeZone: "Europe/Berlin" };
const utc = (iso: string) => new Date(iso);

describe("slotOfWeekContaining", () => {
  it.each([
    // Monday 09:00 Europe/Berlin across the March change (last Sunday of March, 29 March 2026).
    ["the week before the spring change (CET, UTC+1)", "2026-03-25T12:00:00Z", "2026-W13", "2026-03-23T08:00:00.000Z"],
    ["the week after the spring change (CEST, UTC+2)", "2026-04-01T12:00:00Z", "2026-W14", "2026-03-30T07:00:00.000Z"],
    // …and across the October change (25 October 2026).
    ["the week before the autumn change (CEST)", "2026-10-21T12:00:00Z", "2026-W43", "2026-10-19T07:00:00.000Z"],
    ["the week after the autumn change (CET)", "2026-10-28T12:00:00Z", "2026-W44", "2026-10-26T08:00:00.000Z"],
  ])("puts Monday 09:00 Berlin at the right UTC instant in %s", (_label, instant, week, at) => {
    const slot = slotOfWeekContaining(mondayNineBerlin, utc(instant));
    expect(slot.week).toBe(week);
    expect(slot.at.toISOString()).toBe(at);
  });

  it("moves an hour that does not exist (02:00 on the spring-forward Sunday) to the end of the gap, 03:00 CEST", () => {
    const slot = slotOfWeekContaining({ weekday: 7, hour: 2, timeZone: "Europe/Berlin" }, utc("2026-03-27T00:00:00Z"));
    expect(slot.at.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(formatSlotTime(slot.at, "Europe/Berlin")).toBe("Sun 29 Mar 2026, 03:00 GMT+2");
  });

  it("sends an hour that happens twice (02:00 on the fall-back Sunday) at its first occurrence, in summer time", () => {
    const slot = slotOfWeekContaining({ weekday: 7, hour: 2, timeZone: "Europe/Berlin" }, utc("2026-10-22T00:00:00Z"));
    expect(slot.at.toISOString()).toBe("2026-10-25T00:00:00.000Z");
  });

  it("follows the zone's own DST dates (America/New_York changes on 8 March 2026, before Europe)", () => {
    const monday = { weekday: 1, hour: 9, timeZone: "America/New_York" };
    expect(slotOfWeekContaining(monday, utc("2026-03-04T12:00:00Z")).at.toISOString()).toBe("2026-03-02T14:00:00.000Z");
    expect(slotOfWeekContaining(monday, utc("2026-03-11T12:00:00Z")).at.toISOString()).toBe("2026-03-09T13:00:00.000Z");
  });

  it("names ISO weeks by week-year at the turn of the year (1 January 2027 is in 2026-W53)", () => {
    expect(slotOfWeekContaining({ weekday: 5, hour: 8, timeZone: "UTC" }, utc("2027-01-01T10:00:00Z")).week).toBe("2026-W53");
    expect(slotOfWeekContaining({ weekday: 1, hour: 8, timeZone: "UTC" }, utc("2025-12-30T10:00:00Z")).week).toBe("2026-W01");
  });

  it("uses the week of the subscriber's zone, not UTC's (Monday 00:30 in Tokyo is still Sunday in UTC)", () => {
    const tokyo = { weekday: 1, hour: 0, timeZone: "Asia/Tokyo" };
    const slot = slotOfWeekContaining(tokyo, utc("2026-03-29T15:30:00Z"));
    expect(slot).toEqual({ week: "2026-W14", at: utc("2026-03-29T15:00:00.000Z") });
  });
});

describe("latestSlot and nextSlot", () => {
  it.each([
    ["just before the slot", "2026-03-30T06:59:59Z", "2026-03-23T08:00:00.000Z", "2026-03-30T07:00:00.000Z"],
    ["exactly at the slot", "2026-03-30T07:00:00Z", "2026-03-30T07:00:00.000Z", "2026-04-06T07:00:00.000Z"],
    ["later in the week", "2026-04-02T10:00:00Z", "2026-03-30T07:00:00.000Z", "2026-04-06T07:00:00.000Z"],
  ])("%s", (_label, now, latest, next) => {
    expect(latestSlot(mondayNineBerlin, utc(now)).at.toISOString()).toBe(latest);
    expect(nextSlot(mondayNineBerlin, utc(now)).at.toISOString()).toBe(next);
  });

  it("keeps slots exactly one week apart in wall-clock time, not 168 hours, across a DST change", () => {
    const before = latestSlot(mondayNineBerlin, utc("2026-03-29T12:00:00Z"));
    const after = nextSlot(mondayNineBerlin, utc("2026-03-29T12:00:00Z"));
    expect(after.at.getTime() - before.at.getTime()).toBe(167 * 3_600_000);
  });
});

describe("dueSlot", () => {
  const created = utc("2026-01-01T00:00:00Z");

  it.each([
    ["at the slot", "2026-03-30T07:00:00Z", "2026-W14"],
    ["a few minutes after (the next tick)", "2026-03-30T07:04:00Z", "2026-W14"],
    ["11 hours late (a worker was down)", "2026-03-30T18:00:00Z", "2026-W14"],
    ["more than 12 hours late: the week is skipped", "2026-03-30T19:00:01Z", null],
    ["before this week's slot: last week's is long past", "2026-03-30T06:59:00Z", null],
  ])("%s", (_label, now, week) => {
    expect(dueSlot(mondayNineBerlin, utc(now), created)?.week ?? null).toBe(week);
  });

  it("waits for next week when the subscription was created or changed after this week's slot", () => {
    expect(dueSlot(mondayNineBerlin, utc("2026-03-30T07:30:00Z"), utc("2026-03-30T07:10:00Z"))).toBeNull();
    expect(dueSlot(mondayNineBerlin, utc("2026-03-30T07:30:00Z"), utc("2026-03-30T06:50:00Z"))?.week).toBe("2026-W14");
  });
});

describe("time zones and descriptions", () => {
  it.each([
    ["Europe/Berlin", true],
    ["UTC", true],
    ["America/Argentina/Buenos_Aires", true],
    ["Mars/Olympus_Mons", false],
    ["", false],
  ])("isValidTimeZone(%s) is %s", (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });

  it("describes a schedule in words", () => {
    expect(describeSchedule(mondayNineBerlin)).toBe("Monday 09:00 (Europe/Berlin)");
    expect(describeSchedule({ weekday: 7, hour: 18, timeZone: "UTC" })).toBe("Sunday 18:00 (UTC)");
  });
});
