import Link from "next/link";
import { buttonClass } from "@/components/ui/button-classes";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { DeliveryView } from "@/lib/db/digest-deliveries";
import type { DigestSubscriptionView } from "@/lib/db/digest-subscriptions";
import { describeSchedule, formatSlotTime, nextSlot } from "@/lib/digest/schedule";
import { describeScope } from "@/lib/digest/scope";
import { DeleteSubscriptionButton } from "./delete-subscription-button";
import { DeliveryHistory } from "./delivery-history";
import { MailPreview, PlainTextPreview } from "./mail-preview";
import { subscriptionState } from "./subscriptions-table";

type FormAction = (formData: FormData) => Promise<void>;

export interface SubscriptionPanelActions {
  sendTest: FormAction;
  setPaused: FormAction;
  resubscribe: FormAction;
  remove: FormAction;
}

function HiddenId({ id }: { id: string }) {
  return <input type="hidden" name="subscriptionId" value={id} />;
}

/** One subscription: what it is, what it would send now, and what it has sent. */
export function SubscriptionPanel({
  subscription,
  preview,
  view,
  viewHref,
  deliveries,
  actions,
  destination,
  now,
}: {
  subscription: DigestSubscriptionView;
  preview: { subject: string; html: string; text: string } | { error: string };
  view: "html" | "text";
  viewHref: (view: "html" | "text") => string;
  deliveries: DeliveryView[];
  actions: SubscriptionPanelActions;
  destination: { kind: "smtp" | "outbox"; description: string };
  now: Date;
}) {
  const unsubscribed = subscription.unsubscribedAt !== null;
  const next = !subscription.paused && !unsubscribed ? nextSlot(subscription.schedule, now) : null;
  return (
    <div className="space-y-6">
      <section aria-labelledby="subscription-title" className="card p-5">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h2 id="subscription-title" className="text-lg font-semibold break-all">
              {subscription.email}
            </h2>
            <p className="mt-1 text-sm muted">
              {subscriptionState(subscription)} · {describeScope(subscription.scope)} · {describeSchedule(subscription.schedule)}
            </p>
            <p className="mt-1 text-sm">
              {next ? (
                <>
                  Next digest: <strong>{formatSlotTime(next.at, subscription.schedule.timeZone)}</strong>
                </>
              ) : unsubscribed ? (
                "Unsubscribed with the link in a digest; no more digests are sent."
              ) : (
                "Paused; no digests are sent until it is resumed."
              )}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            {!unsubscribed ? (
              <form action={actions.sendTest}>
                <HiddenId id={subscription.id} />
                <SubmitButton pendingLabel="Queuing…">Send me a test digest now</SubmitButton>
              </form>
            ) : null}
            {unsubscribed ? (
              <form action={actions.resubscribe}>
                <HiddenId id={subscription.id} />
                <SubmitButton variant="secondary" pendingLabel="Subscribing…">
                  Subscribe again
                </SubmitButton>
              </form>
            ) : (
              <form action={actions.setPaused}>
                <HiddenId id={subscription.id} />
                <input type="hidden" name="paused" value={subscription.paused ? "0" : "1"} />
                <SubmitButton variant="secondary" pendingLabel={subscription.paused ? "Resuming…" : "Pausing…"}>
                  {subscription.paused ? "Resume" : "Pause"}
                </SubmitButton>
              </form>
            )}
            <DeleteSubscriptionButton action={actions.remove} subscriptionId={subscription.id} email={subscription.email} />
          </div>
        </div>
        <p className="mt-3 text-xs muted">
          Emails go to the {destination.kind === "outbox" ? <Link href="/digests/outbox">{destination.description}</Link> : destination.description}.
        </p>
      </section>

      <section aria-labelledby="preview-title" className="card overflow-hidden">
        <div className="flex flex-wrap items-center justify-between gap-3 px-4 pt-4">
          <h2 id="preview-title" className="text-lg font-semibold">
            Preview
            <span className="ml-2 text-sm font-normal muted">what the digest would say if it were sent now</span>
          </h2>
          <nav aria-label="Preview format" className="flex gap-1">
            {(["html", "text"] as const).map((format) => (
              <Link key={format} href={viewHref(format)} aria-current={view === format ? "page" : undefined} className={buttonClass(view === format ? "primary" : "secondary", "sm")}>
                {format === "html" ? "HTML" : "Plain text"}
              </Link>
            ))}
          </nav>
        </div>
        <div className="p-4">
          {"error" in preview ? (
            <Notice tone="error">The preview could not be made: {preview.error}</Notice>
          ) : (
            <>
              <p className="mb-3 text-sm">
                <span className="muted">Subject:</span> <strong>{preview.subject}</strong>
              </p>
              {view === "html" ? <MailPreview html={preview.html} title={`Preview of the digest for ${subscription.email}`} /> : <PlainTextPreview text={preview.text} label="Plain-text part" />}
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="history-title" className="card overflow-hidden">
        <h2 id="history-title" className="px-4 pt-4 text-lg font-semibold">
          Delivery history
        </h2>
        <DeliveryHistory deliveries={deliveries} now={now} />
      </section>
    </div>
  );
}
