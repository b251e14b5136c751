/**
 * When a weekly digest is due. A subscription names an ISO weekday, an hour and an IANA time
 * zone; each ISO week (in that zone) has one slot, and the week's key ("2026-W13") is what makes
 * a delivery unique. Wall-clock times are resolved with luxon, which knows every zone's DST rules:
 * - an hour that does not exist (the spring-forward gap) moves to the first instant after the gap
 *   (02:00 on the last Sunday of March in Europe/Berlin is sent at 03:00 CEST);
 * - an hour that happens twice (the autumn fall-back) is sent at its first occurrence.
 */
import { DateTime, type WeekdayNumbers } from "luxon";

export interface DigestSchedule {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 0–23, wall-clock in `timeZone`. */
  hour: number;
  timeZone: string;
}

export interface WeeklySlot {
  /** The ISO week of the slot in the subscription's zone, e.g. "2026-W13". */
  week: string;
  at: Date;
}

/** A worker that was down at the slot still sends this long after it; later, the week is skipped. */
export const CATCH_UP_MS = 12 * 3_600_000;

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export function isValidTimeZone(timeZone: string): boolean {
  return timeZone.trim() !== "" && DateTime.now().setZone(timeZone).isValid;
}

function weekKey(weekYear: number, weekNumber: number): string {
  return `${weekYear}-W${String(weekNumber).padStart(2, "0")}`;
}

function slotIn(schedule: DigestSchedule, weekYear: number, weekNumber: number): WeeklySlot {
  const local = DateTime.fromObject(
    { weekYear, weekNumber, weekday: schedule.weekday as WeekdayNumbers, hour: schedule.hour },
    { zone: schedule.timeZone },
  );
  if (!local.isValid) throw new RangeError(`No digest slot for ${JSON.stringify(schedule)}: ${local.invalidExplanation ?? local.invalidReason}`);
  // luxon resolves an ambiguous wall-clock time to the later offset; the hour before has the
  // same wall-clock time exactly when the hour happens twice, and then the earlier one is the slot.
  const hourEarlier = local.minus({ hours: 1 });
  const at = hourEarlier.hour === local.hour && hourEarlier.day === local.day ? hourEarlier : local;
  return { week: weekKey(weekYear, weekNumber), at: at.toJSDate() };
}

/** The slot of the ISO week that contains `instant` in the schedule's zone. */
export function slotOfWeekContaining(schedule: DigestSchedule, instant: Date): WeeklySlot {
  const local = DateTime.fromJSDate(instant, { zone: schedule.timeZone });
  return slotIn(schedule, local.weekYear, local.weekNumber);
}

/** The last slot at or before `now`. */
export function latestSlot(schedule: DigestSchedule, now: Date): WeeklySlot {
  const thisWeek = slotOfWeekContaining(schedule, now);
  if (thisWeek.at.getTime() <= now.getTime()) return thisWeek;
  const weekBefore = DateTime.fromJSDate(now, { zone: schedule.timeZone }).minus({ weeks: 1 });
  return slotIn(schedule, weekBefore.weekYear, weekBefore.weekNumber);
}

/** The first slot after `now`. */
export function nextSlot(schedule: DigestSchedule, now: Date): WeeklySlot {
  const thisWeek = slotOfWeekContaining(schedule, now);
  if (thisWeek.at.getTime() > now.getTime()) return thisWeek;
  const weekAfter = DateTime.fromJSDate(now, { zone: schedule.timeZone }).plus({ weeks: 1 });
  return slotIn(schedule, weekAfter.weekYear, weekAfter.weekNumber);
}

/**
 * The slot a delivery is due for at `now`, or null. A slot counts only when the subscription,
 * as it is now, already existed then (`notBefore`: its last change), so creating, editing or
 * resuming it after this week's time waits for next week instead of sending at once.
 */
export function dueSlot(schedule: DigestSchedule, now: Date, notBefore: Date, catchUpMs = CATCH_UP_MS): WeeklySlot | null {
  const slot = latestSlot(schedule, now);
  const at = slot.at.getTime();
  if (at < notBefore.getTime()) return null;
  if (now.getTime() - at > catchUpMs) return null;
  return slot;
}

/** "Monday 09:00 (Europe/Berlin)". */
export function describeSchedule(schedule: DigestSchedule): string {
  return `${WEEKDAY_NAMES[schedule.weekday - 1] ?? `day ${schedule.weekday}`} ${String(schedule.hour).padStart(2, "0")}:00 (${schedule.timeZone})`;
}

/** "Mon 30 Mar 2026, 09:00 CEST", in the schedule's zone. */
export function formatSlotTime(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat("ccc d LLL yyyy, HH:mm ZZZZ");
}
