/** A collection run as /api/v1/runs shows it. */
import { z } from "zod";
import type { RunSummary } from "@/lib/db/runs";

export const apiRunSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    trigger: z.string(),
    requestedBy: z.string().nullable(),
    status: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    accountsTotal: z.number().int(),
    accountsDone: z.number().int(),
    accountsFailed: z.number().int(),
    apiCalls: z.number().int(),
  });

export type ApiRun = z.infer<typeof apiRunSchema>;

export function toApiRun(run: RunSummary): ApiRun {
  return {
    id: run.id.toString(),
    kind: run.kind,
    trigger: run.trigger,
    requestedBy: run.requestedBy,
    status: run.status,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    accountsTotal: run.accountsTotal,
    accountsDone: run.accountsDone,
    accountsFailed: run.accountsFailed,
    apiCalls: run.apiCalls,
  };
}

export const apiRunsPageSchema = z
  .object({
    runs: z.array(apiRunSchema).describe("Newest first"),
    nextBefore: z.string().nullable().describe("Pass as `before` for the next (older) page; null on the last page"),
  });
export type ApiRunsPage = z.infer<typeof apiRunsPageSchema>;
