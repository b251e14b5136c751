"use client";

import { useActionState, type ReactNode } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonSize, ButtonVariant } from "@/components/ui/button-classes";

export type CancelResult = { tone: "success" | "info" | "error"; message: string } | null;
export type CancelAction = (previous: CancelResult, formData: FormData) => Promise<CancelResult>;

const TONE_CLASS = {
  success: "text-emerald-800 dark:text-emerald-300",
  info: "text-zinc-700 dark:text-zinc-300",
  error: "text-red-700 dark:text-red-400",
} as const;

/**
 * Cancels a running collection, or one account in it (`accountId`). Queued accounts stop at
 * once; running ones at their next heartbeat, keeping what earlier collections stored.
 */
export function CancelButton({
  action,
  runId,
  accountId,
  label,
  size = "md",
  variant = "secondary",
}: {
  action: CancelAction;
  runId: string;
  accountId?: string;
  label: ReactNode;
  size?: ButtonSize;
  variant?: ButtonVariant;
}) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col items-start gap-1">
      <input type="hidden" name="runId" value={runId} />
      {accountId ? <input type="hidden" name="accountId" value={accountId} /> : null}
      <SubmitButton variant={variant} size={size} pendingLabel="Cancelling…">
        {label}
      </SubmitButton>
      {result ? (
        <p role="status" className={`max-w-64 text-xs ${TONE_CLASS[result.tone]}`}>
          {result.message}
        </p>
      ) : null}
    </form>
  );
}
