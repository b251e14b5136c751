/**
 * Evidence for "used recently", shared by principals.unused (exercise 5) and credentials.unused
 * (exercise 6): the last-use date of an active identity moves with every use, and storing it
 * would open a new finding interval each run (DESIGN.md, "Scale"). What the pass rests on is that
 * some use fell inside the window; the exact date stays in the reason.
 */
import type { JsonValue } from "./types";

export function recentUseEvidence<F extends { [key: string]: JsonValue }>(facts: F, withinDays: number): F & { usedWithinDays: number } {
  return { ...facts, usedWithinDays: withinDays };
}
