"use client";

import { useActionState, useId, useState, type ReactNode } from "react";
import { LabelledField, type LabelledControlProps } from "@/components/ui/labelled-field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { ALERT_EVENT_WORDS, ALERT_EVENTS, DESTINATION_TYPE_WORDS, DESTINATION_TYPES } from "@/lib/alerts/destination";
import { SEVERITY_WORDS, type AlertFormField, type AlertFormState } from "@/lib/alerts/destination-form";
import { SEVERITIES } from "@/lib/checks/types";

export type AlertDestinationAction = (previous: AlertFormState, formData: FormData) => Promise<AlertFormState>;

const SCOPE_WORDS = { all: "All accounts", accounts: "Chosen accounts", ous: "Organizational units", tags: "Account tags" } as const;

/**
 * Adds or changes an alert destination. The URL and the signing secret are write-only: they start
 * empty, and empty keeps what is stored.
 */
export function AlertDestinationForm({ action, initial, destinationId }: { action: AlertDestinationAction; initial: AlertFormState; destinationId?: string }) {
  const [state, formAction] = useActionState(action, initial);
  const id = useId();
  const values = state.values;
  const [type, setType] = useState(values.type);
  const [scopeKind, setScopeKind] = useState(values.scopeKind);

  const field = (name: AlertFormField, label: string, control: (props: LabelledControlProps) => ReactNode, hint?: ReactNode) => (
    <LabelledField idPrefix={id} name={name} label={label} error={state.fieldErrors[name]} hint={hint} control={control} />
  );

  return (
    <form action={formAction} noValidate className="space-y-4">
      {destinationId ? <input type="hidden" name="id" value={destinationId} /> : null}
      {state.error ? (
        <Notice tone="error" role="alert">
          {state.error}
        </Notice>
      ) : null}
      {state.saved ? (
        <Notice tone="success" role="status">
          {state.saved}
        </Notice>
      ) : null}

      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {field("name", "Name", (props) => <input {...props} type="text" defaultValue={values.name} placeholder="Security on-call" className="input mt-1" />)}
        {field("type", "Type", (props) => (
          <select {...props} value={type} onChange={(event) => setType(event.target.value)} className="input mt-1">
            {DESTINATION_TYPES.map((option) => (
              <option key={option} value={option}>
                {DESTINATION_TYPE_WORDS[option]}
              </option>
            ))}
          </select>
        ))}
        {field(
          "url",
          "Webhook URL",
          (props) => <input {...props} type="url" autoComplete="off" placeholder={state.existing ? "•••••••• stored; leave empty to keep" : "https://"} className="input mt-1 font-mono" />,
          "Kept encrypted; never shown again. Plain http is accepted only to this machine.",
        )}
        {type === "webhook"
          ? field(
              "secret",
              "Signing secret",
              (props) => <input {...props} type="password" autoComplete="new-password" placeholder={state.existing ? "•••••••• stored; leave empty to keep" : ""} className="input mt-1 font-mono" />,
              "At least 16 characters. Each alert carries a signature made with it; the README shows how a receiver checks it.",
            )
          : null}
        {field("minSeverity", "Minimum severity", (props) => (
          <select {...props} defaultValue={values.minSeverity} className="input mt-1">
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {SEVERITY_WORDS[severity]}
              </option>
            ))}
          </select>
        ))}
      </div>

      <fieldset aria-describedby={state.fieldErrors.events ? `${id}-events-error` : undefined}>
        <legend className="field-label">Send an alert when</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {ALERT_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="events" value={event} defaultChecked={values.events.includes(event)} className="size-4" />
              {ALERT_EVENT_WORDS[event]}
            </label>
          ))}
        </div>
        {state.fieldErrors.events ? (
          <p id={`${id}-events-error`} className="field-error">
            {state.fieldErrors.events}
          </p>
        ) : null}
      </fieldset>

      <fieldset>
        <legend className="field-label">For</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {Object.entries(SCOPE_WORDS).map(([kind, words]) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input type="radio" name="scopeKind" value={kind} checked={scopeKind === kind} onChange={() => setScopeKind(kind)} className="size-4" />
              {words}
            </label>
          ))}
        </div>
      </fieldset>
      {scopeKind === "accounts"
        ? field("scopeAccounts", "Account ids", (props) => <textarea {...props} rows={3} defaultValue={values.scopeAccounts} className="input mt-1 font-mono" />, "One 12-digit account id a line.")
        : null}
      {scopeKind === "ous"
        ? field("scopeOus", "Organizational units", (props) => <textarea {...props} rows={3} defaultValue={values.scopeOus} className="input mt-1" />, "One path a line, as shown on the Organization page (for example Root/Production). Units below it are included.")
        : null}
      {scopeKind === "tags"
        ? field("scopeTags", "Account tags", (props) => <textarea {...props} rows={3} defaultValue={values.scopeTags} className="input mt-1 font-mono" />, "One tag a line, as key or key=value. An account with any of them is included.")
        : null}

      <SubmitButton pendingLabel="Saving…">{destinationId ? "Save changes" : "Add destination"}</SubmitButton>
    </form>
  );
}
