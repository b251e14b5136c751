/**
 * From stored findings to sent alerts: find the events every enabled destination should get and
 * create their deliveries (once each, whoever scans), then send one delivery: claim it, build the
 * destination's request, post it, record the answer and plan the retry.
 */
import "server-only";
import { getCheck } from "@/lib/checks/registry";
import { createAlertDeliveries, claimAlertDelivery, listNewFailingIntervals, listOverdueChecklistItems, markAlertAttemptFailed, markAlertSent } from "@/lib/db/alert-deliveries";
import { getStoredDestination, listStoredDestinations, type StoredDestination } from "@/lib/db/alert-destinations";
import { accountHref, resourceHref } from "@/lib/scorecard/links";
import { severitiesFrom } from "./destination";
import { eventsForDestination, findingEvents, overdueEvents, type AlertEvent } from "./events";
import { webhookBody, type WebhookBody } from "./messages";
import { openAlertSecret } from "./secret-box";
import { alertRequest, planAfterAlertFailure, postAlert, type AttemptOutcome } from "./send-alert";

/** How far back a scan looks: a worker down for days still sends what happened, not last year's history. */
const SCAN_WINDOW_MS = 7 * 24 * 3_600_000;

const titleOf = (checkId: string) => getCheck(checkId)?.title ?? checkId;

export interface StoredAlertPayload {
  body: WebhookBody;
  summary: string;
}

function payloadOf(event: AlertEvent, baseUrl: string): StoredAlertPayload {
  return { body: webhookBody(event, `${baseUrl}${event.path}`), summary: event.summary };
}

/**
 * Creates the deliveries every enabled destination is owed; returns the ids created. Each
 * destination reads only what it has not had yet, at its severities, since it exists (at most a
 * week back): a tick every minute stays small however many findings failed before.
 */
export async function createDueAlertDeliveries(now: Date, baseUrl: string): Promise<string[]> {
  const destinations = await listStoredDestinations({ enabledOnly: true });
  const today = now.toISOString().slice(0, 10);
  const created: string[] = [];
  for (const destination of destinations) {
    const owedTo = { destinationId: destination.id, severities: severitiesFrom(destination.minSeverity) };
    const since = new Date(Math.max(destination.createdAt.getTime(), now.getTime() - SCAN_WINDOW_MS));
    const events = [
      ...(destination.events.some((event) => event !== "checklist_overdue")
        ? findingEvents(await listNewFailingIntervals(since, owedTo, titleOf), (interval) => resourceHref(interval.account.awsAccountId, interval.resourceId))
        : []),
      ...(destination.events.includes("checklist_overdue")
        ? overdueEvents(await listOverdueChecklistItems(today, owedTo, titleOf), today, (item) => `${accountHref(item.account.awsAccountId)}/checklist`)
        : []),
    ];
    const owed = eventsForDestination(destination, events);
    created.push(
      ...(await createAlertDeliveries(
        destination.id,
        owed.map((event) => ({ eventKey: event.key, event: event.event, occurredAt: event.occurredAt, payload: { ...payloadOf(event, baseUrl) } as never })),
      )),
    );
  }
  return created;
}

export interface AlertSendContext {
  now: () => Date;
  authSecret: string;
  env: Record<string, string | undefined>;
  staleClaimMs: number;
  firstRetryDelayMs?: number;
  fetchImpl?: typeof fetch;
  log: (line: string) => void;
}

export type AlertSendOutcome =
  | { status: "not-claimed" }
  | { status: "sent"; responseStatus: number }
  | { status: "retrying"; nextAttemptAt: Date; error: string }
  | { status: "failed"; error: string };

async function secretsOf(destination: StoredDestination, context: AlertSendContext): Promise<{ url: string; secret: string | null } | { error: string }> {
  const url = await openAlertSecret(destination.urlEncrypted, context.authSecret).catch(() => null);
  if (url === null) return { error: "The stored webhook URL cannot be read: the auth secret changed since it was saved. Enter the URL again." };
  if (destination.type !== "webhook") return { url, secret: null };
  if (destination.secretEnv) {
    const secret = context.env[destination.secretEnv];
    return secret ? { url, secret } : { error: `The signing secret variable ${destination.secretEnv} is not set in the worker's environment.` };
  }
  if (!destination.secretEncrypted) return { url, secret: null };
  const secret = await openAlertSecret(destination.secretEncrypted, context.authSecret).catch(() => null);
  return secret === null ? { error: "The stored signing secret cannot be read: the auth secret changed since it was saved. Enter it again." } : { url, secret };
}

export async function sendAlertDelivery(deliveryId: string, context: AlertSendContext): Promise<AlertSendOutcome> {
  const claim = await claimAlertDelivery(deliveryId, context.now(), context.staleClaimMs);
  if (!claim) return { status: "not-claimed" };
  const destination = await getStoredDestination(claim.destinationId);
  const payload = claim.payload as unknown as StoredAlertPayload;
  let outcome: AttemptOutcome;
  const secrets = destination ? await secretsOf(destination, context) : { error: "The destination was deleted." };
  if ("error" in secrets) {
    outcome = { delivered: false, responseStatus: null, error: secrets.error, retryable: false };
  } else {
    const request = alertRequest({ type: destination!.type, ...secrets }, payload.body, payload.summary, claim.eventKey, context.now());
    outcome = await postAlert(request, context.fetchImpl);
  }
  if (outcome.delivered) {
    await markAlertSent(claim, context.now(), outcome.responseStatus);
    return { status: "sent", responseStatus: outcome.responseStatus };
  }
  const plan = planAfterAlertFailure(claim.attempt, outcome.retryable, context.now(), context.firstRetryDelayMs);
  await markAlertAttemptFailed(claim, { responseStatus: outcome.responseStatus, error: outcome.error, nextAttemptAt: plan.retry ? plan.nextAttemptAt : null });
  context.log(`alerts: delivery ${deliveryId} to ${destination?.name ?? "a deleted destination"} ${plan.retry ? "will be retried" : "failed"}: ${outcome.error}`);
  return plan.retry ? { status: "retrying", nextAttemptAt: plan.nextAttemptAt, error: outcome.error } : { status: "failed", error: outcome.error };
}

/** A test alert to one destination, recorded in its log like any other; returns its delivery id. */
export async function createTestAlert(destination: Pick<StoredDestination, "id" | "name">, baseUrl: string, now: Date): Promise<string> {
  const body: WebhookBody = {
    event: "test",
    occurredAt: now.toISOString(),
    account: { id: "000000000000", name: "Test account" },
    check: { id: "test", title: "A test alert from iamfit", exercise: 1, severity: "high" },
    resource: { id: "test", name: "nothing: this is a test", type: "account", region: null },
    status: "test",
    link: `${baseUrl}/settings/alerts`,
  };
  const payload: StoredAlertPayload = { body, summary: `A test alert for the destination ${destination.name}. If you can read this, alerts reach you.` };
  const [id] = await createAlertDeliveries(destination.id, [{ eventKey: `test:${now.getTime()}:${Math.random().toString(36).slice(2)}`, event: "test", occurredAt: now, payload: { ...payload } as never }]);
  return id!;
}
