import type { Metadata } from "next";
import Link from "next/link";
import { OutboxList } from "@/components/digest/outbox-list";
import { MailPreview, PlainTextPreview } from "@/components/digest/mail-preview";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { listOutbox, readOutboxMessage } from "@/lib/digest/outbox";
import { mailDestination, outboxDirectory } from "@/lib/digest/transport";
import { env } from "@/lib/env";
import type { RawSearchParams } from "../_lib/digest-params";
import { requirePage } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Local outbox" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function OutboxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePage("manageDigests");
  const params = await searchParams;
  const config = env();
  const directory = outboxDirectory(config.dataDir);
  const view = first(params.view) === "text" ? "text" : "html";
  const [outbox, message] = await Promise.all([listOutbox(directory), first(params.file) ? readOutboxMessage(directory, first(params.file)!) : Promise.resolve(null)]);
  const selected = message ?? null;
  const href = (query: Record<string, string>) => `/digests/outbox?${new URLSearchParams(query).toString()}`;
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/digests">← Weekly digest</Link>}
        title="Local outbox"
        description={
          <>
            Digests written to <code className="break-all">{directory}</code> because no mail server is configured. Each is a complete .eml file that any mail client opens.
          </>
        }
      />
      <div className="space-y-6">
        {mailDestination(config).kind === "smtp" ? <Notice tone="info">SMTP_URL is set: new digests are sent over SMTP; this lists what was written before.</Notice> : null}
        {outbox.total === 0 ? (
          <EmptyState title="The outbox is empty">
            Digests appear here when they are due, or right away with “Send me a test digest now” on the <Link href="/digests">digest page</Link>.
          </EmptyState>
        ) : (
          <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <section aria-labelledby="outbox-title" className="card self-start overflow-hidden">
              <h2 id="outbox-title" className="px-4 pt-4 text-lg font-semibold">
                Messages <span className="text-sm font-normal muted">{outbox.total > outbox.entries.length ? `newest ${outbox.entries.length} of ${outbox.total}` : outbox.total}</span>
              </h2>
              <OutboxList entries={outbox.entries} selected={selected?.file} hrefFor={(file) => href({ file })} />
            </section>
            <section aria-labelledby="message-title" className="card min-w-0 overflow-hidden">
              {selected ? (
                <div className="space-y-3 p-4">
                  <h2 id="message-title" className="text-lg font-semibold break-words">
                    {selected.subject}
                  </h2>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="muted">To</dt>
                    <dd className="break-all">{selected.to}</dd>
                    <dt className="muted">From</dt>
                    <dd className="break-all">{selected.from}</dd>
                    {Object.entries(selected.headers).map(([name, value]) => (
                      <div key={name} className="contents">
                        <dt className="muted">{name}</dt>
                        <dd className="font-mono text-xs break-all">{value}</dd>
                      </div>
                    ))}
                  </dl>
                  <div className="flex flex-wrap gap-2 text-sm">
                    <Link href={href({ file: selected.file })} aria-current={view === "html" ? "page" : undefined}>
                      HTML
                    </Link>
                    <span aria-hidden="true">·</span>
                    <Link href={href({ file: selected.file, view: "text" })} aria-current={view === "text" ? "page" : undefined}>
                      Plain text
                    </Link>
                    <span aria-hidden="true">·</span>
                    <a href={`/digests/outbox/${encodeURIComponent(selected.file)}`} download>
                      Download .eml
                    </a>
                  </div>
                  {view === "html" ? <MailPreview html={selected.html} title={`Preview of ${selected.subject}`} /> : <PlainTextPreview text={selected.text} label="Plain-text part" />}
                </div>
              ) : (
                <p id="message-title" className="px-4 py-6 text-sm muted">
                  {first(params.file) ? "That message is not in the outbox." : "Choose a message to preview it."}
                </p>
              )}
            </section>
          </div>
        )}
      </div>
    </>
  );
}
