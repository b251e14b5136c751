import Link from "next/link";
import type { DeliveryView } from "@/lib/db/digest-deliveries";
import type { DigestSubscriptionView } from "@/lib/db/digest-subscriptions";
import { describeSchedule, formatSlotTime, nextSlot } from "@/lib/digest/schedule";
import { describeScope } from "@/lib/digest/scope";
import { DeliveryStatusBadge } from "./delivery-status-badge";

export function subscriptionState(subscription: Pick<DigestSubscriptionView, "paused" | "unsubscribedAt">): string {
  if (subscription.unsubscribedAt) return "Unsubscribed";
  return subscription.paused ? "Paused" : "Active";
}

/** Every subscription, with when its next digest comes and how the last one went. */
export function SubscriptionsTable({
  subscriptions,
  latest,
  selectedId,
  hrefFor,
  now,
}: {
  subscriptions: DigestSubscriptionView[];
  latest: Map<string, DeliveryView>;
  selectedId?: string;
  hrefFor: (subscriptionId: string) => string;
  now: Date;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Digest subscriptions</caption>
        <thead>
          <tr>
            <th scope="col">Recipient</th>
            <th scope="col">Accounts</th>
            <th scope="col">Schedule</th>
            <th scope="col">Next digest</th>
            <th scope="col">State</th>
            <th scope="col">Last delivery</th>
          </tr>
        </thead>
        <tbody>
          {subscriptions.map((subscription) => {
            const active = !subscription.paused && !subscription.unsubscribedAt;
            const last = latest.get(subscription.id);
            return (
              <tr key={subscription.id} aria-current={subscription.id === selectedId ? "true" : undefined} className={subscription.id === selectedId ? "bg-indigo-50 dark:bg-indigo-950/40" : undefined}>
                <td className="break-all">
                  <Link href={hrefFor(subscription.id)}>{subscription.email}</Link>
                </td>
                <td>{describeScope(subscription.scope)}</td>
                <td className="whitespace-nowrap">{describeSchedule(subscription.schedule)}</td>
                <td className="whitespace-nowrap">{active ? formatSlotTime(nextSlot(subscription.schedule, now).at, subscription.schedule.timeZone) : <span className="muted">—</span>}</td>
                <td>{subscriptionState(subscription)}</td>
                <td>{last ? <DeliveryStatusBadge status={last.status} /> : <span className="muted">None yet</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
