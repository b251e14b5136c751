"use server";

/**
 * The digest page's changes: editors manage their own subscriptions, admins everyone's. The
 * owner check is in one place, `subscriptionFor`; every action below goes through it.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { SubscriptionFormState } from "@/components/digest/subscription-form";
import { createTestDelivery } from "@/lib/db/digest-deliveries";
import {
  createDigestSubscription,
  deleteDigestSubscription,
  getDigestSubscription,
  resubscribeDigest,
  setDigestSubscriptionPaused,
  updateDigestSubscription,
  type DigestSubscriptionRecord,
} from "@/lib/db/digest-subscriptions";
import { authorizedAction, toNotAllowedPage, type ActionContext } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session-user";
import { mayManageSubscription, subscriptionEmailFor } from "@/lib/digest/subscription-access";
import { readSubscriptionForm, subscriptionFieldErrors, subscriptionFormSchema } from "@/lib/digest/subscription-input";
import { enqueueDigestSends } from "@/lib/jobs/digest-jobs";
import { processServices } from "@/lib/runtime/process-services";
import { digestPageHref, type DigestNotice } from "../_lib/digest-params";

/** The subscription the form names, if this person may manage it (someone else's reads as absent). */
async function subscriptionFor(user: SessionUser, formData: FormData): Promise<DigestSubscriptionRecord | undefined> {
  const id = formData.get("subscriptionId");
  const subscription = typeof id === "string" ? await getDigestSubscription(id) : undefined;
  return subscription && mayManageSubscription(user, subscription) ? subscription : undefined;
}

function auditSubscription(context: ActionContext, change: string, subscription: { id: string; email: string }) {
  return context.audit({ action: "digest.subscription_changed", target: { type: "digest_subscription", id: subscription.id, label: subscription.email }, detail: { change } });
}

function done(subscription: string | undefined, notice: DigestNotice): never {
  revalidatePath("/digests");
  redirect(digestPageHref({ subscription, notice }));
}

/** Creates a subscription, or saves the one named by `subscriptionId`; field errors come back to the form. */
export const saveSubscriptionAction = authorizedAction(
  "manageOwnDigest",
  async (context, previous: SubscriptionFormState, formData: FormData): Promise<SubscriptionFormState> => {
  const raw = readSubscriptionForm(formData);
  raw.email = subscriptionEmailFor(context.user, String(raw.email ?? ""));
  const values = {
    email: String(raw.email),
    scope: String(raw.scope),
    accounts: raw.accounts as string[],
    tags: String(raw.tags),
    weekday: String(raw.weekday),
    hour: String(raw.hour),
    timeZone: String(raw.timeZone),
  };
  const parsed = subscriptionFormSchema.safeParse(raw);
  if (!parsed.success) return { ...previous, values, fieldErrors: subscriptionFieldErrors(parsed.error) };
  const editing = formData.get("subscriptionId");
  let id: string;
  try {
    if (typeof editing === "string" && editing !== "") {
      const existing = await subscriptionFor(context.user, formData);
      if (!existing || !(await updateDigestSubscription(existing.id, parsed.data))) {
        return { ...previous, values, fieldErrors: { form: "This subscription no longer exists." } };
      }
      id = existing.id;
    } else {
      id = (await createDigestSubscription(parsed.data, parsed.data.email.toLowerCase() === context.user.email.toLowerCase() ? context.user.id : null)).id;
    }
    await auditSubscription(context, typeof editing === "string" && editing !== "" ? "saved" : "created", { id, email: parsed.data.email });
  } catch (error) {
    return { ...previous, values, fieldErrors: { form: `The subscription was not saved: ${error instanceof Error ? error.message : String(error)}` } };
  }
  done(id, typeof editing === "string" && editing !== "" ? "saved" : "created");
  },
  (message, previous) => ({ ...previous, fieldErrors: { form: message } }),
);

export const setPausedAction = authorizedAction("manageOwnDigest", async (context, formData: FormData): Promise<void> => {
  const subscription = await subscriptionFor(context.user, formData);
  if (!subscription) done(undefined, "not-found");
  const paused = formData.get("paused") === "1";
  await setDigestSubscriptionPaused(subscription.id, paused);
  await auditSubscription(context, paused ? "paused" : "resumed", subscription);
  done(subscription.id, paused ? "paused" : "resumed");
}, toNotAllowedPage("manageOwnDigest"));

export const resubscribeAction = authorizedAction("manageOwnDigest", async (context, formData: FormData): Promise<void> => {
  const subscription = await subscriptionFor(context.user, formData);
  if (!subscription) done(undefined, "not-found");
  await resubscribeDigest(subscription.id);
  await auditSubscription(context, "resubscribed", subscription);
  done(subscription.id, "resubscribed");
}, toNotAllowedPage("manageOwnDigest"));

export const deleteSubscriptionAction = authorizedAction("manageOwnDigest", async (context, formData: FormData): Promise<void> => {
  const subscription = await subscriptionFor(context.user, formData);
  if (subscription) {
    await deleteDigestSubscription(subscription.id);
    await auditSubscription(context, "deleted", subscription);
  }
  done(undefined, subscription ? "deleted" : "not-found");
}, toNotAllowedPage("manageOwnDigest"));

/** "Send me a test digest now": a test delivery, sent by a worker like any other, with its retries. */
export const sendTestDigestAction = authorizedAction("manageOwnDigest", async (context, formData: FormData): Promise<void> => {
  const subscription = await subscriptionFor(context.user, formData);
  if (!subscription) done(undefined, "not-found");
  let boss;
  try {
    boss = processServices().boss;
  } catch {
    done(subscription.id, "no-worker");
  }
  const deliveryId = await createTestDelivery(subscription.id, subscription.email, new Date());
  await enqueueDigestSends(boss, [deliveryId]);
  await auditSubscription(context, "test_sent", subscription);
  done(subscription.id, "test-queued");
}, toNotAllowedPage("manageOwnDigest"));
