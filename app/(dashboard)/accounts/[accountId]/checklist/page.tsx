import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CollectButton } from "@/components/accounts/collect-button";
import { BulkActions } from "@/components/checklist/bulk-actions";
import { ChecklistFiltersBar } from "@/components/checklist/checklist-filters";
import { ChecklistProgressCard } from "@/components/checklist/checklist-progress";
import { CheckGroupSection } from "@/components/checklist/check-group";
import { ItemCard, type ItemCardOptions } from "@/components/checklist/item-card";
import { PrintButton } from "@/components/checklist/print-button";
import { buttonClass } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith } from "@/components/ui/href";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { ACCOUNT_ID_PATTERN } from "@/lib/accounts/link-input";
import { listAssignableUsers } from "@/lib/db/assignable-users";
import { getAccountChecklist, getAccountChecklistRows } from "@/lib/remediation/checklist-read";
import { groupByCheck, listingToUrlState, pageContaining, paginateGroups, parseChecklistListing } from "@/lib/remediation/checklist-listing";
import { assigneesOf, filtersToUrlState, matchesFilters, parseChecklistFilters, stateFilterCounts, type RawSearchParams } from "@/lib/remediation/checklist-params";
import { progressOf } from "@/lib/remediation/checklist-view";
import { nameLookup, personLabel } from "@/lib/remediation/people";
import { runtimeInfo } from "@/app/_lib/runtime-info";
import { collectAccountsAction } from "@/app/(dashboard)/accounts/_actions/collect";
import { applySandboxFixAction, changeChecklistAction } from "./_actions/checklist";
import { requirePage } from "@/lib/auth/guards";
import { roleAllows } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { accountId } = await params;
  return { title: ACCOUNT_ID_PATTERN.test(accountId) ? `Checklist · ${accountId}` : "Checklist" };
}

export default async function AccountChecklistPage({ params, searchParams }: Props) {
  const user = await requirePage("browse");
  const editable = roleAllows(user.role, "workChecklists");
  const { accountId } = await params;
  if (!ACCOUNT_ID_PATTERN.test(accountId)) notFound();
  const [checklist, users] = await Promise.all([getAccountChecklistRows(accountId), listAssignableUsers()]);
  if (!checklist) notFound();
  const search = await searchParams;
  const filters = parseChecklistFilters(search);
  const listing = parseChecklistListing(search);
  const now = new Date();
  const pathname = `/accounts/${accountId}/checklist`;
  const urlState = filtersToUrlState(filters);
  const groups = groupByCheck(
    checklist.rows.filter((row) => matchesFilters(row, filters, now)),
    listing.sort,
  );
  // The print view is the whole checklist on paper; the page shows one page of items at a time.
  const linkedPage = listing.item ? pageContaining(groups, listing.item) : undefined;
  const shown = paginateGroups(groups, filters.print ? 1 : (linkedPage ?? listing.page), filters.print ? Number.MAX_SAFE_INTEGER : undefined);
  const details = await getAccountChecklist(accountId, { itemIds: shown.groups.flatMap((group) => group.shown.map((row) => row.id)) });
  const itemsById = new Map((details?.items ?? []).map((item) => [item.id, item]));
  const nameOf = nameLookup(users);
  const options: ItemCardOptions = {
    now,
    print: filters.print,
    sandbox: runtimeInfo()?.mode === "sandbox",
    editable,
    changeAction: changeChecklistAction,
    sandboxAction: applySandboxFixAction,
    users,
    me: user.email,
    nameOf,
  };
  const pageState = { ...urlState, ...listingToUrlState({ sort: listing.sort, page: 1 }) };
  const exportHref = (format: "csv" | "md") => hrefWith(`${pathname}/export`, { ...urlState, print: undefined, format });
  const assigneeChoices = [
    ...users.map((person) => ({ value: person.email, label: personLabel(person) })),
    ...assigneesOf(checklist.rows)
      .filter((assignee) => !users.some((person) => person.email === assignee))
      .map((assignee) => ({ value: assignee, label: assignee })),
  ];
  const pagination =
    filters.print || shown.total === 0 ? null : (
      <Pagination pathname={pathname} state={pageState} page={shown.page} pageCount={shown.pageCount} pageSize={shown.pageSize} total={shown.total} noun="items" />
    );

  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/accounts/${accountId}`}>← {checklist.account.name}</Link>}
        title="Remediation checklist"
        description={
          <>
            <span className="font-mono">{accountId}</span> · every failing finding becomes an item; the next collection verifies what is marked done.
          </>
        }
        actions={
          filters.print ? (
            <>
              <PrintButton />
              <Link href={hrefWith(pathname, { ...urlState, print: undefined })} className={`${buttonClass("secondary")} print:hidden`}>
                Back to the checklist
              </Link>
            </>
          ) : (
            <>
              <a href={exportHref("csv")} className={buttonClass("secondary")} download>
                Export CSV
              </a>
              <a href={exportHref("md")} className={buttonClass("secondary")} download>
                Export Markdown
              </a>
              <Link href={hrefWith(pathname, { ...urlState, print: "1" })} className={buttonClass("secondary")}>
                Print view
              </Link>
              {roleAllows(user.role, "collect") ? <CollectButton action={collectAccountsAction} accountId={accountId} variant="primary" align="end" /> : null}
            </>
          )
        }
      />
      {checklist.rows.length === 0 ? (
        <EmptyState title="Nothing to fix yet">
          Items appear here when a collection finds a failing check in this account. Collect the account to build its checklist.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <ChecklistProgressCard progress={progressOf(checklist.rows, now)} />
          {filters.print ? null : (
            <>
              <ChecklistFiltersBar pathname={pathname} filters={filters} sort={listing.sort} counts={stateFilterCounts(checklist.rows, filters, now)} assignees={assigneeChoices} />
              {editable ? <BulkActions action={changeChecklistAction} accountId={accountId} users={users} /> : null}
            </>
          )}
          {shown.total === 0 ? (
            <Notice>No items match these filters.</Notice>
          ) : (
            <>
              <div className="card print:hidden">{pagination}</div>
              {shown.groups.map((group) => (
                <CheckGroupSection key={group.checkId} group={group}>
                  {group.shown.map((row) => {
                    const item = itemsById.get(row.id);
                    return item ? <ItemCard key={item.id} item={item} options={options} open={item.id === listing.item} /> : null;
                  })}
                </CheckGroupSection>
              ))}
              <div className="card print:hidden">{pagination}</div>
            </>
          )}
        </div>
      )}
    </>
  );
}
