/**
 * Due dates and risk-acceptance expiries are calendar days ("2026-12-31"), not instants: people
 * pick a day. Days are read in UTC so every process and every viewer agrees on when one starts.
 */
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** True for a real calendar day written YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Midnight UTC at the start of `day`. */
export function startOfDay(day: string): Date {
  if (!isCalendarDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  return new Date(`${day}T00:00:00.000Z`);
}

export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** An acceptance that expires on a day ends when that day begins: on the expiry day it reopens. */
export function hasExpired(expiresOn: string, at: Date): boolean {
  return at.getTime() >= startOfDay(expiresOn).getTime();
}

/** Due on a day means done by the end of it: overdue from the next day on. */
export function isPastDue(dueOn: string, at: Date): boolean {
  return at.getTime() >= startOfDay(dueOn).getTime() + DAY_MS;
}
