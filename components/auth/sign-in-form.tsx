"use client";

import { useState, type FormEvent } from "react";
import { Notice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/button-classes";
import { passwordStepMessage } from "@/lib/auth/sign-in-messages";
import { signInWithPassword, startTotpEnrolment } from "./auth-endpoints";

/**
 * Email and password. Then either the code step (two-factor enrolled) or, for a password user
 * without it yet, the start of the mandatory enrolment: both continue on /two-factor.
 */
export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    const answer = await signInWithPassword(email, password);
    if (!answer.ok) {
      setError(passwordStepMessage(answer.refusal));
      setPending(false);
      return;
    }
    if (!answer.data.twoFactorRedirect) {
      // Signed in with a password but no authenticator yet: create its key now, while we have the password.
      await startTotpEnrolment(password);
    }
    window.location.assign(`/two-factor?${new URLSearchParams({ next }).toString()}`);
  }

  return (
    <form onSubmit={submit} className="card space-y-4 p-5" aria-describedby={error ? "sign-in-error" : undefined}>
      {error ? (
        <Notice tone="error" role="alert">
          <span id="sign-in-error">{error}</span>
        </Notice>
      ) : null}
      <div>
        <label htmlFor="email" className="field-label">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="input mt-1" />
      </div>
      <div>
        <label htmlFor="password" className="field-label">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="input mt-1" />
      </div>
      <button type="submit" disabled={pending} className={`${buttonClass("primary")} w-full`}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
