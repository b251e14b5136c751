"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CancelResult } from "@/components/runs/cancel-button";
import { ACCOUNT_ID_PATTERN } from "@/lib/accounts/link-input";
import { cancelCollection } from "@/lib/collect/cancel-collection";
import { parseRunId } from "../_lib/run-params";
import { describeCancel } from "./describe-cancel";
import { authorizedAction } from "@/lib/auth/guards";

const cancelInputSchema = z.object({
  runId: z.string().transform((value, context) => parseRunId(value) ?? (context.addIssue({ code: "custom", message: "not a run id" }), z.NEVER)),
  accountId: z.string().regex(ACCOUNT_ID_PATTERN).optional(),
});

/** "Cancel collection" on a run page, or "Cancel" on one account's row. */
export const cancelCollectionAction = authorizedAction(
  "collect",
  async ({ user, audit }, _previous: CancelResult, formData: FormData): Promise<CancelResult> => {
    const parsed = cancelInputSchema.safeParse({ runId: formData.get("runId"), accountId: formData.get("accountId") ?? undefined });
    if (!parsed.success) return { tone: "error", message: "That is not a collection or account iamfit knows." };
    try {
      const result = await cancelCollection({ runId: parsed.data.runId, awsAccountId: parsed.data.accountId, requestedBy: user.email });
      await audit({
        action: "collection.cancelled",
        target: parsed.data.accountId ? { type: "account", id: parsed.data.accountId } : { type: "run", id: parsed.data.runId.toString() },
        detail: { runId: parsed.data.runId.toString() },
      });
      revalidatePath(`/runs/${parsed.data.runId}`);
      revalidatePath("/", "layout");
      return describeCancel({ scope: parsed.data.accountId ? "account" : "run", ...result });
    } catch (error) {
      return { tone: "error", message: `The collection could not be cancelled: ${error instanceof Error ? error.message : String(error)}` };
    }
  },
  (message) => ({ tone: "error", message }),
);
