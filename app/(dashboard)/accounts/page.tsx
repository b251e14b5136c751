import type { Metadata } from "next";
import Link from "next/link";
import { AccountsFilter } from "@/components/accounts/accounts-filter";
import { AccountsTable } from "@/components/accounts/accounts-table";
import { CollectButton } from "@/components/accounts/collect-button";
import { buttonClass } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listAccountsPage } from "@/lib/db/account-list";
import { collectAccountsAction } from "./_actions/collect";
import { DEFAULT_DIRECTION, parseAccountListParams, type RawSearchParams } from "./_lib/list-params";
import { requirePage } from "@/lib/auth/guards";
import { roleAllows } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Accounts" };

const PATHNAME = "/accounts";

export default async function AccountsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePage("browse");
  const mayLink = roleAllows(user.role, "manageAccounts");
  const params = parseAccountListParams(await searchParams);
  const list = await listAccountsPage(params.query);
  const filtered = Boolean(params.query.text || params.query.status);
  return (
    <>
      <PageHeader
        title="Accounts"
        description="The AWS accounts iamfit audits through a read-only role. Collections run on a schedule; collect one now to see a change at once."
        actions={
          <>
            {roleAllows(user.role, "collect") ? <CollectButton action={collectAccountsAction} label="Collect all now" align="end" /> : null}
            {mayLink ? (
              <Link href="/accounts/new" className={buttonClass("primary")}>
                Link account
              </Link>
            ) : null}
          </>
        }
      />
      {params.removed ? (
        <Notice tone="success" role="status" className="mb-4">
          Account {params.removed} was removed from the scorecard. Its history is kept: link it again to restore it.
        </Notice>
      ) : null}
      {list.statusCounts.all === 0 && !filtered ? (
        <EmptyState
          title="No accounts linked yet"
          action={
            mayLink ? (
              <Link href="/accounts/new" className={buttonClass("primary")}>
                Link an account
              </Link>
            ) : undefined
          }
        >
          {mayLink
            ? "Link an AWS account by deploying a read-only audit role in it; iamfit shows you the exact trust policy."
            : "An admin links AWS accounts; their scorecards appear here once collected."}
        </EmptyState>
      ) : (
        <section aria-label="Linked accounts" className="card overflow-hidden">
          <AccountsFilter pathname={PATHNAME} state={params.state} counts={list.statusCounts} />
          {list.rows.length === 0 ? (
            <p className="px-3 py-10 text-center text-sm muted">No accounts match these filters.</p>
          ) : (
            <AccountsTable
              rows={list.rows}
              collectAction={roleAllows(user.role, "collect") ? collectAccountsAction : undefined}
              sorting={{
                pathname: PATHNAME,
                state: params.state,
                sort: params.query.sort,
                direction: params.query.direction,
                defaultDirection: DEFAULT_DIRECTION,
              }}
            />
          )}
          <Pagination
            pathname={PATHNAME}
            state={params.state}
            page={list.page}
            pageCount={list.pageCount}
            pageSize={list.pageSize}
            total={list.total}
            noun="accounts"
          />
        </section>
      )}
    </>
  );
}
