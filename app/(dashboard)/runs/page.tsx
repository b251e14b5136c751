import type { Metadata } from "next";
import { RunsTable } from "@/components/runs/runs-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listRunsPage } from "@/lib/db/runs";
import { parseRunsPage, RUNS_PAGE_SIZE } from "./_lib/run-params";
import { requirePage } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Collections" };

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("browse");
  const page = parseRunsPage(await searchParams);
  const list = await listRunsPage({ page, pageSize: RUNS_PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Collections"
        description="Every collection iamfit ran: scheduled, started by hand, from the CLI or at start-up. Open one for each account's outcome and errors."
      />
      {list.total === 0 ? (
        <EmptyState title="No collections yet">
          Collections start on a schedule once accounts are linked, or from the Accounts page with “Collect all now”.
        </EmptyState>
      ) : (
        <section aria-label="Collections" className="card overflow-hidden">
          <RunsTable runs={list.runs} />
          <Pagination
            pathname="/runs"
            state={{}}
            page={list.page}
            pageCount={list.pageCount}
            pageSize={list.pageSize}
            total={list.total}
            noun="collections"
          />
        </section>
      )}
    </>
  );
}
