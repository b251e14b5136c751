import { describe, expect, it } from "vitest";
import { planDueDeliveries, type SubscriptionSchedule } from "./due-deliveries";

const longAgo = new Date("2026-01-01T00:00:00Z");
const subscription = (id: string, weekday: number, hour: number, timeZone: string): SubscriptionSchedule => ({
  id,
  email: `${id}@example.com`,
  schedule: { weekday, hour, timeZone },
  changedAt: longAgo,
});

describe("planDueDeliveries", () => {
  it("plans exactly the subscriptions whose slot has come, each for its own week", () => {
    const now = new Date("2026-03-30T07:05:00Z"); // Monday 09:05 in Berlin, 08:05 in London, 03:05 in New York
    const planned = planDueDeliveries(
      [subscription("berlin", 1, 9, "Europe/Berlin"), subscription("london", 1, 8, "Europe/London"), subscription("new-york", 1, 9, "America/New_York")],
      now,
    );
    expect(planned).toEqual([
      { subscriptionId: "berlin", week: "2026-W14", scheduledFor: new Date("2026-03-30T07:00:00Z"), recipient: "berlin@example.com" },
      { subscriptionId: "london", week: "2026-W14", scheduledFor: new Date("2026-03-30T07:00:00Z"), recipient: "london@example.com" },
    ]);
  });

  it("plans the same week again at every tick until the slot is past catching up (the database keeps one)", () => {
    const berlin = [subscription("berlin", 1, 9, "Europe/Berlin")];
    const weeks = ["2026-03-30T07:00:00Z", "2026-03-30T07:01:00Z", "2026-03-30T18:59:00Z", "2026-03-30T19:01:00Z"].map(
      (at) => planDueDeliveries(berlin, new Date(at))[0]?.week ?? null,
    );
    expect(weeks).toEqual(["2026-W14", "2026-W14", "2026-W14", null]);
  });
});
