"use client";

import { useActionState, useId } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { API_TOKEN_LIFETIMES_DAYS } from "@/lib/auth/api-tokens";
import type { CreateTokenAction } from "./token-action-state";

/** Name, scope and lifetime of a new token; the secret appears once, below, with a copy button. */
export function CreateTokenForm({ action, ownRole, apiBase }: { action: CreateTokenAction; ownRole: string; apiBase: string }) {
  const [state, formAction] = useActionState(action, null);
  const nameId = useId();
  const scopeId = useId();
  const lifetimeId = useId();
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-end gap-4">
        <div className="min-w-56 flex-1">
          <label htmlFor={nameId} className="field-label">
            Name
          </label>
          <input id={nameId} name="name" className="input mt-1" required maxLength={100} placeholder="ci-pipeline" aria-invalid={Boolean(errors.name)} aria-describedby={errors.name ? `${nameId}-error` : undefined} />
          {errors.name ? (
            <p id={`${nameId}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
              {errors.name}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor={scopeId} className="field-label">
            Scope
          </label>
          <select id={scopeId} name="scope" className="input mt-1" defaultValue="read">
            <option value="read">Read-only</option>
            <option value="read_write">Read-write (acts as you: {ownRole})</option>
          </select>
        </div>
        <div>
          <label htmlFor={lifetimeId} className="field-label">
            Expires after
          </label>
          <select id={lifetimeId} name="lifetimeDays" className="input mt-1" defaultValue="90">
            {API_TOKEN_LIFETIMES_DAYS.map((days) => (
              <option key={days} value={days}>
                {days} days
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
      </form>
      {state?.ok ? (
        <Notice tone="success" role="status" title={`Token “${state.created.name}” created`}>
          <p>Copy it now: iamfit keeps only its hash and cannot show it again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="new-token" className="rounded bg-white px-2 py-1 font-mono text-xs break-all text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100">
              {state.created.secret}
            </code>
            <CopyButton text={state.created.secret} label="Copy token" />
          </div>
          <p className="mt-2 text-xs">
            Use it as <code className="font-mono">curl -H &quot;Authorization: Bearer $IAMFIT_TOKEN&quot; {apiBase}/api/v1/scorecard</code>
          </p>
        </Notice>
      ) : null}
    </div>
  );
}
