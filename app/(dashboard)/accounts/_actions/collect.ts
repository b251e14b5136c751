"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CollectResult } from "@/components/accounts/collect-button";
import { ACCOUNT_ID_PATTERN } from "@/lib/accounts/link-input";
import { requestCollection } from "@/lib/collect/request-collection";
import { activeRunsForAccounts } from "@/lib/db/runs";
import { processServices } from "@/lib/runtime/process-services";
import { describeCollectionRequest } from "./describe-collection-request";
import { authorizedAction } from "@/lib/auth/guards";

const collectInputSchema = z.object({
  accountId: z.string().regex(ACCOUNT_ID_PATTERN).optional(),
});

/** "Collect now": one account when the form names it, every linked account otherwise. */
export const collectAccountsAction = authorizedAction("collect", async ({ audit }, _previous: CollectResult, formData: FormData): Promise<CollectResult> => {
  const parsed = collectInputSchema.safeParse({ accountId: formData.get("accountId") ?? undefined });
  if (!parsed.success) return { tone: "error", message: "That is not a 12-digit AWS account id." };
  const awsAccountIds = parsed.data.accountId ? [parsed.data.accountId] : undefined;
  try {
    const { boss } = processServices();
    const run = await requestCollection(boss, { trigger: "manual", awsAccountIds });
    await audit({
      action: "collection.requested",
      target: awsAccountIds ? { type: "account", id: awsAccountIds[0]! } : { type: "organization", id: "all" },
      detail: { runId: run.runId?.toString() ?? null, queued: run.queued.length },
    });
    const active = run.alreadyActive.length > 0 ? await activeRunsForAccounts(run.alreadyActive.slice(0, 100)) : [];
    revalidatePath("/", "layout");
    return describeCollectionRequest({
      scope: awsAccountIds ? "one" : "all",
      runId: run.runId,
      queued: run.queued.length,
      alreadyActive: run.alreadyActive.length,
      activeRunIds: active.map((item) => item.runId),
      outOfScope: run.outOfScope,
    });
  } catch (error) {
    return {
      tone: "error",
      message: `The collection could not be started: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}, (message) => ({ tone: "error", message }));
