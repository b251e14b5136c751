import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { checkUnsubscribeLink } from "@/lib/digest/unsubscribe";
import type { RawSearchParams } from "@/app/(dashboard)/digests/_lib/digest-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

/**
 * Where the email's "Unsubscribe" link leads. Opening it changes nothing (link scanners open every
 * link); the button posts to the one-click endpoint, as a mail client's unsubscribe button does.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const subscriptionId = first(params.s);
  const token = first(params.t);
  const link = first(params.invalid) ? ({ valid: false } as const) : await checkUnsubscribeLink(subscriptionId, token);
  if (!link.valid) {
    return (
      <EmptyState title="This unsubscribe link does not work" headingLevel={1}>
        It may be incomplete, or from an email sent before the subscription was changed. Use the link in your latest digest, or manage subscriptions on the{" "}
        <Link href="/digests">digest page</Link>.
      </EmptyState>
    );
  }
  const action = `/api/digest/unsubscribe?${new URLSearchParams({ s: link.subscriptionId, t: token ?? "" }).toString()}`;
  return (
    <div className="mx-auto max-w-lg">
      <section className="card space-y-4 p-6">
        <h1 className="text-xl font-semibold">Weekly iamfit digest</h1>
        {link.unsubscribedAt ? (
          <Notice tone="success" role="status" title="You are unsubscribed">
            <p>
              <strong className="break-all">{link.email}</strong> gets no more weekly digests from this subscription.
            </p>
          </Notice>
        ) : (
          <form method="post" action={action} className="space-y-4">
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <input type="hidden" name="source" value="page" />
            <p className="text-sm">
              Stop sending the weekly digest to <strong className="break-all">{link.email}</strong>?
            </p>
            <SubmitButton variant="danger">Unsubscribe</SubmitButton>
          </form>
        )}
        <p className="text-xs muted">
          Changed your mind, or want a different schedule? <Link href={`/digests?subscription=${link.subscriptionId}`}>Manage this subscription</Link>.
        </p>
      </section>
    </div>
  );
}
