"use client";

import { useActionState, useId } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { RegionScopeFormState, RegionScopeMode } from "./scope-form-state";

export type RegionScopeAction = (previous: RegionScopeFormState, formData: FormData) => Promise<RegionScopeFormState>;

const MODES: Array<{ mode: RegionScopeMode; label: string; hint: string }> = [
  { mode: "inherit", label: "Same as the installation", hint: "Follow the regions chosen on the Settings page." },
  { mode: "all", label: "Every enabled region", hint: "All regions the account has enabled; opt-in regions it has not enabled are never called." },
  { mode: "allow", label: "Only these regions", hint: "An allow-list: every other enabled region is left out." },
  { mode: "deny", label: "Every enabled region except these", hint: "A deny-list: these regions are left out." },
];

/**
 * Which regions collections call: for the installation, or one account (`accountId`, which
 * also offers "same as the installation"). Regions left out are shown as not assessed.
 */
export function RegionScopeForm({
  action,
  initial,
  accountId,
  legend,
}: {
  action: RegionScopeAction;
  initial: RegionScopeFormState;
  accountId?: string;
  legend: string;
}) {
  const [state, formAction] = useActionState(action, initial);
  const id = useId();
  const modes = accountId ? MODES : MODES.filter((entry) => entry.mode !== "inherit");
  return (
    <form action={formAction} noValidate className="space-y-4">
      {accountId ? <input type="hidden" name="accountId" value={accountId} /> : null}
      <fieldset>
        <legend className="field-label">{legend}</legend>
        <div className="mt-2 space-y-2">
          {modes.map((entry) => (
            <label key={entry.mode} className="flex items-start gap-2 text-sm">
              <input type="radio" name="mode" value={entry.mode} defaultChecked={state.values.mode === entry.mode} className="mt-1" />
              <span>
                <span className="font-medium">{entry.label}</span>
                <span className="block text-xs muted">{entry.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-regions`} className="field-label">
          Regions for the allow- or deny-list
        </label>
        <textarea
          id={`${id}-regions`}
          name="regions"
          rows={3}
          defaultValue={state.values.regions}
          className="input mt-1 font-mono"
          aria-invalid={Boolean(state.error)}
          aria-describedby={`${id}-regions-hint${state.error ? ` ${id}-regions-error` : ""}`}
          placeholder={"eu-west-1\nus-east-1"}
        />
        {state.error ? (
          <p id={`${id}-regions-error`} className="field-error">
            {state.error}
          </p>
        ) : null}
        <p id={`${id}-regions-hint`} className="field-hint">
          Region codes, one a line or comma-separated. Ignored for “every enabled region”.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Saving…">Save regions</SubmitButton>
        {state.saved ? (
          <Notice tone="success" role="status" className="py-1.5">
            {state.saved}
          </Notice>
        ) : null}
      </div>
    </form>
  );
}
