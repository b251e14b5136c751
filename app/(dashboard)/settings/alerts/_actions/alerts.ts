"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { SendTestAlertState } from "@/components/settings/send-test-alert-button";
import { sendAlertDelivery, createTestAlert } from "@/lib/alerts/dispatch";
import { alertFormValuesFrom, parseAlertForm, type AlertFormState } from "@/lib/alerts/destination-form";
import { installationKey, openAlertSecret, sealAlertSecret } from "@/lib/alerts/secret-box";
import { authorizedAction, toNotAllowedPage, type ActionContext } from "@/lib/auth/guards";
import { createDestination, deleteDestination, DuplicateDestinationNameError, getStoredDestination, setDestinationEnabled, updateDestination, type StoredDestination } from "@/lib/db/alert-destinations";
import { env } from "@/lib/env";
import { requestPublicBaseUrl } from "@/lib/http/request-public-url";

/** A claim older than this belongs to a sender that died (the worker uses the same). */
const STALE_CLAIM_MS = 2 * 60_000;

const idSchema = z.string().uuid();

/** A destination the web interface may change: one added there, not one the config file declares. */
async function editableDestination(formData: FormData): Promise<StoredDestination | { error: string }> {
  const id = idSchema.safeParse(formData.get("id"));
  const destination = id.success ? await getStoredDestination(id.data) : null;
  if (!destination) return { error: "That destination does not exist any more." };
  if (destination.source === "config") return { error: "This destination comes from the configuration file: change it there." };
  return destination;
}

function auditDestination(context: ActionContext, action: string, destination: { id: string; name: string }, detail: Record<string, unknown> = {}) {
  return context.audit({ action: `alert_destination.${action}`, target: { type: "alert_destination", id: destination.id, label: destination.name }, detail });
}

/** Adds a destination (no id) or changes one added in the web interface. */
export const saveAlertDestinationAction = authorizedAction(
  "manageSettings",
  async (context, _previous: AlertFormState, formData: FormData): Promise<AlertFormState> => {
    const editing = formData.get("id") ? await editableDestination(formData) : null;
    if (editing && "error" in editing) return { values: alertFormValuesFrom(formData), existing: true, fieldErrors: {}, error: editing.error };
    const parsed = parseAlertForm(formData, editing ? { hasSecret: editing.secretEncrypted !== null } : null);
    if (!parsed.ok) return parsed.state;
    const key = await installationKey(env().IAMFIT_AUTH_SECRET);
    const url = parsed.url ?? (editing ? await openAlertSecret(editing.urlEncrypted, key).catch(() => null) : null);
    if (url === null) {
      return { values: alertFormValuesFrom(formData), existing: true, fieldErrors: { url: "The stored URL cannot be read any more: enter it again." } };
    }
    const write = {
      settings: { ...parsed.settings, url },
      source: "ui" as const,
      urlEncrypted: parsed.url ? await sealAlertSecret(url, key) : editing!.urlEncrypted,
      // Slack and Teams sign nothing: a secret left from an earlier webhook type is dropped.
      secretEncrypted: parsed.settings.type !== "webhook" ? null : parsed.secret ? await sealAlertSecret(parsed.secret, key) : (editing?.secretEncrypted ?? null),
      secretEnv: null,
      host: new URL(url).host,
    };
    const detail = { type: write.settings.type, host: write.host, minSeverity: write.settings.minSeverity, events: write.settings.events, scope: write.settings.scope.kind };
    try {
      if (editing) {
        await updateDestination(editing.id, write);
        await auditDestination(context, "updated", { id: editing.id, name: write.settings.name }, { ...detail, urlChanged: parsed.url !== null, secretChanged: parsed.secret !== null });
      } else {
        const id = await createDestination(write);
        await auditDestination(context, "created", { id, name: write.settings.name }, detail);
      }
    } catch (error) {
      if (!(error instanceof DuplicateDestinationNameError)) throw error;
      return { values: alertFormValuesFrom(formData), existing: editing !== null, fieldErrors: { name: error.message }, error: "Not saved: correct the fields marked below." };
    }
    revalidatePath("/settings/alerts");
    if (!editing) redirect(`/settings/alerts?added=${encodeURIComponent(write.settings.name)}`);
    return { values: alertFormValuesFrom(formData), existing: true, fieldErrors: {}, saved: "Saved. The next alerts use these settings." };
  },
  (message, previous) => ({ ...(previous ?? { values: alertFormValuesFrom(new FormData()), existing: false }), fieldErrors: {}, error: message, saved: undefined }),
);

export const setAlertDestinationEnabledAction = authorizedAction(
  "manageSettings",
  async (context, formData: FormData): Promise<void> => {
    const destination = await editableDestination(formData);
    if ("error" in destination) redirect("/settings/alerts");
    const enabled = formData.get("enabled") === "true";
    await setDestinationEnabled(destination.id, enabled);
    await auditDestination(context, enabled ? "enabled" : "disabled", destination);
    revalidatePath("/settings/alerts");
    revalidatePath(`/settings/alerts/${destination.id}`);
  },
  toNotAllowedPage("manageSettings"),
);

export const deleteAlertDestinationAction = authorizedAction(
  "manageSettings",
  async (context, formData: FormData): Promise<void> => {
    const destination = await editableDestination(formData);
    if (!("error" in destination)) {
      await deleteDestination(destination.id);
      await auditDestination(context, "deleted", destination, { type: destination.type });
    }
    revalidatePath("/settings/alerts");
    redirect("/settings/alerts");
  },
  toNotAllowedPage("manageSettings"),
);

/** Sends a test alert now, from this request, and records it in the destination's log like any other. */
export const sendTestAlertAction = authorizedAction(
  "manageSettings",
  async (context, _previous: SendTestAlertState, formData: FormData): Promise<SendTestAlertState> => {
    const id = idSchema.safeParse(formData.get("id"));
    const destination = id.success ? await getStoredDestination(id.data) : null;
    if (!destination) return { tone: "error", message: "That destination does not exist any more." };
    const deliveryId = await createTestAlert(destination, await requestPublicBaseUrl(), new Date());
    const outcome = await sendAlertDelivery(deliveryId, {
      now: () => new Date(),
      authSecret: await installationKey(env().IAMFIT_AUTH_SECRET),
      env: process.env,
      staleClaimMs: STALE_CLAIM_MS,
      log: (line) => console.warn(`[iamfit] ${line}`),
    });
    await auditDestination(context, "test_sent", destination, { outcome: outcome.status });
    revalidatePath(`/settings/alerts/${destination.id}`);
    revalidatePath("/settings/alerts");
    switch (outcome.status) {
      case "sent":
        return { tone: "success", message: `Delivered: the receiver answered ${outcome.responseStatus}.` };
      case "retrying":
        return { tone: "error", message: `Not delivered. ${outcome.error}. iamfit tries again later; the log below shows each attempt.` };
      case "failed":
        return { tone: "error", message: `Not delivered. ${outcome.error}.` };
      case "not-claimed":
        return { tone: "error", message: "The test alert is already being sent: see the log below." };
    }
  },
  (message) => ({ tone: "error", message }),
);
