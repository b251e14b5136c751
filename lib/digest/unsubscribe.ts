/**
 * Unsubscribing with the signed link of an email: checked here for the confirmation page and
 * the one-click endpoint alike. A valid link unsubscribes; anything else (a made-up id, another
 * subscription's token, a link from before a resubscribe) does nothing and says so.
 */
import "server-only";
import { getDigestSubscription, getOrCreateDigestSigningKey, isSubscriptionId, unsubscribeDigest } from "@/lib/db/digest-subscriptions";
import { verifyUnsubscribe } from "./unsubscribe-token";

export type UnsubscribeLink =
  | { valid: false }
  | { valid: true; subscriptionId: string; email: string; unsubscribedAt: Date | null };

export async function checkUnsubscribeLink(subscriptionId: string | null, token: string | null): Promise<UnsubscribeLink> {
  if (!subscriptionId || !token || !isSubscriptionId(subscriptionId) || token.length > 200) return { valid: false };
  const subscription = await getDigestSubscription(subscriptionId);
  if (!subscription || !verifyUnsubscribe(await getOrCreateDigestSigningKey(), subscription, token)) return { valid: false };
  return { valid: true, subscriptionId: subscription.id, email: subscription.email, unsubscribedAt: subscription.unsubscribedAt };
}

/** Idempotent: a second click, or a mail client's retry, is a success too. */
export async function unsubscribeWithLink(subscriptionId: string | null, token: string | null, now: Date): Promise<UnsubscribeLink> {
  const link = await checkUnsubscribeLink(subscriptionId, token);
  if (!link.valid) return link;
  await unsubscribeDigest(link.subscriptionId, now);
  return { ...link, unsubscribedAt: link.unsubscribedAt ?? now };
}
