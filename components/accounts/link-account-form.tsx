"use client";

import Link from "next/link";
import { useActionState, useId, useState, type ReactNode } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConnectionTestResult, type ConnectionTestView } from "./connection-test-result";
import { TrustPolicyPanel, type InstallationPrincipalView } from "./trust-policy-panel";

export interface LinkFormValues {
  accountId: string;
  role: string;
  externalId: string;
  name: string;
  tags: string;
}

export interface LinkFormState {
  values: LinkFormValues;
  fieldErrors: Partial<Record<keyof LinkFormValues | "form", string>>;
  /** Set when the account id is linked already. */
  existingAccountId?: string;
  connectionTest?: ConnectionTestView;
}

export type LinkFormAction = (previous: LinkFormState, formData: FormData) => Promise<LinkFormState>;

/** The role name a CloudFormation template should create for what is typed in the role field. */
function roleNameFromInput(role: string, defaultRoleName: string): string {
  const trimmed = role.trim();
  if (!trimmed) return defaultRoleName;
  return (trimmed.startsWith("arn:") ? trimmed.slice(trimmed.lastIndexOf("/") + 1) : trimmed) || defaultRoleName;
}

/**
 * Linking an account: the form (validated on the server; field errors come back beside the
 * fields and the typed values are kept) and, beside it, the trust policy and CloudFormation
 * template for the values being typed. "Test connection" tries the role without saving.
 */
export function LinkAccountForm({
  action,
  installationExternalId,
  principal,
  defaultRoleName,
}: {
  action: LinkFormAction;
  installationExternalId: string;
  principal: InstallationPrincipalView;
  /** The role name used when the field is left empty (lib/accounts/link-input.ts). */
  defaultRoleName: string;
}) {
  const initial: LinkFormState = {
    values: { accountId: "", role: "", externalId: installationExternalId, name: "", tags: "" },
    fieldErrors: {},
  };
  const [state, formAction, pending] = useActionState(action, initial);
  const [externalId, setExternalId] = useState(installationExternalId);
  const [role, setRole] = useState("");
  const errors = state.fieldErrors;

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <form action={formAction} noValidate className="card min-w-0 space-y-5 self-start p-5" aria-describedby={errors.form ? "form-error" : undefined}>
        {errors.form ? (
          <Notice tone="error" role="alert">
            <span id="form-error">{errors.form}</span>
          </Notice>
        ) : null}
        {state.existingAccountId ? (
          <Notice tone="warning" role="alert" title="This account is already linked">
            Nothing was saved. <Link href={`/accounts/${state.existingAccountId}`}>Open account {state.existingAccountId}</Link> to
            collect it or test its connection.
          </Notice>
        ) : null}
        <Field name="accountId" label="AWS account id" error={errors.accountId} hint="12 digits, e.g. 123456789012.">
          {(props) => (
            <input {...props} defaultValue={state.values.accountId} inputMode="numeric" autoComplete="off" maxLength={12} required placeholder="123456789012" />
          )}
        </Field>
        <Field
          name="role"
          label="Audit role ARN or name"
          error={errors.role}
          hint={`A role name means that role in the account above. Leave empty for ${defaultRoleName}.`}
        >
          {(props) => (
            <input
              {...props}
              defaultValue={state.values.role}
              autoComplete="off"
              placeholder={`${defaultRoleName} or arn:aws:iam::123456789012:role/${defaultRoleName}`}
              onChange={(event) => setRole(event.target.value)}
            />
          )}
        </Field>
        <Field
          name="externalId"
          label="ExternalId"
          error={errors.externalId}
          hint="This installation's ExternalId is filled in; the role's trust policy must require the same value."
        >
          {(props) => (
            <input
              {...props}
              defaultValue={state.values.externalId}
              autoComplete="off"
              spellCheck={false}
              className={`${props.className} font-mono`}
              onChange={(event) => setExternalId(event.target.value)}
            />
          )}
        </Field>
        <Field name="name" label="Display name" error={errors.name} hint="Optional; defaults to the account id.">
          {(props) => <input {...props} defaultValue={state.values.name} autoComplete="off" maxLength={100} />}
        </Field>
        <Field name="tags" label="Tags" error={errors.tags} hint="Optional; one key=value per line, e.g. env=prod.">
          {(props) => <textarea {...props} defaultValue={state.values.tags} rows={3} spellCheck={false} className={`${props.className} font-mono`} />}
        </Field>
        <div className="flex flex-wrap gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <SubmitButton name="intent" value="link" pendingLabel="Linking…">
            Link account
          </SubmitButton>
          <SubmitButton name="intent" value="test" variant="secondary" pendingLabel="Testing…">
            Test connection
          </SubmitButton>
        </div>
        <div aria-live="polite">
          {state.connectionTest && !pending ? <ConnectionTestResult result={state.connectionTest} /> : null}
        </div>
      </form>
      <section aria-label="Audit role set-up" className="card min-w-0 self-start p-5">
        <TrustPolicyPanel principal={principal} externalId={externalId.trim() || installationExternalId} roleName={roleNameFromInput(role, defaultRoleName)} />
      </section>
    </div>
  );
}

interface FieldControlProps {
  id: string;
  name: string;
  className: string;
  "aria-invalid": boolean;
  "aria-describedby": string;
}

function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: keyof LinkFormValues;
  label: string;
  hint?: string;
  error?: string;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="mt-1">
        {children({
          id,
          name,
          className: "input",
          "aria-invalid": Boolean(error),
          "aria-describedby": error ? `${errorId} ${hintId}` : hintId,
        })}
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {label}: {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
