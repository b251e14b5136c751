import type { Metadata } from "next";
import { AccountChecklistTable, OverdueItemsTable } from "@/components/checklist/organization-checklist";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getOrganizationChecklist } from "@/lib/db/checklist-read";
import { requirePage } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checklists" };

export default async function ChecklistsPage() {
  await requirePage("browse");
  const now = new Date();
  const organization = await getOrganizationChecklist(now);
  return (
    <>
      <PageHeader
        title="Remediation checklists"
        description="Open work per account, and what is overdue. Each account's checklist has the steps and commands; the next collection verifies what is marked done."
      />
      {organization.accounts.length === 0 ? (
        <EmptyState title="No checklist items yet">Items appear when a collection finds a failing check; collect your accounts to start.</EmptyState>
      ) : (
        <div className="space-y-8">
          <section aria-labelledby="per-account" className="card overflow-hidden">
            <h2 id="per-account" className="px-4 pt-4 text-lg font-semibold">
              Per account
            </h2>
            <AccountChecklistTable accounts={organization.accounts} />
          </section>
          <section aria-labelledby="overdue" className="card overflow-hidden">
            <h2 id="overdue" className="px-4 pt-4 text-lg font-semibold">
              Overdue
              <span className="ml-2 text-sm font-normal muted">
                {organization.overdueTotal} item{organization.overdueTotal === 1 ? "" : "s"}
                {organization.overdueTotal > organization.overdue.length ? `, the ${organization.overdue.length} due longest ago shown` : ""}
              </span>
            </h2>
            {organization.overdue.length === 0 ? <p className="px-4 py-6 text-sm muted">Nothing is overdue.</p> : <OverdueItemsTable items={organization.overdue} />}
          </section>
        </div>
      )}
    </>
  );
}
