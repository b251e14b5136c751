"use client";

import Link from "next/link";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonSize, ButtonVariant } from "@/components/ui/button-classes";

export type CollectResult = { tone: "success" | "info" | "error"; message: string; runId?: string } | null;
export type CollectAction = (previous: CollectResult, formData: FormData) => Promise<CollectResult>;

const TONE_CLASS = {
  success: "text-emerald-800 dark:text-emerald-300",
  info: "text-zinc-700 dark:text-zinc-300",
  error: "text-red-700 dark:text-red-400",
} as const;

/**
 * "Collect now" for one account (accountId) or all of them, with the outcome beside it:
 * started, already being collected (and where), or why it could not start.
 */
export function CollectButton({
  action,
  accountId,
  label = "Collect now",
  variant = "secondary",
  size = "md",
  align = "start",
}: {
  action: CollectAction;
  accountId?: string;
  label?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  align?: "start" | "end";
}) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className={`flex flex-col gap-1 ${align === "end" ? "items-end text-right" : "items-start"}`}>
      {accountId ? <input type="hidden" name="accountId" value={accountId} /> : null}
      <SubmitButton variant={variant} size={size} pendingLabel="Starting…">
        {label}
      </SubmitButton>
      <p role="status" className={`max-w-64 text-xs ${result ? TONE_CLASS[result.tone] : ""}`}>
        {result ? (
          <>
            {result.message}
            {result.runId ? (
              <>
                {" "}
                <Link href={`/runs/${result.runId}`}>View collection #{result.runId}</Link>
              </>
            ) : null}
          </>
        ) : null}
      </p>
    </form>
  );
}
