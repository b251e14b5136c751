import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { ALERT_EVENT_WORDS, DESTINATION_TYPE_WORDS, describeAlertScope } from "@/lib/alerts/destination";
import { SEVERITY_WORDS } from "@/lib/alerts/destination-form";
import type { AlertDestinationView } from "@/lib/db/alert-destinations";
import { AlertDeliveryBadge, destinationIsFailing } from "./alert-delivery-badge";

export function describeEvents(events: AlertDestinationView["events"]): string {
  return events.map((event) => ALERT_EVENT_WORDS[event]).join("; ");
}

export function sourceWords(source: AlertDestinationView["source"]): string {
  return source === "config" ? "Configuration file" : "Web";
}

/** Every destination with where it goes, what it sends and how its last delivery went. */
export function AlertDestinationTable({ destinations }: { destinations: AlertDestinationView[] }) {
  return (
    <div className="card overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase muted">
          <tr>
            <th scope="col" className="px-4 py-2">Name</th>
            <th scope="col" className="px-4 py-2">Where</th>
            <th scope="col" className="px-4 py-2">Sends</th>
            <th scope="col" className="px-4 py-2">Added in</th>
            <th scope="col" className="px-4 py-2">Last delivery</th>
          </tr>
        </thead>
        <tbody>
          {destinations.map((destination) => (
            <tr key={destination.id} className="border-t border-zinc-200 align-top dark:border-zinc-800">
              <td className="px-4 py-3">
                <Link href={`/settings/alerts/${destination.id}`} className="font-medium">
                  {destination.name}
                </Link>
                <div className="mt-1 flex flex-wrap gap-1">
                  {destination.enabled ? null : <span className="text-xs muted">Turned off</span>}
                  {destinationIsFailing(destination.lastDelivery) ? <AlertDeliveryBadge status="failing" /> : null}
                </div>
              </td>
              <td className="px-4 py-3">
                {DESTINATION_TYPE_WORDS[destination.type]}
                <div className="font-mono text-xs muted">{destination.host}</div>
              </td>
              <td className="px-4 py-3">
                {SEVERITY_WORDS[destination.minSeverity]}
                <div className="text-xs muted">{describeEvents(destination.events)}</div>
                <div className="text-xs muted">{describeAlertScope(destination.scope)}</div>
              </td>
              <td className="px-4 py-3">{sourceWords(destination.source)}</td>
              <td className="px-4 py-3">
                {destination.lastDelivery ? (
                  <>
                    <AlertDeliveryBadge status={destination.lastDelivery.status} />
                    <div className="mt-1 text-xs muted">
                      <RelativeTime date={destination.lastDelivery.at} />
                      {destination.lastDelivery.responseStatus !== null ? <>, answered {destination.lastDelivery.responseStatus}</> : null}
                      {destination.failedInRow > 1 ? <>, {destination.failedInRow} failed in a row</> : null}
                    </div>
                  </>
                ) : (
                  <span className="muted">None yet</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
