"use client";

import { useActionState } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

export interface SendTestAlertState {
  tone?: "success" | "error";
  message?: string;
}

/** "Send test": sends at once and says what the receiver answered. */
export function SendTestAlertButton({ action, destinationId }: { action: (previous: SendTestAlertState, formData: FormData) => Promise<SendTestAlertState>; destinationId: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={destinationId} />
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        Send test
      </SubmitButton>
      {state.message ? (
        <Notice tone={state.tone ?? "info"} role={state.tone === "error" ? "alert" : "status"}>
          {state.message}
        </Notice>
      ) : null}
    </form>
  );
}
