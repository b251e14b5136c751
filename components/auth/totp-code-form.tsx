"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Notice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/button-classes";
import { codeStepMessage } from "@/lib/auth/sign-in-messages";
import { verifyTotpCode } from "./auth-endpoints";

/** A 6-digit code from the authenticator app: the sign-in's second step, or an enrolment's confirmation. */
export function TotpCodeForm({ next, submitLabel, signInHref }: { next: string; submitLabel: string; signInHref: string }) {
  const [error, setError] = useState<{ message: string; restart: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s+/g, "");
    setPending(true);
    setError(null);
    const answer = await verifyTotpCode(code);
    if (!answer.ok) {
      setError(codeStepMessage(answer.refusal));
      setPending(false);
      return;
    }
    window.location.assign(next);
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-describedby={error ? "code-error" : undefined}>
      {error ? (
        <Notice tone="error" role="alert">
          <span id="code-error">{error.message}</span> {error.restart ? <Link href={signInHref}>Sign in again</Link> : null}
        </Notice>
      ) : null}
      <div>
        <label htmlFor="code" className="field-label">
          6-digit code
        </label>
        <input
          id="code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          required
          autoFocus
          className="input mt-1 font-mono text-lg tracking-widest"
        />
      </div>
      <button type="submit" disabled={pending} className={`${buttonClass("primary")} w-full`}>
        {pending ? "Checking…" : submitLabel}
      </button>
    </form>
  );
}
