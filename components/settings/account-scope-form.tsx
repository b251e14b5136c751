"use client";

import { useActionState, useId } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { AccountScopeField, AccountScopeFormState } from "./scope-form-state";

export type AccountScopeAction = (previous: AccountScopeFormState, formData: FormData) => Promise<AccountScopeFormState>;

const LISTS: Array<{ suffix: "AccountIds" | "Tags" | "OuPaths"; label: string; hint: string; placeholder: string }> = [
  { suffix: "AccountIds", label: "Account ids", hint: "12 digits, one a line or comma-separated.", placeholder: "123456789012" },
  { suffix: "Tags", label: "Tags", hint: "key=value (that value) or key (any value), one a line.", placeholder: "env=prod" },
  { suffix: "OuPaths", label: "OUs", hint: "OU paths such as Workloads/Prod (and everything below), one a line.", placeholder: "Workloads/Prod" },
];

/** Which linked accounts collections cover: included by id, tag or OU (nothing listed: all), minus the excluded ones. */
export function AccountScopeForm({ action, initial }: { action: AccountScopeAction; initial: AccountScopeFormState }) {
  const [state, formAction] = useActionState(action, initial);
  const id = useId();
  const list = (side: "include" | "exclude", suffix: (typeof LISTS)[number]["suffix"], label: string, hint: string, placeholder: string) => {
    const name = `${side}${suffix}` as AccountScopeField;
    const error = state.fieldErrors[name];
    return (
      <div key={name}>
        <label htmlFor={`${id}-${name}`} className="field-label">
          {label}
        </label>
        <textarea
          id={`${id}-${name}`}
          name={name}
          rows={3}
          defaultValue={state.values[name]}
          placeholder={placeholder}
          className="input mt-1 font-mono"
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-${name}-hint${error ? ` ${id}-${name}-error` : ""}`}
        />
        {error ? (
          <p id={`${id}-${name}-error`} className="field-error">
            {error}
          </p>
        ) : null}
        <p id={`${id}-${name}-hint`} className="field-hint">
          {hint}
        </p>
      </div>
    );
  };
  return (
    <form action={formAction} noValidate className="space-y-5">
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Include (leave all three empty for every linked account)</legend>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">{LISTS.map((entry) => list("include", entry.suffix, entry.label, entry.hint, entry.placeholder))}</div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Exclude (wins over include)</legend>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">{LISTS.map((entry) => list("exclude", entry.suffix, entry.label, entry.hint, entry.placeholder))}</div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Saving…">Save accounts in scope</SubmitButton>
        {state.saved ? (
          <Notice tone="success" role="status" className="py-1.5">
            {state.saved}
          </Notice>
        ) : null}
      </div>
    </form>
  );
}
