import type { Metadata } from "next";
import { AccountChecklistTable, OverdueItemsTable } from "@/components/checklist/organization-checklist";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listAssignableUsers } from "@/lib/db/assignable-users";
import { getOrganizationChecklist } from "@/lib/remediation/checklist-read";
import { ORGANIZATION_PAGE_SIZE, pageOf, parseOrganizationChecklistPages } from "@/lib/remediation/checklist-listing";
import type { RawSearchParams } from "@/lib/remediation/checklist-params";
import { nameLookup } from "@/lib/remediation/people";
import { requirePage } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checklists" };

const PATHNAME = "/checklists";

export default async function ChecklistsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePage("browse");
  const now = new Date();
  const pages = parseOrganizationChecklistPages(await searchParams);
  const read = (overduePage: number) => getOrganizationChecklist(now, { overduePage, overduePageSize: ORGANIZATION_PAGE_SIZE });
  const [first, users] = await Promise.all([read(pages.overduePage), listAssignableUsers()]);
  const overduePageCount = Math.max(1, Math.ceil(first.overdueTotal / ORGANIZATION_PAGE_SIZE));
  const overduePage = Math.min(pages.overduePage, overduePageCount);
  // An old link past the last page of overdue items shows the last page.
  const organization = overduePage === pages.overduePage ? first : await read(overduePage);
  const accounts = pageOf(organization.accounts, pages.accountsPage, ORGANIZATION_PAGE_SIZE);
  const state = { page: accounts.page === 1 ? undefined : accounts.page, overdue: overduePage === 1 ? undefined : overduePage };
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
            <AccountChecklistTable accounts={accounts.shown} />
            {accounts.pageCount > 1 ? (
              <Pagination pathname={PATHNAME} state={state} page={accounts.page} pageCount={accounts.pageCount} pageSize={ORGANIZATION_PAGE_SIZE} total={organization.accounts.length} noun="accounts" />
            ) : null}
          </section>
          <section aria-labelledby="overdue" className="card overflow-hidden">
            <h2 id="overdue" className="px-4 pt-4 text-lg font-semibold">
              Overdue
              <span className="ml-2 text-sm font-normal muted">
                {organization.overdueTotal} item{organization.overdueTotal === 1 ? "" : "s"}
                {organization.overdueTotal > 1 ? ", the longest overdue first" : ""}
              </span>
            </h2>
            {organization.overdue.length === 0 ? (
              <p className="px-4 py-6 text-sm muted">Nothing is overdue.</p>
            ) : (
              <OverdueItemsTable items={organization.overdue} nameOf={nameLookup(users)} />
            )}
            {overduePageCount > 1 ? (
              <Pagination pathname={PATHNAME} state={state} page={overduePage} pageCount={overduePageCount} pageSize={ORGANIZATION_PAGE_SIZE} total={organization.overdueTotal} noun="overdue items" param="overdue" />
            ) : null}
          </section>
        </div>
      )}
    </>
  );
}
