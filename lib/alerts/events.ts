/**
 * Alert events, from what collections stored: a failing interval that starts a failure (opened),
 * one that starts a failure again after the finding passed or went away (reopened), and checklist
 * items past their due day (overdue). A failing interval that only continues a failure (its
 * evidence or severity changed while it kept failing) is no event. Each event has a key naming the
 * interval or the item and its due day: deliveries are unique per destination and key.
 */
import type { ExerciseNumber, Severity } from "@/lib/checks/types";
import { accountInAlertScope, meetsMinimumSeverity, type AlertEventType, type AlertScope, type ScopedAlertAccount } from "./destination";

/** Event keys: a finding interval, or a checklist item and its due day (lib/db/alert-deliveries.ts matches on them). */
export const FINDING_EVENT_KEY_PREFIX = "finding-interval:";
export const OVERDUE_EVENT_KEY_PREFIX = "checklist-overdue:";

export interface AlertAccount extends ScopedAlertAccount {
  name: string;
}

/** A failing finding interval opened by a collection, with how the finding stood just before. */
export interface NewFailingInterval {
  intervalId: string;
  account: AlertAccount;
  checkId: string;
  checkTitle: string;
  exercise: ExerciseNumber;
  severity: Severity;
  resourceId: string;
  resourceName: string;
  resourceType: string;
  region: string | null;
  reason: string;
  firstSeenAt: Date;
  /** none: never failed before; continued: the interval before it also failed, back to back; earlier: it failed before, then passed or went away. */
  before: "none" | "continued" | "earlier";
}

export interface OverdueChecklistItem {
  itemId: string;
  account: AlertAccount;
  checkId: string;
  checkTitle: string;
  exercise: ExerciseNumber;
  severity: Severity;
  resourceId: string;
  resourceName: string;
  resourceType: string;
  region: string | null;
  /** The due day, YYYY-MM-DD. */
  dueOn: string;
}

export interface AlertEvent {
  key: string;
  event: AlertEventType;
  occurredAt: Date;
  account: AlertAccount;
  check: { id: string; title: string; exercise: ExerciseNumber; severity: Severity };
  resource: { id: string; name: string; type: string; region: string | null };
  /** fail for findings, overdue for checklist items. */
  status: "fail" | "overdue";
  /** A sentence a person reads: the finding's reason, or the item's due day. */
  summary: string;
  /** Path of the page to open, made absolute with the public URL when sent. */
  path: string;
}

export function findingEvents(intervals: NewFailingInterval[], pathOf: (interval: NewFailingInterval) => string): AlertEvent[] {
  return intervals.flatMap((interval): AlertEvent[] => {
    if (interval.before === "continued") return [];
    return [
      {
        key: `${FINDING_EVENT_KEY_PREFIX}${interval.intervalId}`,
        event: interval.before === "earlier" ? "finding_reopened" : "finding_opened",
        occurredAt: interval.firstSeenAt,
        account: interval.account,
        check: { id: interval.checkId, title: interval.checkTitle, exercise: interval.exercise, severity: interval.severity },
        resource: { id: interval.resourceId, name: interval.resourceName, type: interval.resourceType, region: interval.region },
        status: "fail",
        summary: interval.reason,
        path: pathOf(interval),
      },
    ];
  });
}

/** Overdue from the day after the due day; `today` is YYYY-MM-DD in UTC. */
export function overdueEvents(items: OverdueChecklistItem[], today: string, pathOf: (item: OverdueChecklistItem) => string): AlertEvent[] {
  return items
    .filter((item) => item.dueOn < today)
    .map((item) => ({
      key: `${OVERDUE_EVENT_KEY_PREFIX}${item.itemId}:${item.dueOn}`,
      event: "checklist_overdue" as const,
      occurredAt: new Date(`${item.dueOn}T00:00:00.000Z`),
      account: item.account,
      check: { id: item.checkId, title: item.checkTitle, exercise: item.exercise, severity: item.severity },
      resource: { id: item.resourceId, name: item.resourceName, type: item.resourceType, region: item.region },
      status: "overdue" as const,
      summary: `The checklist item for ${item.resourceName} was due on ${item.dueOn} and is not done.`,
      path: pathOf(item),
    }));
}

export interface DestinationFilter {
  minSeverity: Severity;
  events: AlertEventType[];
  scope: AlertScope;
  /** Events before the destination existed are history, not alerts. */
  createdAt: Date;
}

export function eventsForDestination(destination: DestinationFilter, events: AlertEvent[]): AlertEvent[] {
  return events.filter(
    (event) =>
      destination.events.includes(event.event) &&
      meetsMinimumSeverity(event.check.severity, destination.minSeverity) &&
      accountInAlertScope(destination.scope, event.account) &&
      // An overdue item's day is a date without time: it counts when it falls after creation day.
      (event.event === "checklist_overdue" ? event.occurredAt.getTime() + 86_400_000 > destination.createdAt.getTime() : event.occurredAt >= destination.createdAt),
  );
}
