import type { Metadata } from "next";
import Link from "next/link";
import { HealthTable } from "@/components/onboarding/health-table";
import { buttonClass } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterChips } from "@/components/ui/filter-chips";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listAccountHealth } from "@/lib/onboarding/account-health";
import { healthCounts, matchesHealthFilter, type HealthFilter } from "@/lib/onboarding/connection-health";
import { testLinkedAccountConnectionAction } from "../_actions/account";
import { HEALTH_PAGE_SIZE, pageOfHealthRows, parseHealthFilter } from "./_lib/health-params";
import { requirePage } from "@/lib/auth/guards";
import { roleAllows } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Connection health" };

const PATHNAME = "/accounts/health";
const LABELS: Record<HealthFilter, string> = {
  all: "All",
  failing: "Needs fixing",
  unreachable: "Suspended, closed or gone",
  pending: "Not collected yet",
  healthy: "Healthy",
};

export default async function ConnectionHealthPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("browse");
  const params = await searchParams;
  const show = parseHealthFilter(params);
  const rows = await listAccountHealth();
  const counts = healthCounts(rows.map((row) => row.health.state));
  const shown = pageOfHealthRows(
    rows.filter((row) => matchesHealthFilter(row.health.state, show)),
    params,
  );
  const state = { show: show === "all" ? undefined : show };
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/accounts">Accounts</Link>}
        title="Connection health"
        description="Can iamfit still read every linked account? Each account's state, its last successful collection, the error that stands and what to do about it. Test again after a fix."
        actions={
          <Link href="/organization" className={buttonClass("secondary")}>
            Organization
          </Link>
        }
      />
      {rows.length === 0 ? (
        <EmptyState
          title="No accounts linked yet"
          action={
            <Link href="/organization" className={buttonClass("primary")}>
              Link your organization
            </Link>
          }
        >
          Link accounts one by one, or all accounts of your AWS Organization at once.
        </EmptyState>
      ) : (
        <section aria-label="Connection health" className="card overflow-hidden">
          <div className="border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
            <FilterChips
              chips={(Object.keys(LABELS) as HealthFilter[]).map((filter) => ({ label: LABELS[filter], value: filter === "all" ? undefined : filter, count: counts[filter] }))}
              param="show"
              pathname={PATHNAME}
              state={state}
              label="Filter by health"
            />
          </div>
          {shown.total === 0 ? (
            <p className="px-3 py-10 text-center text-sm muted">No accounts in this state.</p>
          ) : (
            <>
              <HealthTable rows={shown.rows} testAction={roleAllows(user.role, "manageAccounts") ? testLinkedAccountConnectionAction : undefined} now={new Date()} />
              <Pagination pathname={PATHNAME} state={state} page={shown.page} pageCount={shown.pageCount} pageSize={HEALTH_PAGE_SIZE} total={shown.total} noun="accounts" />
            </>
          )}
        </section>
      )}
    </>
  );
}
