import type { Metadata } from "next";
import Link from "next/link";
import { AlertDestinationForm } from "@/components/settings/alert-destination-form";
import { AlertDestinationTable } from "@/components/settings/alert-destination-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { EMPTY_ALERT_FORM } from "@/lib/alerts/destination-form";
import { requirePage } from "@/lib/auth/guards";
import { listDestinationViews } from "@/lib/db/alert-destinations";
import { saveAlertDestinationAction } from "./_actions/alerts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts" };

export default async function AlertSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("manageSettings");
  const destinations = await listDestinationViews();
  const added = (await searchParams).added;

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/settings">Settings</Link>}
        title="Alerts"
        description="Tell Slack, Microsoft Teams or your own webhook the moment a finding opens or reopens, or a checklist item becomes overdue. Each event is sent once to each destination; failed sends are retried for about five hours and stay in the destination’s log."
      />
      {typeof added === "string" ? (
        <Notice tone="success" role="status" className="mb-4">
          Added “{added}”. Open it to send a test alert.
        </Notice>
      ) : null}
      {destinations.length > 0 ? (
        <AlertDestinationTable destinations={destinations} />
      ) : (
        <EmptyState title="No alert destinations yet">Add one below, or declare them in the configuration file under “alerts”.</EmptyState>
      )}

      <section aria-labelledby="add-destination-heading" className="card mt-6 p-5">
        <h2 id="add-destination-heading" className="text-base font-semibold">
          Add a destination
        </h2>
        <p className="mt-1 mb-4 text-sm muted">
          For Slack, create an incoming webhook; for Teams, a workflow started by “When a Teams webhook request is received”; a webhook receives signed
          JSON.
        </p>
        <AlertDestinationForm action={saveAlertDestinationAction} initial={{ values: EMPTY_ALERT_FORM, existing: false, fieldErrors: {} }} />
      </section>
    </>
  );
}
