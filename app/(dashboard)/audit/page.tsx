import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClass } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith } from "@/components/ui/href";
import { PageHeader } from "@/components/ui/page-header";
import { auditQueryFrom, decodeAuditCursor, encodeAuditCursor, parseAuditParams, type RawSearchParams } from "@/lib/audit/audit-params";
import { requirePage } from "@/lib/auth/guards";
import { listAuditActions, listAuditEvents } from "@/lib/db/audit";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const PERIODS = [
  { days: 1, label: "Last 24 hours" },
  { days: 7, label: "Last 7 days" },
  { days: 30, label: "Last 30 days" },
  { days: 365, label: "Last year" },
];

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePage("readAuditLog");
  const params = parseAuditParams(await searchParams);
  const now = new Date();
  const query = auditQueryFrom(params, now);
  const [page, actions] = await Promise.all([listAuditEvents(query, { cursor: decodeAuditCursor(params.before), limit: PAGE_SIZE }), listAuditActions()]);
  const families = [...new Set(actions.map((action) => `${action.split(".")[0]}.`))];
  const filters = { action: params.action, outcome: params.outcome, actor: params.actor, target: params.target, days: params.days };
  const filtered = Object.values(filters).some((value) => value !== undefined);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, when and from where: sign-ins and their failures, accounts linked and removed, settings, roles, checklist changes and API token use. Entries are never changed or deleted."
        actions={
          <>
            <a className={buttonClass("secondary", "sm")} href={hrefWith("/audit/export", { ...filters, format: "csv" })}>
              Export CSV
            </a>
            <a className={buttonClass("secondary", "sm")} href={hrefWith("/audit/export", { ...filters, format: "json" })}>
              Export JSON
            </a>
          </>
        }
      />
      <form method="get" className="card mb-4 flex flex-wrap items-end gap-4 p-4" aria-label="Filter the audit log">
        <div>
          <label htmlFor="audit-action" className="field-label">Action</label>
          <select id="audit-action" name="action" className="input mt-1" defaultValue={params.action ?? ""}>
            <option value="">All actions</option>
            {families.map((family) => (
              <option key={family} value={family}>
                {family}* (all)
              </option>
            ))}
            {actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-outcome" className="field-label">Outcome</label>
          <select id="audit-outcome" name="outcome" className="input mt-1" defaultValue={params.outcome ?? ""}>
            <option value="">Any</option>
            <option value="success">Success</option>
            <option value="failure">Failure</option>
            <option value="denied">Denied</option>
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="field-label">Who (email contains)</label>
          <input id="audit-actor" name="actor" className="input mt-1" defaultValue={params.actor ?? ""} />
        </div>
        <div>
          <label htmlFor="audit-days" className="field-label">Period</label>
          <select id="audit-days" name="days" className="input mt-1" defaultValue={params.days?.toString() ?? ""}>
            <option value="">All time</option>
            {PERIODS.map((period) => (
              <option key={period.days} value={period.days}>
                {period.label}
              </option>
            ))}
          </select>
        </div>
        {params.target ? <input type="hidden" name="target" value={params.target} /> : null}
        <button type="submit" className={buttonClass("primary", "md")}>
          Filter
        </button>
        {filtered ? (
          <Link href="/audit" className="self-center text-sm">
            Clear filters
          </Link>
        ) : null}
      </form>
      <section className="card overflow-hidden" aria-label="Audit events">
        {page.rows.length > 0 ? (
          <>
            <AuditTable rows={page.rows} now={now} />
            <nav aria-label="Audit log pages" className="flex justify-between gap-3 border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
              {params.before ? <Link href={hrefWith("/audit", filters)}>← Newest</Link> : <span />}
              {page.next ? <Link href={hrefWith("/audit", { ...filters, before: encodeAuditCursor(page.next) })}>Older →</Link> : <span className="muted">End of the log</span>}
            </nav>
          </>
        ) : (
          <EmptyState title={filtered ? "No events match these filters" : "No events yet"}>
            {filtered ? "Widen the period or clear the filters." : "Sign-ins, changes and API token use appear here as they happen."}
          </EmptyState>
        )}
      </section>
    </>
  );
}
