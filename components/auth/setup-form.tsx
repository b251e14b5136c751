"use client";

import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { Notice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/button-classes";
import type { SetupField, SetupResult } from "@/lib/auth/setup-input";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy-limits";
import { signInWithPassword, startTotpEnrolment } from "./auth-endpoints";

/**
 * The first admin: the server creates the account, then this browser signs in with it and
 * creates the authenticator key, and /two-factor shows it for the enrolment.
 */
export function SetupForm({ createFirstAdmin }: { createFirstAdmin: (formData: FormData) => Promise<SetupResult> }) {
  const [errors, setErrors] = useState<Partial<Record<SetupField | "form", string>>>({});
  const [alreadySetUp, setAlreadySetUp] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    setPending(true);
    setErrors({});
    const result = await createFirstAdmin(formData);
    if (!result.ok) {
      setErrors(result.fieldErrors);
      setAlreadySetUp(Boolean(result.alreadySetUp));
      setPending(false);
      return;
    }
    const password = String(formData.get("password"));
    const signedIn = await signInWithPassword(result.email, password);
    if (signedIn.ok) await startTotpEnrolment(password);
    window.location.assign(signedIn.ok ? "/two-factor" : "/sign-in");
  }

  return (
    <form onSubmit={submit} noValidate className="card space-y-4 p-5">
      {errors.form ? (
        <Notice tone={alreadySetUp ? "info" : "error"} role="alert">
          {errors.form} {alreadySetUp ? <Link href="/sign-in">Go to sign-in</Link> : null}
        </Notice>
      ) : null}
      <Field id="name" label="Your name" error={errors.name}>
        <input id="name" name="name" autoComplete="name" required maxLength={200} className="input mt-1" aria-invalid={Boolean(errors.name)} aria-describedby={errors.name ? "name-error" : undefined} />
      </Field>
      <Field id="email" label="Email" error={errors.email} hint="You sign in with it.">
        <input id="email" name="email" type="email" autoComplete="username" required className="input mt-1" aria-invalid={Boolean(errors.email)} aria-describedby={errors.email ? "email-error" : undefined} />
      </Field>
      <Field id="password" label="Password" error={errors.password} hint={`At least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words work well.`}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          className="input mt-1"
          aria-invalid={Boolean(errors.password)} aria-describedby={errors.password ? "password-error" : undefined}
        />
      </Field>
      <Field id="confirmPassword" label="Password again" error={errors.confirmPassword}>
        <input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          className="input mt-1"
          aria-invalid={Boolean(errors.confirmPassword)} aria-describedby={errors.confirmPassword ? "confirmPassword-error" : undefined}
        />
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass("primary")} w-full`}>
        {pending ? "Creating…" : "Create admin account"}
      </button>
    </form>
  );
}

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint">{hint}</p>
      ) : null}
    </div>
  );
}
