"use client";

import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SubscriptionFieldErrors } from "@/lib/digest/subscription-input";

export interface SubscriptionFormValues {
  email: string;
  scope: string;
  accounts: string[];
  tags: string;
  weekday: string;
  hour: string;
  timeZone: string;
}

export interface SubscriptionFormState {
  values: SubscriptionFormValues;
  fieldErrors: SubscriptionFieldErrors;
}

export type SubscriptionFormAction = (previous: SubscriptionFormState, formData: FormData) => Promise<SubscriptionFormState>;

export interface AccountOption {
  awsAccountId: string;
  name: string;
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * Create or edit a digest subscription: who gets it, which accounts it covers and when it comes.
 * Validated on the server; errors come back beside their fields with the typed values kept.
 */
export function SubscriptionForm({
  action,
  initial,
  subscriptionId,
  accounts,
  timeZones,
  emailLocked = false,
}: {
  action: SubscriptionFormAction;
  /** Editors subscribe only themselves: the address is theirs and cannot be changed here. */
  emailLocked?: boolean;
  initial: SubscriptionFormValues;
  /** Set when editing. */
  subscriptionId?: string;
  accounts: AccountOption[];
  timeZones: string[];
}) {
  const [state, formAction] = useActionState(action, { values: initial, fieldErrors: {} });
  const [scope, setScope] = useState(state.values.scope);
  const timeZoneInput = useRef<HTMLInputElement>(null);
  const errors = state.fieldErrors;
  const timeZoneList = useId();

  // A new subscription starts in the browser's own time zone rather than UTC.
  useEffect(() => {
    if (subscriptionId || !timeZoneInput.current || timeZoneInput.current.value !== "UTC") return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone) timeZoneInput.current.value = browserZone;
  }, [subscriptionId]);

  return (
    <form action={formAction} noValidate className="space-y-5" aria-describedby={errors.form ? "subscription-form-error" : undefined}>
      {subscriptionId ? <input type="hidden" name="subscriptionId" value={subscriptionId} /> : null}
      {errors.form ? (
        <Notice tone="error" role="alert">
          <span id="subscription-form-error">{errors.form}</span>
        </Notice>
      ) : null}
      <Field label="Email address" error={errors.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="email" defaultValue={state.values.email} required readOnly={emailLocked} placeholder="security-team@example.com" />}
      </Field>

      <fieldset>
        <legend className="field-label">Accounts in the digest</legend>
        <div className="mt-1 space-y-2 text-sm">
          {[
            ["all", "All linked accounts"],
            ["accounts", "Chosen accounts"],
            ["tags", "Accounts with tags"],
          ].map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="scope" value={value} checked={scope === value} onChange={() => setScope(value!)} />
              {label}
            </label>
          ))}
        </div>
        {errors.scope ? <p className="field-error">Accounts: {errors.scope}</p> : null}
      </fieldset>

      <div hidden={scope !== "accounts"}>
        <fieldset aria-describedby={errors.accounts ? "accounts-error" : undefined}>
          <legend className="field-label">Chosen accounts</legend>
          {accounts.length === 0 ? (
            <p className="field-hint">No account is linked yet.</p>
          ) : (
            <div className="mt-1 max-h-56 space-y-1 overflow-y-auto rounded-md border border-zinc-300 p-2 text-sm dark:border-zinc-700">
              {accounts.map((account) => (
                <label key={account.awsAccountId} className="flex items-center gap-2">
                  <input type="checkbox" name="accounts" value={account.awsAccountId} defaultChecked={state.values.accounts.includes(account.awsAccountId)} />
                  <span className="break-all">{account.name}</span>
                  <span className="font-mono text-xs muted">{account.awsAccountId}</span>
                </label>
              ))}
            </div>
          )}
          {errors.accounts ? (
            <p id="accounts-error" className="field-error">
              Chosen accounts: {errors.accounts}
            </p>
          ) : null}
        </fieldset>
      </div>

      <div hidden={scope !== "tags"}>
        <Field label="Tags" error={errors.tags} hint="One per line: key=value, or a key alone for any value. An account with any of them is included.">
          {(props) => <textarea {...props} name="tags" rows={3} spellCheck={false} defaultValue={state.values.tags} className={`${props.className} font-mono`} placeholder={"env=prod\nteam"} />}
        </Field>
      </div>

      <div className="grid grid-cols-2 gap-4">
        <Field label="Day" error={errors.weekday}>
          {(props) => (
            <select {...props} name="weekday" defaultValue={state.values.weekday}>
              {WEEKDAYS.map((day, index) => (
                <option key={day} value={index + 1}>
                  {day}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Hour" error={errors.hour}>
          {(props) => (
            <select {...props} name="hour" defaultValue={state.values.hour}>
              {Array.from({ length: 24 }, (_, hour) => (
                <option key={hour} value={hour}>
                  {String(hour).padStart(2, "0")}:00
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="col-span-2">
        <Field label="Time zone" error={errors.timeZone} hint="IANA name, e.g. Europe/Berlin; daylight saving time is followed, so 09:00 stays 09:00 local time all year.">
          {(props) => (
            <>
              <input {...props} ref={timeZoneInput} name="timeZone" list={timeZoneList} autoComplete="off" spellCheck={false} defaultValue={state.values.timeZone} />
              <datalist id={timeZoneList}>
                {timeZones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        </div>
      </div>

      <div className="flex flex-wrap gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <SubmitButton pendingLabel="Saving…">{subscriptionId ? "Save changes" : "Subscribe"}</SubmitButton>
      </div>
    </form>
  );
}

interface FieldControlProps {
  id: string;
  className: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
}

function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string; children: (props: FieldControlProps) => ReactNode }) {
  const id = useId();
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="mt-1">{children({ id, className: "input", "aria-invalid": Boolean(error), ...(described ? { "aria-describedby": described } : {}) })}</div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {label}: {error}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
