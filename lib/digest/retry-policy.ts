/**
 * How a delivery that could not be sent is retried: exponential backoff from one minute, at most
 * six attempts in about five and a half hours, so a mail server down for a maintenance window still
 * gets this week's digest while a misconfiguration ends as "failed" the same day. A recipient the
 * server refuses for good (550–554) is not retried.
 */
export const MAX_ATTEMPTS = 6;
const FIRST_DELAY_MS = 60_000;
const FACTOR = 4;
const MAX_DELAY_MS = 4 * 3_600_000;

/** Delay after failed attempt number `attempt` (1-based): 1 min, 4 min, 16 min, 64 min, 4 h. */
export function retryDelayMs(attempt: number, firstDelayMs = FIRST_DELAY_MS): number {
  return Math.min(firstDelayMs * FACTOR ** Math.max(0, attempt - 1), MAX_DELAY_MS);
}

/** SMTP replies that mean "this message will never be accepted" (RFC 5321 §4.2.3). */
export function isPermanentRejection(responseCode: number | undefined): boolean {
  return responseCode !== undefined && responseCode >= 550 && responseCode <= 554;
}

export type FailurePlan = { retry: true; nextAttemptAt: Date } | { retry: false };

export function planAfterFailure(attempt: number, responseCode: number | undefined, now: Date, firstDelayMs?: number): FailurePlan {
  if (isPermanentRejection(responseCode) || attempt >= MAX_ATTEMPTS) return { retry: false };
  return { retry: true, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt, firstDelayMs)) };
}
