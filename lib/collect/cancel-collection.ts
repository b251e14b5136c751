/**
 * Cancelling from anywhere (UI, CLI): queued accounts stop at once, running ones at their
 * worker's next heartbeat. When nothing is left running, the run is closed here, since no
 * worker will finish an account to do it.
 */
import { finishRunIfComplete, requestCancel } from "@/lib/db/collections";
import { scoreOrganizationForRun } from "./evaluate";

export interface CancelOutcome {
  cancelledQueued: number;
  flaggedRunning: number;
  /** The run's final status when this cancel closed it. */
  runStatus: string | null;
}

export async function cancelCollection(options: { runId: bigint; awsAccountId?: string; requestedBy?: string }): Promise<CancelOutcome> {
  const result = await requestCancel(options);
  const runStatus = result.cancelledQueued > 0 ? await finishRunIfComplete(options.runId, scoreOrganizationForRun) : null;
  return { ...result, runStatus };
}
