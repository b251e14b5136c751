/**
 * A linked account as /api/v1/accounts shows it. The ExternalId stays out: it is the
 * installation's shared secret with every audit role's trust policy.
 */
import { z } from "zod";
import type { LinkedAccountView } from "@/lib/db/accounts";

export const apiCollectionErrorSchema = z
  .object({ api: z.string().optional(), code: z.string().optional(), message: z.string().optional() });

export const apiAccountSchema = z
  .object({
    accountId: z.string().regex(/^[0-9]{12}$/),
    name: z.string(),
    roleArn: z.string(),
    tags: z.record(z.string(), z.string()),
    source: z.string().describe("How it was linked: manual, cli, organization…"),
    linkedAt: z.string(),
    status: z.string().describe("Status of its last collection (never, succeeded, partial, failed…)"),
    lastCollectedAt: z.string().nullable(),
    lastEvaluatedRunId: z.string().nullable().describe("The run its current scores come from"),
    lastError: apiCollectionErrorSchema.nullable(),
  });

export type ApiAccount = z.infer<typeof apiAccountSchema>;

export function toApiAccount(account: LinkedAccountView): ApiAccount {
  return {
    accountId: account.awsAccountId,
    name: account.name,
    roleArn: account.roleArn,
    tags: account.tags,
    source: account.source,
    linkedAt: account.createdAt.toISOString(),
    status: account.lastStatus,
    lastCollectedAt: account.lastCollectedAt?.toISOString() ?? null,
    lastEvaluatedRunId: account.lastEvaluatedRunId?.toString() ?? null,
    lastError: account.lastError,
  };
}

export const apiAccountListSchema = z.object({ accounts: z.array(apiAccountSchema) });
export type ApiAccountList = z.infer<typeof apiAccountListSchema>;
