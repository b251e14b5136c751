/**
 * Which subscriptions are due at a tick: each active subscription whose weekly slot has come
 * (lib/digest/schedule.ts, dueSlot). Returning a week that already has a delivery is harmless:
 * the unique (subscription, week) row turns it into nothing.
 */
import { CATCH_UP_MS, dueSlot, type DigestSchedule } from "./schedule";

export interface SubscriptionSchedule {
  id: string;
  email: string;
  schedule: DigestSchedule;
  changedAt: Date;
}

export interface PlannedDelivery {
  subscriptionId: string;
  week: string;
  scheduledFor: Date;
  recipient: string;
}

export function planDueDeliveries(subscriptions: SubscriptionSchedule[], now: Date, catchUpMs = CATCH_UP_MS): PlannedDelivery[] {
  return subscriptions.flatMap((subscription) => {
    const slot = dueSlot(subscription.schedule, now, subscription.changedAt, catchUpMs);
    return slot ? [{ subscriptionId: subscription.id, week: slot.week, scheduledFor: slot.at, recipient: subscription.email }] : [];
  });
}
