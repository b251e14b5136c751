import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AlertDeliveryBadge, destinationIsFailing } from "@/components/settings/alert-delivery-badge";
import { AlertDeliveryLog } from "@/components/settings/alert-delivery-log";
import { AlertDestinationForm } from "@/components/settings/alert-destination-form";
import { describeEvents, sourceWords } from "@/components/settings/alert-destination-table";
import { SendTestAlertButton } from "@/components/settings/send-test-alert-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { SubmitButton } from "@/components/ui/submit-button";
import { DESTINATION_TYPE_WORDS, describeAlertScope } from "@/lib/alerts/destination";
import { alertFormValuesOf, SEVERITY_WORDS } from "@/lib/alerts/destination-form";
import { requirePage } from "@/lib/auth/guards";
import { listAlertDeliveries } from "@/lib/db/alert-deliveries";
import { listDestinationViews } from "@/lib/db/alert-destinations";
import { deleteAlertDestinationAction, saveAlertDestinationAction, sendTestAlertAction, setAlertDestinationEnabledAction } from "../_actions/alerts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alert destination" };

export default async function AlertDestinationPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("manageSettings");
  const { id } = await params;
  const destination = (await listDestinationViews()).find((entry) => entry.id === id);
  if (!destination) notFound();
  const deliveries = await listAlertDeliveries(destination.id);
  const fromFile = destination.source === "config";

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/settings/alerts">Alerts</Link>}
        title={destination.name}
        description={`${DESTINATION_TYPE_WORDS[destination.type]} to ${destination.host}. ${SEVERITY_WORDS[destination.minSeverity]}; ${describeEvents(destination.events).toLowerCase()}; ${describeAlertScope(destination.scope).toLowerCase()}.`}
      />

      <section aria-labelledby="state-heading" className="card space-y-3 p-5">
        <h2 id="state-heading" className="text-base font-semibold">
          State
        </h2>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          {destination.enabled ? "On: alerts are sent." : "Turned off: no alerts are sent."}
          {destinationIsFailing(destination.lastDelivery) ? <AlertDeliveryBadge status="failing" /> : null}
          <span className="muted">Added in: {sourceWords(destination.source)}.</span>
          {destination.secretEnv ? <span className="muted">Signed with the secret in the environment variable {destination.secretEnv}.</span> : null}
        </p>
        {fromFile ? (
          <Notice tone="info">This destination comes from the configuration file. Change or remove it there; iamfit applies the file when it starts.</Notice>
        ) : null}
        <div className="flex flex-wrap items-start gap-3">
          <SendTestAlertButton action={sendTestAlertAction} destinationId={destination.id} />
          {fromFile ? null : (
            <>
              <form action={setAlertDestinationEnabledAction}>
                <input type="hidden" name="id" value={destination.id} />
                <input type="hidden" name="enabled" value={destination.enabled ? "false" : "true"} />
                <SubmitButton variant="secondary" pendingLabel="Saving…">
                  {destination.enabled ? "Turn off" : "Turn on"}
                </SubmitButton>
              </form>
              <form action={deleteAlertDestinationAction}>
                <input type="hidden" name="id" value={destination.id} />
                <SubmitButton variant="danger" pendingLabel="Deleting…">
                  Delete destination
                </SubmitButton>
              </form>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="log-heading" className="mt-6">
        <h2 id="log-heading" className="mb-2 text-base font-semibold">
          Delivery log
        </h2>
        {deliveries.length > 0 ? <AlertDeliveryLog deliveries={deliveries} /> : <EmptyState title="Nothing sent yet" />}
      </section>

      {fromFile ? null : (
        <section aria-labelledby="edit-heading" className="card mt-6 p-5">
          <h2 id="edit-heading" className="mb-4 text-base font-semibold">
            Change this destination
          </h2>
          <AlertDestinationForm
            action={saveAlertDestinationAction}
            destinationId={destination.id}
            initial={{ values: alertFormValuesOf(destination), existing: true, fieldErrors: {} }}
          />
        </section>
      )}
    </>
  );
}
