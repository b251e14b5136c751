"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ConnectionTestView } from "@/components/accounts/connection-test-result";
import { ACCOUNT_ID_PATTERN } from "@/lib/accounts/link-input";
import { AccountNotFoundError, getLinkedAccount, removeLinkedAccount } from "@/lib/db/accounts";
import { runConnectionTest } from "./run-connection-test";
import { authorizedAction } from "@/lib/auth/guards";

const accountIdSchema = z.object({ accountId: z.string().regex(ACCOUNT_ID_PATTERN) });

/** "Test connection" on a linked account: its stored role and ExternalId, read from the database. */
export const testLinkedAccountConnectionAction = authorizedAction(
  "manageAccounts",
  async (_context, _previous: ConnectionTestView | null, formData: FormData): Promise<ConnectionTestView | null> => {
    const parsed = accountIdSchema.safeParse({ accountId: formData.get("accountId") });
    const testedAt = new Date().toISOString();
    if (!parsed.success) return { ok: false, steps: [], testedAt, failure: "That is not a 12-digit AWS account id." };
    const account = await getLinkedAccount(parsed.data.accountId);
    if (!account) return { ok: false, steps: [], testedAt, failure: `Account ${parsed.data.accountId} is not linked.` };
    return runConnectionTest({ accountId: account.awsAccountId, roleArn: account.roleArn, externalId: account.externalId });
  },
  (message) => ({ ok: false, steps: [], testedAt: new Date().toISOString(), failure: message }),
);

/** Removes an account from the scorecard (its history is kept) and returns to the list. */
export const removeAccountAction = authorizedAction(
  "manageAccounts",
  async ({ audit }, _previous: string | null, formData: FormData): Promise<string | null> => {
    const parsed = accountIdSchema.safeParse({ accountId: formData.get("accountId") });
    if (!parsed.success) return "That is not a 12-digit AWS account id.";
    try {
      await removeLinkedAccount(parsed.data.accountId);
    } catch (error) {
      if (!(error instanceof AccountNotFoundError)) {
        return `The account could not be removed: ${error instanceof Error ? error.message : String(error)}`;
      }
      // Already removed (another tab, another user): the outcome the user asked for.
    }
    await audit({ action: "account.removed", target: { type: "account", id: parsed.data.accountId } });
    revalidatePath("/", "layout");
    redirect(`/accounts?removed=${parsed.data.accountId}`);
  },
  (message) => message,
);
