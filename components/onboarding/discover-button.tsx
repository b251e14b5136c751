"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";

export interface DiscoverState {
  tone: "success" | "error";
  message: string;
  /** When the discovery ran, so a repeated identical message is still announced. */
  at: string;
}

export type DiscoverAction = (previous: DiscoverState | null, formData: FormData) => Promise<DiscoverState | null>;

/** "Discover now": reads the organization again and refreshes the page. */
export function DiscoverButton({ action, label = "Discover now", variant = "secondary" }: { action: DiscoverAction; label?: string; variant?: "primary" | "secondary" }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <SubmitButton variant={variant} pendingLabel="Discovering…">
        {label}
      </SubmitButton>
      <p role="status" key={state?.at} className={`max-w-md text-right text-xs ${state?.tone === "error" ? "text-red-700 dark:text-red-400" : "muted"}`}>
        {state?.message ?? ""}
      </p>
    </form>
  );
}
