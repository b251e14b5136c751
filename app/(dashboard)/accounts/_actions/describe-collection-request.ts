import type { CollectResult } from "@/components/accounts/collect-button";

/** What the user sees after "Collect now", from what requestCollection did. */
export function describeCollectionRequest(outcome: {
  scope: "one" | "all";
  runId: bigint | null;
  queued: number;
  alreadyActive: number;
  activeRunIds: bigint[];
  /** Accounts left out because they are outside the collection scope (Settings), with why. */
  outOfScope?: Array<{ reason: string }>;
}): NonNullable<CollectResult> {
  const accounts = (count: number) => `${count} account${count === 1 ? "" : "s"}`;
  const activeRun = outcome.activeRunIds[0]?.toString();
  const outOfScope = outcome.outOfScope ?? [];
  if (outcome.runId === null && outOfScope.length > 0 && outcome.alreadyActive === 0) {
    return {
      tone: "info",
      message:
        outcome.scope === "one"
          ? `Not collected: this account is outside the collection scope (${outOfScope[0]!.reason}). Change the scope in Settings.`
          : `Not collected: all ${accounts(outOfScope.length)} are outside the collection scope. Change the scope in Settings.`,
    };
  }
  if (outcome.runId === null) {
    if (outcome.alreadyActive === 0) {
      return {
        tone: "info",
        message: outcome.scope === "one" ? "This account is not linked any more." : "There are no linked accounts to collect.",
      };
    }
    return {
      tone: "info",
      message:
        outcome.scope === "one"
          ? "Already being collected; nothing new was started."
          : outcome.alreadyActive === 1
            ? "The one linked account is already being collected; nothing new was started."
            : `All ${accounts(outcome.alreadyActive)} are already being collected; nothing new was started.`,
      runId: activeRun,
    };
  }
  const skipped =
    (outcome.alreadyActive > 0
      ? ` ${accounts(outcome.alreadyActive)} already being collected ${outcome.alreadyActive === 1 ? "was" : "were"} left out.`
      : "") + (outOfScope.length > 0 ? ` ${accounts(outOfScope.length)} outside the collection scope ${outOfScope.length === 1 ? "was" : "were"} left out.` : "");
  return {
    tone: "success",
    message:
      outcome.scope === "one"
        ? `Collection #${outcome.runId} started.`
        : `Collection #${outcome.runId} started for ${accounts(outcome.queued)}.${skipped}`,
    runId: outcome.runId.toString(),
  };
}
