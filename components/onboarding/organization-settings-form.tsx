"use client";

import { useActionState, useId } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { OrganizationSettings } from "@/lib/onboarding/organization-settings";

export interface SettingsState {
  tone: "success" | "error";
  message: string;
  fieldErrors: Record<string, string>;
  at: string;
}

export type SettingsAction = (previous: SettingsState | null, formData: FormData) => Promise<SettingsState | null>;

/**
 * How iamfit follows the organization: automatic linking, which OUs count, how often to sync,
 * and whose credentials read it. Read-only when iamfit.config.json manages these settings.
 */
export function OrganizationSettingsForm({ settings, action }: { settings: OrganizationSettings; action: SettingsAction }) {
  const [state, formAction] = useActionState(action, null);
  const id = useId();
  const managed = settings.managedBy === "config";
  const error = (field: string) =>
    state?.fieldErrors[field] ? (
      <p id={`${id}-${field}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">
        {state.fieldErrors[field]}
      </p>
    ) : null;
  const field = (name: keyof OrganizationSettings, label: string, value: string, hint?: string, multiline = false) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="field-label">
        {label}
      </label>
      {multiline ? (
        <textarea id={`${id}-${name}`} name={name} rows={3} className="input mt-1 w-full font-mono text-xs" defaultValue={value} aria-invalid={Boolean(state?.fieldErrors[name])} />
      ) : (
        <input id={`${id}-${name}`} name={name} className="input mt-1 w-full" defaultValue={value} aria-invalid={Boolean(state?.fieldErrors[name])} />
      )}
      {hint ? <p className="mt-1 text-xs muted">{hint}</p> : null}
      {error(name)}
    </div>
  );
  return (
    <form action={formAction} className="space-y-4">
      {managed ? (
        <Notice tone="info" title="Managed by iamfit.config.json">
          These settings come from the config file and are applied at every start and by <code>iamfit accounts sync</code>. Change them there.
        </Notice>
      ) : null}
      <fieldset disabled={managed} className="grid gap-4 md:grid-cols-2">
        <legend className="sr-only">Organization sync settings</legend>
        <div className="flex items-start gap-2 md:col-span-2">
          <input id={`${id}-autoLink`} type="checkbox" name="autoLink" defaultChecked={settings.autoLink} className="mt-1" />
          <label htmlFor={`${id}-autoLink`} className="text-sm">
            <span className="font-medium">Link new accounts automatically</span>
            <span className="block muted">
              Each sync links accounts that joined the organization, with the role name and ExternalId below. Accounts someone removed from iamfit stay
              removed.
            </span>
          </label>
        </div>
        {field("role", "Audit role name", settings.role)}
        {field("externalId", "ExternalId for new accounts", settings.externalId ?? "", "Empty: this installation's ExternalId.")}
        {field("includeOus", "OUs to include", settings.includeOus.join("\n"), 'One per line: an OU path such as "Workloads/Prod" (with its sub-OUs) or an OU id. Empty: all.', true)}
        {field("excludeOus", "OUs to exclude", settings.excludeOus.join("\n"), "Wins over the OUs to include.", true)}
        {field("excludeAccounts", "Accounts to exclude", settings.excludeAccounts.join("\n"), "12-digit ids, one per line.", true)}
        {field("syncIntervalHours", "Sync every (hours)", String(settings.syncIntervalHours), "0 turns the periodic sync off.")}
        {field(
          "discoveryRoleArn",
          "Read the organization through this role (optional)",
          settings.discoveryRoleArn ?? "",
          "A role in the management account or a delegated administrator, e.g. its iamfit audit role. Empty: iamfit's own credentials.",
        )}
        {field("discoveryExternalId", "ExternalId of that role (optional)", settings.discoveryExternalId ?? "", "Empty: this installation's ExternalId.")}
      </fieldset>
      {managed ? null : (
        <div className="flex items-center gap-3">
          <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
          <p role="status" key={state?.at} className={`text-sm ${state?.tone === "error" ? "text-red-700 dark:text-red-400" : "text-emerald-800 dark:text-emerald-300"}`}>
            {state?.message ?? ""}
          </p>
        </div>
      )}
    </form>
  );
}
