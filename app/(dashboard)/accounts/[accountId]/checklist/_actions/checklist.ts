"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ChecklistActionState } from "@/components/checklist/action-state";
import { ACCOUNT_ID_PATTERN } from "@/lib/accounts/link-input";
import { changeChecklistItems, recordSandboxFix } from "@/lib/remediation/checklist-store";
import { findAssignableUser } from "@/lib/db/assignable-users";
import { getAccountChecklist } from "@/lib/remediation/checklist-read";
import { formFields, parseChecklistAction } from "@/lib/remediation/action-input";
import { applySandboxFix } from "@/lib/remediation/apply-sandbox-fix";
import { describeChange } from "@/lib/remediation/describe-change";
import { describeSandboxMutation, sandboxFixFor } from "@/lib/remediation/sandbox-fix";
import { processServices } from "@/lib/runtime/process-services";
import { loadSandboxMutations, saveSandboxMutations } from "@/lib/runtime/sandbox-setup";
import { SandboxMutationError } from "@/lib/sandbox/mutations";
import { authorizedAction } from "@/lib/auth/guards";
import { actingPerson } from "../_lib/actor";

const accountIdSchema = z.string().regex(ACCOUNT_ID_PATTERN);

function checklistPaths(awsAccountId: string) {
  revalidatePath(`/accounts/${awsAccountId}/checklist`);
  revalidatePath("/checklists");
}

/** Any change to one or many items of one account (the per-item form and the bulk form). */
export const changeChecklistAction = authorizedAction(
  "workChecklists",
  async ({ user, audit }, _previous: ChecklistActionState, formData: FormData): Promise<ChecklistActionState> => {
    const account = accountIdSchema.safeParse(formData.get("accountId"));
    if (!account.success) return { tone: "error", message: "That is not a 12-digit AWS account id." };
    const actor = actingPerson(user);
    const parsed = parseChecklistAction({ ...formFields(formData), actor }, new Date());
    if (!parsed.ok) {
      return { tone: "error", message: Object.values(parsed.fieldErrors)[0] ?? "Check the form.", fieldErrors: parsed.fieldErrors };
    }
    const { event } = parsed.value;
    if (event.type === "assign" && event.assignee !== null) {
      const assignee = await findAssignableUser(event.assignee);
      const refusal = `${event.assignee} is not one of iamfit's users who can sign in; choose someone from the list.`;
      if (!assignee) return { tone: "error", message: refusal, fieldErrors: { assignee: refusal } };
      event.assignee = assignee.email;
    }
    try {
      const outcome = await changeChecklistItems({ awsAccountId: account.data, ...parsed.value });
      await audit({
        action: "checklist.changed",
        target: { type: "account", id: account.data },
        detail: { event: parsed.value.event.type, itemIds: parsed.value.itemIds, outcome },
      });
      checklistPaths(account.data);
      return describeChange(parsed.value.event.type, outcome);
    } catch (error) {
      return { tone: "error", message: `The change was not saved: ${error instanceof Error ? error.message : String(error)}` };
    }
  },
  (message) => ({ tone: "error", message }),
);

const sandboxFixSchema = z.object({ accountId: accountIdSchema, itemId: z.string().regex(/^\d{1,19}$/) });

/**
 * "Apply this fix in the sandbox": the mutation is derived here from the stored item, never
 * taken from the form, and refused unless this process serves the sandbox organization.
 */
export const applySandboxFixAction = authorizedAction(
  "workChecklists",
  async ({ user, audit }, _previous: ChecklistActionState, formData: FormData): Promise<ChecklistActionState> => {
    const parsed = sandboxFixSchema.safeParse({ accountId: formData.get("accountId"), itemId: formData.get("itemId") });
    if (!parsed.success) return { tone: "error", message: "That is not a checklist item." };
    let world;
    try {
      world = processServices().aws.sandbox;
    } catch {
      world = undefined;
    }
    if (!world) return { tone: "error", message: "Fixes can only be applied when iamfit runs the sandbox organization." };
    const checklist = await getAccountChecklist(parsed.data.accountId, { itemIds: [parsed.data.itemId] });
    const item = checklist?.items[0];
    if (!item) return { tone: "error", message: "That item is not part of this account's checklist." };
    const mutations = sandboxFixFor(item);
    if (mutations.length === 0) return { tone: "error", message: "The sandbox has no fix for this item; follow the steps instead." };
    try {
      const applied = await applySandboxFix({ world, loadMutations: loadSandboxMutations, saveMutations: saveSandboxMutations }, mutations);
      const summary = applied.map(describeSandboxMutation).join("; ");
      await recordSandboxFix({
        awsAccountId: parsed.data.accountId,
        itemId: parsed.data.itemId,
        actor: actingPerson(user),
        at: new Date(),
        mutations: applied,
        summary,
      });
      await audit({ action: "sandbox.fix_applied", target: { type: "account", id: parsed.data.accountId }, detail: { itemId: parsed.data.itemId, summary } });
      checklistPaths(parsed.data.accountId);
      return { tone: "success", message: `Applied in the sandbox: ${summary}. Collect the account to verify it.` };
    } catch (error) {
      if (error instanceof SandboxMutationError) return { tone: "error", message: `The sandbox refused the fix: ${error.message}` };
      return { tone: "error", message: `The fix was not applied: ${error instanceof Error ? error.message : String(error)}` };
    }
  },
  (message) => ({ tone: "error", message }),
);
