import type { Metadata } from "next";
import Link from "next/link";
import { SubscriptionForm, type SubscriptionFormValues } from "@/components/digest/subscription-form";
import { SubscriptionPanel } from "@/components/digest/subscription-panel";
import { SubscriptionsTable } from "@/components/digest/subscriptions-table";
import { AutoRefresh } from "@/components/runs/auto-refresh";
import { buttonClass } from "@/components/ui/button-classes";
import { Notice, type NoticeTone } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { listLinkedAccounts } from "@/lib/db/accounts";
import { latestDeliveries, listDeliveries } from "@/lib/db/digest-deliveries";
import { getDigestSubscription, listDigestSubscriptions, type DigestSubscriptionView } from "@/lib/db/digest-subscriptions";
import { resolveBaseUrl } from "@/lib/digest/links";
import { formatTagFilter } from "@/lib/digest/scope";
import { buildDigestEmail } from "@/lib/digest/send-digest";
import { mailDestination } from "@/lib/digest/transport";
import { env } from "@/lib/env";
import { deleteSubscriptionAction, resubscribeAction, saveSubscriptionAction, sendTestDigestAction, setPausedAction } from "./_actions/subscriptions";
import { digestPageHref, parseDigestPageParams, type DigestNotice, type RawSearchParams } from "./_lib/digest-params";
import { requirePage } from "@/lib/auth/guards";
import { managesAllDigests, mayManageSubscription } from "@/lib/digest/subscription-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Weekly digest" };

const NOTICES: Record<DigestNotice, { tone: NoticeTone; text: string }> = {
  created: { tone: "success", text: "Subscribed. The preview below is what the digest would say now." },
  saved: { tone: "success", text: "Saved." },
  paused: { tone: "success", text: "Paused: no digests until it is resumed." },
  resumed: { tone: "success", text: "Resumed: the next digest comes at its usual time." },
  deleted: { tone: "success", text: "The subscription was deleted." },
  resubscribed: { tone: "success", text: "Subscribed again. Unsubscribe links in earlier emails no longer work." },
  "test-queued": { tone: "info", text: "A test digest is on its way; its delivery appears in the history below." },
  "not-found": { tone: "warning", text: "That subscription does not exist (any more)." },
  "no-worker": { tone: "error", text: "The test digest could not be queued: the job queue is not running in this process. Start iamfit with `npm start`." },
};

function formValues(subscription: DigestSubscriptionView | undefined, defaultEmail: string): SubscriptionFormValues {
  if (!subscription) return { email: defaultEmail, scope: "all", accounts: [], tags: "", weekday: "1", hour: "9", timeZone: "UTC" };
  const { scope, schedule } = subscription;
  return {
    email: subscription.email,
    scope: scope.kind,
    accounts: scope.kind === "accounts" ? scope.awsAccountIds : [],
    tags: scope.kind === "tags" ? scope.tags.map(formatTagFilter).join("\n") : "",
    weekday: String(schedule.weekday),
    hour: String(schedule.hour),
    timeZone: schedule.timeZone,
  };
}

export default async function DigestsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePage("manageOwnDigest");
  const owner = managesAllDigests(user) ? undefined : { userId: user.id, email: user.email };
  const params = parseDigestPageParams(await searchParams);
  const config = env();
  const now = new Date();
  const destination = mailDestination(config);
  const [subscriptions, accounts, selected] = await Promise.all([
    listDigestSubscriptions(owner),
    listLinkedAccounts(),
    params.subscription ? getDigestSubscription(params.subscription).then((found) => (found && mayManageSubscription(user, found) ? found : undefined)) : Promise.resolve(undefined),
  ]);
  const latest = await latestDeliveries(subscriptions.map((subscription) => subscription.id));
  const editing = params.creating ? undefined : selected;
  const [deliveries, preview] = editing
    ? await Promise.all([
        listDeliveries(editing.id),
        buildDigestEmail(editing, now, resolveBaseUrl(config)).then(
          ({ rendered }) => rendered,
          (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
        ),
      ])
    : [[], null];
  const notice = params.notice ? NOTICES[params.notice] : null;
  const timeZones = ["UTC", ...Intl.supportedValuesOf("timeZone")];
  const form = (
    <SubscriptionForm
      key={editing?.id ?? "new"}
      action={saveSubscriptionAction}
      initial={formValues(editing, owner ? user.email : "")}
      emailLocked={owner !== undefined}
      subscriptionId={editing?.id}
      accounts={accounts.map((account) => ({ awsAccountId: account.awsAccountId, name: account.name }))}
      timeZones={timeZones}
    />
  );

  return (
    <>
      <PageHeader
        title="Weekly digest"
        description="A weekly email with the score and its change, new critical and high failures, fixes, overdue checklist items, expiring risk acceptances and accounts that could not be assessed."
        actions={
          <>
            {editing ? (
              <Link href={digestPageHref({ subscription: editing.id, creating: true })} className={buttonClass("primary")}>
                New subscription
              </Link>
            ) : null}
            {destination.kind === "outbox" ? (
              <Link href="/digests/outbox" className={buttonClass("secondary")}>
                Local outbox
              </Link>
            ) : null}
          </>
        }
      />
      <div className="space-y-6">
        {notice ? (
          <Notice tone={notice.tone} role={notice.tone === "error" ? "alert" : "status"}>
            {notice.text}
          </Notice>
        ) : null}
        {destination.kind === "outbox" ? (
          <Notice tone="info" title="No mail server configured">
            Digests are written to the <Link href="/digests/outbox">local outbox</Link> instead of being sent. Set <code>SMTP_URL</code> (for example{" "}
            <code>smtps://user:password@mail.example.com:465</code>) to send them.
          </Notice>
        ) : null}
        {subscriptions.length > 0 ? (
          <section aria-labelledby="subscriptions-title" className="card overflow-hidden">
            <h2 id="subscriptions-title" className="px-4 pt-4 text-lg font-semibold">
              Subscriptions
            </h2>
            <SubscriptionsTable subscriptions={subscriptions} latest={latest} selectedId={editing?.id} hrefFor={(id) => digestPageHref({ subscription: id })} now={now} />
          </section>
        ) : null}
        {editing && preview ? (
          <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
            <AutoRefresh active={deliveries.some((delivery) => delivery.status === "pending" || delivery.status === "sending")} />
            <SubscriptionPanel
              subscription={editing}
              preview={preview}
              view={params.view}
              viewHref={(view) => digestPageHref({ subscription: editing.id, view })}
              deliveries={deliveries}
              actions={{ sendTest: sendTestDigestAction, setPaused: setPausedAction, resubscribe: resubscribeAction, remove: deleteSubscriptionAction }}
              destination={destination}
              now={now}
            />
            <section aria-labelledby="edit-title" className="card self-start p-5">
              <h2 id="edit-title" className="mb-4 text-lg font-semibold">
                Settings
              </h2>
              {form}
            </section>
          </div>
        ) : (
          <section aria-labelledby="new-title" className="card max-w-2xl p-5">
            <h2 id="new-title" className="mb-4 text-lg font-semibold">
              {subscriptions.length === 0 ? "Subscribe to the weekly digest" : "New subscription"}
            </h2>
            {form}
          </section>
        )}
      </div>
    </>
  );
}
