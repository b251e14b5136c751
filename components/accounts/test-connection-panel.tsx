"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConnectionTestResult, type ConnectionTestView } from "./connection-test-result";

export type TestConnectionAction = (previous: ConnectionTestView | null, formData: FormData) => Promise<ConnectionTestView | null>;

/** "Test connection" for a linked account: tries its stored role and ExternalId now. */
export function TestConnectionPanel({ action, accountId }: { action: TestConnectionAction; accountId: string }) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="accountId" value={accountId} />
      <SubmitButton variant="secondary" pendingLabel="Testing…">
        Test connection
      </SubmitButton>
      <div aria-live="polite">{result && !pending ? <ConnectionTestResult result={result} /> : null}</div>
    </form>
  );
}
