/**
 * One HTTP attempt at a destination, and what to do after a failure: a 2xx is delivered; a
 * timeout, a network error, 408, 429 or a 5xx is retried with backoff (1, 4, 16, 64 minutes, then
 * every 4 hours, six attempts); any other answer (404: the webhook was deleted, 400: it refuses
 * the payload) will not change by retrying and fails at once. Either way the delivery log keeps
 * the status and the answer.
 */
import { retryDelayMs } from "@/lib/digest/retry-policy";
import type { DestinationType } from "./destination";
import { signatureHeader, SIGNATURE_HEADER, slackMessage, teamsMessage, type WebhookBody } from "./messages";

export const MAX_ALERT_ATTEMPTS = 6;
const TIMEOUT_MS = 10_000;

export interface AlertRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface DestinationSecrets {
  type: DestinationType;
  url: string;
  /** The webhook's signing secret; null for Slack and Teams. */
  secret: string | null;
}

export function alertRequest(destination: DestinationSecrets, body: WebhookBody, summary: string, deliveryKey: string, now: Date): AlertRequest {
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "iamfit-alerts" };
  if (destination.type === "slack") return { url: destination.url, headers, body: JSON.stringify(slackMessage(body, summary)) };
  if (destination.type === "teams") return { url: destination.url, headers, body: JSON.stringify(teamsMessage(body, summary)) };
  const raw = JSON.stringify(body);
  // The key names the event, so a receiver can drop a delivery it already has (a worker that
  // crashed between sending and recording sends it once more).
  headers["x-iamfit-delivery"] = deliveryKey;
  if (destination.secret) headers[SIGNATURE_HEADER.toLowerCase()] = signatureHeader(destination.secret, raw, Math.floor(now.getTime() / 1000));
  return { url: destination.url, headers, body: raw };
}

export type AttemptOutcome = { delivered: true; responseStatus: number } | { delivered: false; responseStatus: number | null; error: string; retryable: boolean };

export async function postAlert(request: AlertRequest, fetchImpl: typeof fetch = fetch, timeoutMs = TIMEOUT_MS): Promise<AttemptOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(request.url, { method: "POST", headers: request.headers, body: request.body, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { delivered: false, responseStatus: null, error: timedOut ? `No answer within ${timeoutMs / 1000} seconds` : `Could not connect${cause}`, retryable: true };
  }
  const text = (await response.text().catch(() => "")).slice(0, 300);
  if (response.status >= 200 && response.status < 300) return { delivered: true, responseStatus: response.status };
  const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
  return { delivered: false, responseStatus: response.status, error: `Answered ${response.status}${text ? `: ${text}` : ""}`, retryable };
}

export type AlertFailurePlan = { retry: true; nextAttemptAt: Date } | { retry: false };

export function planAfterAlertFailure(attempt: number, retryable: boolean, now: Date, firstDelayMs?: number): AlertFailurePlan {
  if (!retryable || attempt >= MAX_ALERT_ATTEMPTS) return { retry: false };
  return { retry: true, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt, firstDelayMs)) };
}
