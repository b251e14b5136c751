"use client";

import { useActionState } from "react";
import { ConnectionTestResult, type ConnectionTestView } from "@/components/accounts/connection-test-result";
import { SubmitButton } from "@/components/ui/submit-button";

export type TestAgainAction = (previous: ConnectionTestView | null, formData: FormData) => Promise<ConnectionTestView | null>;

/** "Test again": tries the account's stored role and ExternalId now and shows each step's outcome below. */
export function TestAgainButton({ action, accountId, accountName }: { action: TestAgainAction; accountId: string; accountName: string }) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="accountId" value={accountId} />
      <SubmitButton variant="secondary" size="sm" pendingLabel="Testing…">
        Test again<span className="sr-only"> {accountName}</span>
      </SubmitButton>
      <div aria-live="polite">{result && !pending ? <ConnectionTestResult result={result} /> : null}</div>
    </form>
  );
}
