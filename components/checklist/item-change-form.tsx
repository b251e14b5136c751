"use client";

import { useId, useState } from "react";
import { buttonClass } from "@/components/ui/button-classes";
import { ACTION_LABELS, type ManualAction } from "@/lib/remediation/action-labels";
import type { AssignableUser } from "@/lib/remediation/people";
import type { ChecklistAction } from "./action-state";
import { ChangeFields } from "./change-fields";
import { useKeptForm } from "./use-kept-form";

/** Change one item: the actions its state allows, the inputs the chosen one needs, and "Assign to me". */
export function ItemChangeForm({
  action,
  accountId,
  itemId,
  actions,
  defaults,
  label,
  users,
  me,
}: {
  action: ChecklistAction;
  accountId: string;
  itemId: string;
  actions: ManualAction[];
  defaults: { assignee: string | null; dueOn: string | null };
  /** What the item is, for screen readers ("Change root.access-keys: root"). */
  label: string;
  users: AssignableUser[];
  /** The signed-in person's email. */
  me: string;
}) {
  const { result, dispatch, pending, pressed, onSubmit } = useKeptForm(action);
  const [picked, setPicked] = useState<ManualAction>(actions[0] ?? "add_note");
  // After a save the item's state may no longer allow the picked change (started items cannot start again).
  const chosen = actions.includes(picked) ? picked : (actions[0] ?? "add_note");
  const id = useId();
  return (
    <form action={dispatch} onSubmit={onSubmit} aria-label={`Change ${label}`} className="space-y-2">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="itemId" value={itemId} />
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-action`} className="field-label">
            Change
          </label>
          <select id={`${id}-action`} name="action" className="input mt-1" value={chosen} onChange={(event) => setPicked(event.target.value as ManualAction)}>
            {actions.map((candidate) => (
              <option key={candidate} value={candidate}>
                {ACTION_LABELS[candidate]}
              </option>
            ))}
          </select>
        </div>
        <ChangeFields action={chosen} fieldErrors={result?.fieldErrors} defaults={defaults} users={users} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="save" value="1" disabled={pending} className={buttonClass("primary")}>
            {pending && pressed === "save" ? "Saving…" : "Save"}
          </button>
          {defaults.assignee === me ? null : (
            <button type="submit" name="assignToMe" value="1" formNoValidate disabled={pending} className={buttonClass("secondary")}>
              {pending && pressed === "assignToMe" ? "Assigning…" : "Assign to me"}
            </button>
          )}
        </div>
      </div>
      <p role="status" className={`text-sm ${result?.tone === "error" ? "text-red-700 dark:text-red-400" : "text-emerald-800 dark:text-emerald-300"}`}>
        {result?.message ?? ""}
      </p>
    </form>
  );
}
