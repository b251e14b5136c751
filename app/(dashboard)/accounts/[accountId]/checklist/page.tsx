import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CollectButton } from "@/components/accounts/collect-button";
import { BulkActions } from "@/components/checklist/bulk-actions";
import { ChecklistFiltersBar } from "@/components/checklist/checklist-filters";
import { ChecklistProgressCard } from "@/components/checklist/checklist-progress";
import { ItemCard, type ItemCardOptions } from "@/components/checklist/item-card";
import { PrintButton } from "@/components/checklist/print-button";
import { buttonClass } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith } from "@/components/ui/href";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { ACCOUNT_ID_PATTERN } from "@/lib/accounts/link-input";
import { getAccountChecklist } from "@/lib/db/checklist-read";
import { assigneesOf, filtersToUrlState, matchesFilters, parseChecklistFilters, stateFilterCounts, type RawSearchParams } from "@/lib/remediation/checklist-params";
import { groupByExercise, progressOf } from "@/lib/remediation/checklist-view";
import { exerciseInfo } from "@/lib/scorecard/catalogue";
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
  const checklist = await getAccountChecklist(accountId);
  if (!checklist) notFound();
  const filters = parseChecklistFilters(await searchParams);
  const now = new Date();
  const pathname = `/accounts/${accountId}/checklist`;
  const urlState = filtersToUrlState(filters);
  const shown = checklist.items.filter((item) => matchesFilters(item, filters, now));
  const options: ItemCardOptions = {
    now,
    print: filters.print,
    sandbox: runtimeInfo()?.mode === "sandbox",
    editable,
    changeAction: changeChecklistAction,
    sandboxAction: applySandboxFixAction,
  };
  const exportHref = (format: "csv" | "md") => hrefWith(`${pathname}/export`, { ...urlState, print: undefined, format });

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
      {checklist.items.length === 0 ? (
        <EmptyState title="Nothing to fix yet">
          Items appear here when a collection finds a failing check in this account. Collect the account to build its checklist.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <ChecklistProgressCard progress={progressOf(checklist.items, now)} />
          {filters.print ? null : (
            <>
              <ChecklistFiltersBar pathname={pathname} filters={filters} counts={stateFilterCounts(checklist.items, filters, now)} assignees={assigneesOf(checklist.items)} />
              {editable ? <BulkActions action={changeChecklistAction} accountId={accountId} /> : null}
            </>
          )}
          {shown.length === 0 ? (
            <Notice>No items match these filters.</Notice>
          ) : (
            groupByExercise(shown).map((group) => (
              <section key={group.exercise} aria-labelledby={`exercise-${group.exercise}`} className="space-y-3">
                <h2 id={`exercise-${group.exercise}`} className="pt-2 text-lg font-semibold break-after-avoid">
                  Exercise {group.exercise}: {exerciseInfo(group.exercise).title}
                  <span className="ml-2 text-sm font-normal muted">
                    {group.items.length} item{group.items.length === 1 ? "" : "s"}
                  </span>
                </h2>
                {group.items.map((item) => (
                  <ItemCard key={item.id} item={item} options={options} />
                ))}
              </section>
            ))
          )}
        </div>
      )}
    </>
  );
}
