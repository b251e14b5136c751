/**
 * Sending one delivery: claim it (only one worker can), write the digest from the current facts,
 * hand it to the transport and record what happened. A failure is recorded on the delivery with
 * the time of the next attempt (lib/digest/retry-policy.ts); the caller schedules that attempt.
 *
 * Exactly once: the delivery row is unique per (subscription, week) and the claim admits one
 * sender. The one window left is a worker dying after the server accepted the message and before
 * the row says "sent": its claim goes stale and the delivery is sent again, with the same
 * Message-ID, so the copy is recognisable as such. Losing a digest silently would be worse.
 */
import "server-only";
import { claimDelivery, markDeliveryFailed, markDeliveryRetrying, markDeliverySent, markDeliverySkipped } from "@/lib/db/digest-deliveries";
import { getDigestSubscription, getOrCreateDigestSigningKey, type DigestSubscriptionRecord } from "@/lib/db/digest-subscriptions";
import { buildDigest, type DigestModel } from "./content";
import { gatherDigestData } from "./gather-digest-data";
import { DigestLinks } from "./links";
import { composeDigestMessage } from "./message";
import { renderDigest, type RenderedDigest } from "./render-digest";
import { planAfterFailure } from "./retry-policy";
import { MailSendError, type MailTransport } from "./transport";
import { signUnsubscribe } from "./unsubscribe-token";

/** A claim older than this belongs to a worker that died mid-send (well above SMTP's timeouts). */
export const STALE_CLAIM_MS = 10 * 60_000;

export interface DigestSendContext {
  transport: MailTransport;
  from: string;
  baseUrl: string;
  now?: () => Date;
  staleClaimMs?: number;
  /** The first retry's delay; later ones grow from it. Tests shorten it. */
  firstRetryDelayMs?: number;
  log?: (line: string) => void;
}

export type SendOutcome =
  | { status: "sent"; messageId: string }
  | { status: "retrying"; nextAttemptAt: Date; error: string }
  | { status: "failed"; error: string }
  | { status: "skipped"; reason: string }
  /** Not this worker's to send: done already, not due yet, or another worker has it. */
  | { status: "not-claimed" };

export interface DigestEmail {
  model: DigestModel;
  rendered: RenderedDigest;
  unsubscribeToken: string;
}

/** The digest a subscription would receive at `now` (also the page's preview). */
export async function buildDigestEmail(subscription: DigestSubscriptionRecord, now: Date, baseUrl: string): Promise<DigestEmail> {
  const [signingKey, data] = await Promise.all([getOrCreateDigestSigningKey(), gatherDigestData(subscription.scope, now)]);
  const unsubscribeToken = signUnsubscribe(signingKey, subscription);
  const model = buildDigest(data, { links: new DigestLinks(baseUrl), subscriptionId: subscription.id, unsubscribeToken, timeZone: subscription.schedule.timeZone });
  return { model, rendered: await renderDigest(model), unsubscribeToken };
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 1000 ? `${message.slice(0, 999)}…` : message;
}

export async function sendDelivery(deliveryId: string, context: DigestSendContext): Promise<SendOutcome> {
  const clock = context.now ?? (() => new Date());
  const claim = await claimDelivery(deliveryId, clock(), context.staleClaimMs ?? STALE_CLAIM_MS);
  if (!claim) return { status: "not-claimed" };
  const subscription = await getDigestSubscription(claim.subscriptionId);
  const stopped = !subscription ? "the subscription was deleted" : subscription.unsubscribedAt ? "unsubscribed" : claim.kind === "scheduled" && subscription.paused ? "paused" : null;
  if (!subscription || stopped) {
    const reason = `Not sent: ${stopped}`;
    await markDeliverySkipped(claim, reason);
    return { status: "skipped", reason };
  }
  try {
    const { rendered, unsubscribeToken } = await buildDigestEmail(subscription, clock(), context.baseUrl);
    const message = composeDigestMessage({
      rendered,
      from: context.from,
      to: claim.recipient,
      deliveryId: claim.id,
      oneClickUnsubscribeUrl: new DigestLinks(context.baseUrl).oneClickUnsubscribe(subscription.id, unsubscribeToken),
      test: claim.kind === "test",
    });
    const sent = await context.transport.send(message);
    await markDeliverySent(claim, { at: clock(), messageId: sent.messageId, transport: sent.transport, outboxFile: sent.outboxFile, subject: message.subject });
    context.log?.(`digest ${claim.id} (${claim.kind}${claim.week ? ` ${claim.week}` : ""}) sent to ${claim.recipient} via ${context.transport.kind}`);
    return { status: "sent", messageId: sent.messageId };
  } catch (error) {
    const reason = describeError(error);
    const plan = planAfterFailure(claim.attempt, error instanceof MailSendError ? error.responseCode : undefined, clock(), context.firstRetryDelayMs);
    if (plan.retry) {
      await markDeliveryRetrying(claim, reason, plan.nextAttemptAt);
      context.log?.(`digest ${claim.id}: attempt ${claim.attempt} failed (${reason}); next attempt ${plan.nextAttemptAt.toISOString()}`);
      return { status: "retrying", nextAttemptAt: plan.nextAttemptAt, error: reason };
    }
    await markDeliveryFailed(claim, reason);
    context.log?.(`digest ${claim.id}: failed after ${claim.attempt} attempt(s): ${reason}`);
    return { status: "failed", error: reason };
  }
}
