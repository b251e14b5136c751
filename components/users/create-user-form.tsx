"use client";

import { useActionState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLES } from "@/lib/auth/roles";
import type { CreateUserState } from "./user-admin-state";

const INITIAL: CreateUserState = { values: { email: "", name: "", role: "viewer" }, fieldErrors: {} };

/** A new password user. Their one-time password shows here once; they set up two-factor at first sign-in. */
export function CreateUserForm({ action }: { action: (previous: CreateUserState, formData: FormData) => Promise<CreateUserState> }) {
  const [state, formAction] = useActionState(action, INITIAL);
  const errors = state.fieldErrors;
  return (
    <div className="space-y-4">
      {state.created ? (
        <Notice tone="success" role="status" title={`${state.created.name} can sign in now`}>
          <p>
            Give <strong>{state.created.email}</strong> this one-time password through a channel you trust. It is shown only now; they will set
            up an authenticator app when they first sign in.
          </p>
          <div className="flex flex-wrap items-center gap-2 pt-1">
            <code data-testid="one-time-password" className="rounded-md bg-white px-2 py-1 font-mono text-sm select-all dark:bg-zinc-900">
              {state.created.oneTimePassword}
            </code>
            <CopyButton text={state.created.oneTimePassword} label="Copy password" />
          </div>
        </Notice>
      ) : null}
      <form action={formAction} noValidate className="card grid gap-4 p-5 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-start">
        <div>
          <label htmlFor="new-user-email" className="field-label">
            Email
          </label>
          <input
            id="new-user-email"
            name="email"
            type="email"
            required
            autoComplete="off"
            defaultValue={state.values.email}
            key={`email-${state.created?.email ?? ""}`}
            aria-invalid={Boolean(errors.email)}
            className="input mt-1"
          />
          {errors.email ? <p className="field-error">{errors.email}</p> : null}
        </div>
        <div>
          <label htmlFor="new-user-name" className="field-label">
            Name
          </label>
          <input
            id="new-user-name"
            name="name"
            required
            autoComplete="off"
            defaultValue={state.values.name}
            key={`name-${state.created?.email ?? ""}`}
            aria-invalid={Boolean(errors.name)}
            className="input mt-1"
          />
          {errors.name ? <p className="field-error">{errors.name}</p> : null}
        </div>
        <div>
          <label htmlFor="new-user-role" className="field-label">
            Role
          </label>
          <select id="new-user-role" name="role" defaultValue={state.values.role} key={`role-${state.created?.email ?? ""}`} className="input mt-1">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </div>
        <div className="sm:pt-6">
          <SubmitButton pendingLabel="Adding…">Add user</SubmitButton>
        </div>
      </form>
    </div>
  );
}
