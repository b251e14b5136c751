import Link from "next/link";
import { RelativeTime, formatUtc } from "@/components/ui/relative-time";
import type { DeliveryView } from "@/lib/db/digest-deliveries";
import { MAX_ATTEMPTS } from "@/lib/digest/retry-policy";
import { DeliveryStatusBadge } from "./delivery-status-badge";

function outcome(delivery: DeliveryView, now: Date) {
  switch (delivery.status) {
    case "sent":
      return (
        <>
          Sent <RelativeTime date={delivery.sentAt} now={now} />
          {delivery.transport === "outbox" && delivery.outboxFile ? (
            <>
              {" "}
              to the <Link href={`/digests/outbox?file=${encodeURIComponent(delivery.outboxFile)}`}>local outbox</Link>
            </>
          ) : delivery.transport === "smtp" ? (
            " over SMTP"
          ) : null}
        </>
      );
    case "retrying":
      return (
        <>
          Attempt {delivery.attempts} of {MAX_ATTEMPTS} failed; next attempt <RelativeTime date={delivery.nextAttemptAt} now={now} />
        </>
      );
    case "failed":
      return <>Gave up after {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"}</>;
    case "pending":
      return <>Waiting for a worker</>;
    case "sending":
      return <>Attempt {delivery.attempts} in progress</>;
    case "skipped":
      return null;
  }
}

/** Every email of one subscription, newest first, with what happened to it and why. */
export function DeliveryHistory({ deliveries, now }: { deliveries: DeliveryView[]; now: Date }) {
  if (deliveries.length === 0) return <p className="px-4 py-6 text-sm muted">No digest has been sent yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Delivery history</caption>
        <thead>
          <tr>
            <th scope="col">Digest</th>
            <th scope="col">Scheduled for</th>
            <th scope="col">Status</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id}>
              <td className="whitespace-nowrap">{delivery.kind === "test" ? "Test" : `Week ${delivery.week}`}</td>
              <td className="whitespace-nowrap">
                <time dateTime={delivery.scheduledFor.toISOString()}>{formatUtc(delivery.scheduledFor)}</time>
              </td>
              <td>
                <DeliveryStatusBadge status={delivery.status} />
              </td>
              <td className="text-sm">
                <div>{outcome(delivery, now)}</div>
                {delivery.lastError ? <div className="mt-1 max-w-xl break-words text-xs text-red-800 dark:text-red-300">{delivery.lastError}</div> : null}
                <div className="text-xs muted">to {delivery.recipient}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
