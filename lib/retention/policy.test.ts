import { describe, expect, it } from "vitest";
import { planRetention, prunedDetailNote } from "./policy";

const now = new Date("2026-12-07T03:00:00.000Z");

describe("retention plan", () => {
  it("cuts snapshot detail at the snapshot window and history at the history window, from the clock given", () => {
    const plan = planRetention({ snapshotDays: 90, historyDays: 400 }, now);
    expect(plan.snapshotCutoff.toISOString()).toBe("2026-09-08T03:00:00.000Z");
    expect(plan.historyCutoff.toISOString()).toBe("2025-11-02T03:00:00.000Z");
  });

  it("never deletes history (runs) whose snapshot detail is still kept", () => {
    const plan = planRetention({ snapshotDays: 30, historyDays: 7 }, now);
    expect(plan.historyCutoff.getTime()).toBe(plan.snapshotCutoff.getTime());
    expect(plan.historyDays).toBe(30);
  });

  it.each([
    [{ snapshotDays: 0, historyDays: 400 }],
    [{ snapshotDays: 90, historyDays: -1 }],
    [{ snapshotDays: 1.5, historyDays: 400 }],
  ])("refuses a window that is not a positive whole number of days (%o)", (settings) => {
    expect(() => planRetention(settings, now)).toThrow(/whole number of days/);
  });

  it("tells the reader how long detail is kept", () => {
    expect(prunedDetailNote(90)).toBe("Details of this collection are no longer kept (older than 90 days).");
  });
});
