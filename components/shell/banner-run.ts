import type { RunSummary } from "@/lib/db/runs";
import type { BannerRun } from "./active-run-banner";

/** The JSON-safe part of a run the banner needs (bigint ids become strings). */
export function toBannerRun(run: RunSummary): BannerRun {
  return {
    id: run.id.toString(),
    status: run.status,
    accountsDone: run.accountsDone,
    accountsTotal: run.accountsTotal,
    accountsFailed: run.accountsFailed,
  };
}
