import type { CancelResult } from "@/components/runs/cancel-button";

/** What the user sees after "Cancel", from what requestCancel did. */
export function describeCancel(outcome: { scope: "run" | "account"; cancelledQueued: number; flaggedRunning: number }): NonNullable<CancelResult> {
  const { cancelledQueued, flaggedRunning } = outcome;
  if (cancelledQueued + flaggedRunning === 0) {
    return { tone: "info", message: outcome.scope === "run" ? "Nothing left to cancel: the collection has finished." : "Nothing to cancel: this account has finished." };
  }
  if (outcome.scope === "account") {
    return {
      tone: "success",
      message: cancelledQueued > 0 ? "Cancelled before it started." : "Stopping within a few seconds; what earlier collections stored is kept.",
    };
  }
  const parts = [
    cancelledQueued > 0 ? `${cancelledQueued} queued account${cancelledQueued === 1 ? "" : "s"} cancelled` : undefined,
    flaggedRunning > 0 ? `${flaggedRunning} running account${flaggedRunning === 1 ? "" : "s"} stopping within a few seconds` : undefined,
  ].filter(Boolean);
  return { tone: "success", message: `${parts.join("; ")}. Accounts already finished keep their results.` };
}
