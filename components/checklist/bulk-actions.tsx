"use client";

import { useEffect, useId, useState } from "react";
import { buttonClass } from "@/components/ui/button-classes";
import { ACTION_LABELS, BULK_ACTIONS, type ManualAction } from "@/lib/remediation/action-labels";
import type { AssignableUser } from "@/lib/remediation/people";
import type { ChecklistAction } from "./action-state";
import { BULK_FORM_ID } from "./bulk-form-id";
import { ChangeFields } from "./change-fields";
import { useKeptForm } from "./use-kept-form";

function selectionBoxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="itemId"][form="${BULK_FORM_ID}"]`)];
}

/**
 * One change for every selected item. The item cards' checkboxes belong to this form through
 * their `form` attribute, so each card can keep its own form too; each item is judged on its own.
 */
export function BulkActions({ action, accountId, users }: { action: ChecklistAction; accountId: string; users: AssignableUser[] }) {
  const { result, dispatch, pending, pressed, onSubmit } = useKeptForm(action);
  const [chosen, setChosen] = useState<ManualAction>("mark_done");
  const [selected, setSelected] = useState(0);
  const id = useId();
  useEffect(() => {
    const count = () => setSelected(selectionBoxes().filter((box) => box.checked).length);
    count();
    document.addEventListener("change", count);
    return () => document.removeEventListener("change", count);
  }, [result]);
  const selectAll = (checked: boolean) => {
    for (const box of selectionBoxes()) box.checked = checked;
    setSelected(checked ? selectionBoxes().length : 0);
  };
  return (
    <section aria-label="Bulk actions" className="card p-4 print:hidden">
      <form id={BULK_FORM_ID} action={dispatch} onSubmit={onSubmit} className="space-y-3">
        <input type="hidden" name="accountId" value={accountId} />
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium" role="status">
            {selected} selected
          </span>
          <button type="button" className={buttonClass("secondary", "sm")} onClick={() => selectAll(true)}>
            Select all on this page
          </button>
          <button type="button" className={buttonClass("ghost", "sm")} onClick={() => selectAll(false)}>
            Clear selection
          </button>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor={`${id}-action`} className="field-label">
              Change the selected items
            </label>
            <select id={`${id}-action`} name="action" className="input mt-1" value={chosen} onChange={(event) => setChosen(event.target.value as ManualAction)}>
              {BULK_ACTIONS.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {ACTION_LABELS[candidate]}
                </option>
              ))}
            </select>
          </div>
          <ChangeFields action={chosen} fieldErrors={result?.fieldErrors} users={users} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" name="apply" value="1" disabled={selected === 0 || pending} className={buttonClass("primary")}>
              {pending && pressed === "apply" ? "Saving…" : "Apply to selected"}
            </button>
            <button type="submit" name="assignToMe" value="1" formNoValidate disabled={selected === 0 || pending} className={buttonClass("secondary")}>
              {pending && pressed === "assignToMe" ? "Assigning…" : "Assign selected to me"}
            </button>
          </div>
        </div>
        <p role="status" className={`text-sm ${result?.tone === "error" ? "text-red-700 dark:text-red-400" : "text-emerald-800 dark:text-emerald-300"}`}>
          {result?.message ?? ""}
        </p>
      </form>
    </section>
  );
}
