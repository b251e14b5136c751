"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { RevokeTokenAction } from "./token-action-state";

export function RevokeTokenButton({ action, tokenId, tokenName }: { action: RevokeTokenAction; tokenId: string; tokenName: string }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="tokenId" value={tokenId} />
      <SubmitButton variant="danger" size="sm" pendingLabel="Revoking…">
        <span>
          Revoke<span className="sr-only"> {tokenName}</span>
        </span>
      </SubmitButton>
      {state ? (
        <p role="status" className={`text-xs ${state.tone === "error" ? "text-red-700 dark:text-red-400" : "muted"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
