"use server";

/**
 * The digest page's changes. There is no sign-in yet: anyone reaching the page manages any
 * subscription. The auth issue adds the owner check in one place, `subscriptionFor` (and sets
 * `userId` on create); every action below already goes through it.
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
import { readSubscriptionForm, subscriptionFieldErrors, subscriptionFormSchema } from "@/lib/digest/subscription-input";
import { enqueueDigestSends } from "@/lib/jobs/digest-jobs";
import { processServices } from "@/lib/runtime/process-services";
import { digestPageHref, type DigestNotice } from "../_lib/digest-params";

async function subscriptionFor(formData: FormData): Promise<DigestSubscriptionRecord | undefined> {
  const id = formData.get("subscriptionId");
  return typeof id === "string" ? getDigestSubscription(id) : undefined;
}

function done(subscription: string | undefined, notice: DigestNotice): never {
  revalidatePath("/digests");
  redirect(digestPageHref({ subscription, notice }));
}

/** Creates a subscription, or saves the one named by `subscriptionId`; field errors come back to the form. */
export async function saveSubscriptionAction(previous: SubscriptionFormState, formData: FormData): Promise<SubscriptionFormState> {
  const raw = readSubscriptionForm(formData);
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
      const existing = await subscriptionFor(formData);
      if (!existing || !(await updateDigestSubscription(existing.id, parsed.data))) {
        return { ...previous, values, fieldErrors: { form: "This subscription no longer exists." } };
      }
      id = existing.id;
    } else {
      id = (await createDigestSubscription(parsed.data)).id;
    }
  } catch (error) {
    return { ...previous, values, fieldErrors: { form: `The subscription was not saved: ${error instanceof Error ? error.message : String(error)}` } };
  }
  done(id, typeof editing === "string" && editing !== "" ? "saved" : "created");
}

export async function setPausedAction(formData: FormData): Promise<void> {
  const subscription = await subscriptionFor(formData);
  if (!subscription) done(undefined, "not-found");
  const paused = formData.get("paused") === "1";
  await setDigestSubscriptionPaused(subscription.id, paused);
  done(subscription.id, paused ? "paused" : "resumed");
}

export async function resubscribeAction(formData: FormData): Promise<void> {
  const subscription = await subscriptionFor(formData);
  if (!subscription) done(undefined, "not-found");
  await resubscribeDigest(subscription.id);
  done(subscription.id, "resubscribed");
}

export async function deleteSubscriptionAction(formData: FormData): Promise<void> {
  const subscription = await subscriptionFor(formData);
  if (subscription) await deleteDigestSubscription(subscription.id);
  done(undefined, subscription ? "deleted" : "not-found");
}

/** "Send me a test digest now": a test delivery, sent by a worker like any other, with its retries. */
export async function sendTestDigestAction(formData: FormData): Promise<void> {
  const subscription = await subscriptionFor(formData);
  if (!subscription) done(undefined, "not-found");
  let boss;
  try {
    boss = processServices().boss;
  } catch {
    done(subscription.id, "no-worker");
  }
  const deliveryId = await createTestDelivery(subscription.id, subscription.email, new Date());
  await enqueueDigestSends(boss, [deliveryId]);
  done(subscription.id, "test-queued");
}
