"use client";

import { useActionState, useId, useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { ACTION_LABELS, type ManualAction } from "@/lib/remediation/action-labels";
import type { ChecklistAction } from "./action-state";
import { ChangeFields } from "./change-fields";

/** Change one item: the actions its state allows, the inputs the chosen one needs, and who. */
export function ItemChangeForm({
  action,
  accountId,
  itemId,
  actions,
  defaults,
  label,
}: {
  action: ChecklistAction;
  accountId: string;
  itemId: string;
  actions: ManualAction[];
  defaults: { assignee: string | null; dueOn: string | null };
  /** What the item is, for screen readers ("Change root.access-keys: root"). */
  label: string;
}) {
  const [result, formAction] = useActionState(action, null);
  const [chosen, setChosen] = useState<ManualAction>(actions[0] ?? "add_note");
  const id = useId();
  return (
    <form action={formAction} aria-label={`Change ${label}`} className="space-y-2">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="itemId" value={itemId} />
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-action`} className="field-label">
            Change
          </label>
          <select id={`${id}-action`} name="action" className="input mt-1" value={chosen} onChange={(event) => setChosen(event.target.value as ManualAction)}>
            {actions.map((candidate) => (
              <option key={candidate} value={candidate}>
                {ACTION_LABELS[candidate]}
              </option>
            ))}
          </select>
        </div>
        <ChangeFields action={chosen} fieldErrors={result?.fieldErrors} defaults={defaults} />
        <SubmitButton variant="primary" pendingLabel="Saving…">
          Save
        </SubmitButton>
      </div>
      <p role="status" className={`text-sm ${result?.tone === "error" ? "text-red-700 dark:text-red-400" : "text-emerald-800 dark:text-emerald-300"}`}>
        {result?.message ?? ""}
      </p>
    </form>
  );
}
