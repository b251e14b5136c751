"use client";

import { useState, type FormEvent } from "react";
import { Notice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/button-classes";
import { startTotpEnrolment } from "./auth-endpoints";

/** Creating an authenticator key asks for the password again (Better Auth's rule for two-factor changes). */
export function StartEnrolmentForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setPending(true);
    setError(null);
    const answer = await startTotpEnrolment(password);
    if (!answer.ok) {
      setError(answer.refusal.status === 429 ? "Too many attempts. Wait a minute." : "The password is not right.");
      setPending(false);
      return;
    }
    window.location.reload();
  }

  return (
    <form onSubmit={submit} className="card space-y-4 p-5">
      {error ? (
        <Notice tone="error" role="alert">
          {error}
        </Notice>
      ) : null}
      <div>
        <label htmlFor="password" className="field-label">
          Your password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="input mt-1" />
      </div>
      <button type="submit" disabled={pending} className={`${buttonClass("primary")} w-full`}>
        {pending ? "Creating…" : "Set up an authenticator"}
      </button>
    </form>
  );
}
