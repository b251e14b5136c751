/** POST /api/v1/collections: what to collect, and what was started. */
import { z } from "zod";
import type { RequestedRun } from "@/lib/collect/request-collection";

export const apiCollectionRequestSchema = z.strictObject({
  accounts: z
    .array(z.string().regex(/^[0-9]{12}$/, "must be a 12-digit AWS account id"))
    .min(1)
    .max(1000)
    .optional()
    .describe("The accounts to collect; every linked account in scope when absent"),
});
export type ApiCollectionRequest = z.infer<typeof apiCollectionRequestSchema>;

export const apiCollectionStartedSchema = z.object({
  runId: z.string().nullable().describe("The new run (follow it at /api/v1/runs); null when nothing was queued"),
  queued: z.array(z.string()).describe("Accounts queued for collection"),
  alreadyActive: z.array(z.string()).describe("Accounts skipped: a collection of theirs is already queued or running"),
  outOfScope: z.array(z.object({ accountId: z.string(), reason: z.string() })).describe("Linked accounts left out by the collection scope"),
});
export type ApiCollectionStarted = z.infer<typeof apiCollectionStartedSchema>;

export function toApiCollectionStarted(run: RequestedRun): ApiCollectionStarted {
  return {
    runId: run.runId?.toString() ?? null,
    queued: run.queued.map((item) => item.awsAccountId),
    alreadyActive: run.alreadyActive,
    outOfScope: run.outOfScope.map((item) => ({ accountId: item.awsAccountId, reason: item.reason })),
  };
}
