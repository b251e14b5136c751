import { z } from "zod";
import { formatUtc } from "@/components/ui/relative-time";
import { ALERT_EVENT_WORDS } from "@/lib/alerts/destination";
import type { AlertDeliveryView } from "@/lib/db/alert-deliveries";
import { AlertDeliveryBadge } from "./alert-delivery-badge";

/** What the log shows of a stored payload; anything else in it is not read. */
const loggedPayloadSchema = z.object({
  body: z.object({
    account: z.object({ id: z.string(), name: z.string() }),
    check: z.object({ title: z.string() }),
    resource: z.object({ name: z.string() }).optional(),
  }),
});

function eventWords(event: string): string {
  return Object.hasOwn(ALERT_EVENT_WORDS, event) ? ALERT_EVENT_WORDS[event as keyof typeof ALERT_EVENT_WORDS] : "Other";
}

/** One row a delivery, newest first: what was sent, how it went, and when it is tried next. */
export function AlertDeliveryLog({ deliveries }: { deliveries: AlertDeliveryView[] }) {
  return (
    <div className="card overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Deliveries to this destination, newest first</caption>
        <thead className="text-left text-xs uppercase muted">
          <tr>
            <th scope="col" className="px-4 py-2">Time</th>
            <th scope="col" className="px-4 py-2">Event</th>
            <th scope="col" className="px-4 py-2">Account</th>
            <th scope="col" className="px-4 py-2">Check</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Answer</th>
            <th scope="col" className="px-4 py-2">Attempts</th>
            <th scope="col" className="px-4 py-2">Next attempt</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => {
            const payload = loggedPayloadSchema.safeParse(delivery.payload);
            const body = payload.success ? payload.data.body : null;
            return (
              <tr key={delivery.id} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                <td className="px-4 py-2 whitespace-nowrap">{formatUtc(delivery.sentAt ?? delivery.createdAt)}</td>
                <td className="px-4 py-2">{eventWords(delivery.event)}</td>
                <td className="px-4 py-2">
                  {body ? (
                    <>
                      {body.account.name} <span className="font-mono text-xs muted">{body.account.id}</span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-4 py-2">
                  {body?.check.title ?? "—"}
                  {body?.resource ? <div className="text-xs muted">{body.resource.name}</div> : null}
                </td>
                <td className="px-4 py-2">
                  <AlertDeliveryBadge status={delivery.status} />
                </td>
                <td className="px-4 py-2">
                  {delivery.responseStatus !== null ? <span className="font-mono">{delivery.responseStatus}</span> : null}
                  {delivery.lastError ? <div className="text-xs break-words muted">{delivery.lastError}</div> : delivery.responseStatus === null ? "—" : null}
                </td>
                <td className="px-4 py-2">{delivery.attempts}</td>
                <td className="px-4 py-2 whitespace-nowrap">{delivery.nextAttemptAt ? formatUtc(delivery.nextAttemptAt) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
