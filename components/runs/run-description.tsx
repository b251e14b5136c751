import type { RunSummary } from "@/lib/db/runs";
import { cancelledBy } from "./cancel-attribution";

/** Under a run's title: that it refreshes while it runs, and who cancelled it and when. */
export function RunDescription({ run, active }: { run: Pick<RunSummary, "status" | "cancelRequestedAt" | "cancelRequestedBy">; active: boolean }) {
  const lines: string[] = [];
  if (run.cancelRequestedAt) {
    if (active) {
      lines.push(`${cancelledBy(run.cancelRequestedAt, run.cancelRequestedBy, "Cancel requested")}: running accounts stop within a few seconds.`);
    } else if (run.status === "cancelled") {
      lines.push(`${cancelledBy(run.cancelRequestedAt, run.cancelRequestedBy)}. Accounts that had finished before keep their results.`);
    } else {
      lines.push(`${cancelledBy(run.cancelRequestedAt, run.cancelRequestedBy, "A cancel requested")} came after every account had finished.`);
    }
  }
  if (active) lines.push("Refreshing every 2 seconds while the collection runs.");
  if (lines.length === 0) return null;
  return (
    <>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </>
  );
}
