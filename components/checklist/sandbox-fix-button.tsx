"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ChecklistAction } from "./action-state";

/** "Apply this fix in the sandbox": the demo and test half of the loop fix → collect → verified. */
export function SandboxFixButton({ action, accountId, itemId, description }: { action: ChecklistAction; accountId: string; itemId: string; description: string }) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3 print:hidden">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="itemId" value={itemId} />
      <SubmitButton variant="secondary" size="sm" pendingLabel="Applying…">
        Apply this fix in the sandbox
      </SubmitButton>
      <span className="text-xs muted">{description}</span>
      <p role="status" className={`w-full text-sm ${result?.tone === "error" ? "text-red-700 dark:text-red-400" : "text-emerald-800 dark:text-emerald-300"}`}>
        {result?.message ?? ""}
      </p>
    </form>
  );
}
