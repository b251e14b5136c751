"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button-classes";
import { Notice } from "@/components/ui/notice";
import { ssoErrorMessage } from "@/lib/auth/sso-messages";
import { safeNextPath, signInPath } from "@/lib/security/safe-next";

/**
 * Starts the single sign-on: Better Auth answers with the provider's authorization URL (state,
 * PKCE challenge and nonce already in it), and the browser goes there. The provider sends the
 * browser back to /api/auth/callback/sso, which lands on ?next= or, refused, on this page with
 * ?error=.
 */
export function SsoSignInAction({ providerName }: { providerName: string }) {
  const searchParams = useSearchParams();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const returned = ssoErrorMessage(searchParams.get("error"));
  const message = failure ?? returned;

  async function start() {
    setPending(true);
    setFailure(null);
    const next = safeNextPath(searchParams.get("next"));
    try {
      const response = await fetch("/api/auth/sign-in/social", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ provider: "sso", callbackURL: next, errorCallbackURL: signInPath(next) }),
      });
      const answer = (await response.json().catch(() => ({}))) as { url?: unknown; message?: unknown };
      if (response.ok && typeof answer.url === "string") {
        window.location.assign(answer.url);
        return;
      }
      setFailure(typeof answer.message === "string" && response.status === 503 ? answer.message : `Single sign-on is not available right now (HTTP ${response.status}).`);
    } catch {
      setFailure("iamfit cannot be reached.");
    }
    setPending(false);
  }

  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3 text-xs muted" aria-hidden="true">
        <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
        or
        <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
      </div>
      {message ? (
        <Notice tone="error" role="alert">
          {message}
        </Notice>
      ) : null}
      <button type="button" onClick={start} disabled={pending} className={`${buttonClass("secondary")} w-full`}>
        {pending ? `Redirecting to ${providerName}…` : `Sign in with ${providerName}`}
      </button>
    </div>
  );
}
