"use client";

import { useId } from "react";
import type { ManualAction } from "@/lib/remediation/action-labels";
import { personLabel, type AssignableUser } from "@/lib/remediation/people";

/** The inputs an action needs, shared by the per-item and the bulk form. */
export function ChangeFields({
  action,
  fieldErrors,
  defaults = {},
  formId,
  users,
}: {
  action: ManualAction;
  /** Who an item can be assigned to. */
  users: AssignableUser[];
  fieldErrors?: Record<string, string>;
  defaults?: { assignee?: string | null; dueOn?: string | null };
  /** For inputs that sit outside their form (the bulk bar). */
  formId?: string;
}) {
  const id = useId();
  const error = (field: string) =>
    fieldErrors?.[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {fieldErrors[field]}
      </p>
    ) : null;
  const described = (field: string) => (fieldErrors?.[field] ? { "aria-invalid": true, "aria-describedby": `${id}-${field}-error` } : {});
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return (
    <>
      {action === "accept_risk" ? (
        <>
          <div className="min-w-64 flex-1">
            <label htmlFor={`${id}-risk-reason`} className="field-label">
              Why the risk is accepted (required)
            </label>
            <textarea id={`${id}-risk-reason`} name="riskReason" form={formId} rows={2} required maxLength={5000} className="input mt-1" {...described("riskReason")} />
            {error("riskReason")}
          </div>
          <div>
            <label htmlFor={`${id}-risk-expires`} className="field-label">
              Accepted until (required)
            </label>
            <input id={`${id}-risk-expires`} name="riskExpiresOn" form={formId} type="date" min={tomorrow} required className="input mt-1" {...described("riskExpiresOn")} />
            {error("riskExpiresOn")}
          </div>
        </>
      ) : null}
      {action === "assign" ? (
        <div className="min-w-48">
          <label htmlFor={`${id}-assignee`} className="field-label">
            Assignee
          </label>
          {/* Keyed by the stored assignee: after a save the select shows who the item now belongs to. */}
          <select key={defaults.assignee ?? ""} id={`${id}-assignee`} name="assignee" form={formId} defaultValue={defaults.assignee ?? ""} className="input mt-1 max-w-full" {...described("assignee")}>
            <option value="">Nobody (unassign)</option>
            {defaults.assignee && !users.some((user) => user.email === defaults.assignee) ? (
              <option value={defaults.assignee}>{defaults.assignee} (not a user who can sign in)</option>
            ) : null}
            {users.map((user) => (
              <option key={user.email} value={user.email}>
                {personLabel(user)}
              </option>
            ))}
          </select>
          {error("assignee")}
        </div>
      ) : null}
      {action === "set_due_date" ? (
        <div>
          <label htmlFor={`${id}-due`} className="field-label">
            Due date (empty to clear)
          </label>
          <input id={`${id}-due`} name="dueOn" form={formId} type="date" defaultValue={defaults.dueOn ?? ""} className="input mt-1" {...described("dueOn")} />
          {error("dueOn")}
        </div>
      ) : null}
      {action === "add_note" ? (
        <div className="min-w-64 flex-1">
          <label htmlFor={`${id}-note`} className="field-label">
            Note
          </label>
          <textarea id={`${id}-note`} name="note" form={formId} rows={2} required maxLength={5000} className="input mt-1" {...described("note")} />
          {error("note")}
        </div>
      ) : null}
      {action !== "accept_risk" && action !== "add_note" ? (
        <div className="min-w-64 flex-1">
          <label htmlFor={`${id}-comment`} className="field-label">
            Why (optional, kept in the history)
          </label>
          <input id={`${id}-comment`} name="comment" form={formId} maxLength={5000} className="input mt-1" />
        </div>
      ) : null}
    </>
  );
}
