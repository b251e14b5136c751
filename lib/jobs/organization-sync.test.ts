import { describe, expect, it } from "vitest";
import { isOrganizationSyncDue } from "./organization-sync";

const now = new Date("2026-11-23T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("isOrganizationSyncDue", () => {
  it.each([
    ["never synced, in use", { intervalHours: 24, inUse: true, latest: null }, true],
    ["never configured or discovered", { intervalHours: 24, inUse: false, latest: null }, false],
    ["turned off", { intervalHours: 0, inUse: true, latest: null }, false],
    ["synced 23 h ago, every 24 h", { intervalHours: 24, inUse: true, latest: { startedAt: hoursAgo(23), status: "succeeded" } }, false],
    ["synced 24 h ago, every 24 h", { intervalHours: 24, inUse: true, latest: { startedAt: hoursAgo(24), status: "succeeded" } }, true],
    ["failed 1 h ago: retried hourly", { intervalHours: 24, inUse: true, latest: { startedAt: hoursAgo(1), status: "failed" } }, true],
    ["failed 30 min ago", { intervalHours: 24, inUse: true, latest: { startedAt: hoursAgo(0.5), status: "failed" } }, false],
    ["still running", { intervalHours: 6, inUse: true, latest: { startedAt: hoursAgo(1), status: "running" } }, false],
  ])("%s: %s", (_name, input, expected) => {
    expect(isOrganizationSyncDue({ now, ...input })).toBe(expected);
  });
});
