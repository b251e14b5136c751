"use client";

import Link from "next/link";
import { useActionState, useEffect, useId, useMemo, useState } from "react";
import { buttonClass } from "@/components/ui/button-classes";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { OrganizationRowStatus } from "@/lib/onboarding/organization-view";
import { OrgStatusBadge } from "./org-status-badge";

export interface OrganizationAccountItem {
  accountId: string;
  name: string;
  email: string;
  status: OrganizationRowStatus;
  linkable: boolean;
  unlinkable: boolean;
  /** The current error of a failing linked account: "sts:AssumeRole AccessDenied". */
  problem?: string;
}

export interface OrganizationGroup {
  ouPath: string;
  rows: OrganizationAccountItem[];
}

export interface SelectionState {
  tone: "success" | "error";
  message: string;
  details: string[];
  fieldErrors: Record<string, string>;
  at: string;
}

export type SelectionAction = (previous: SelectionState | null, formData: FormData) => Promise<SelectionState | null>;

/**
 * The organization's accounts by OU, with a checkbox on each one iamfit can link (or stop
 * auditing), and one role name and ExternalId for all of them: a whole organization is linked
 * with "Select all not linked", then "Link".
 */
export function OrganizationAccountsForm({
  groups,
  action,
  defaults,
}: {
  groups: OrganizationGroup[];
  action: SelectionAction;
  defaults: { roleName: string; externalId: string };
}) {
  const [state, formAction] = useActionState(action, null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const id = useId();
  const rows = useMemo(() => groups.flatMap((group) => group.rows), [groups]);
  const linkable = rows.filter((row) => row.linkable);
  const selectedLinkable = linkable.filter((row) => selected.has(row.accountId)).length;
  const selectedUnlinkable = rows.filter((row) => row.unlinkable && selected.has(row.accountId)).length;

  useEffect(() => {
    if (state?.tone === "success") setSelected(new Set());
  }, [state]);

  const toggle = (accountIds: string[], checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const accountId of accountIds) {
        if (checked) next.add(accountId);
        else next.delete(accountId);
      }
      return next;
    });

  return (
    <form action={formAction} className="space-y-0">
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
        <span className="font-medium" role="status" aria-live="polite">
          {selected.size} selected
        </span>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          disabled={linkable.length === 0}
          onClick={() => toggle(linkable.map((row) => row.accountId), true)}
        >
          Select all not linked ({linkable.length})
        </button>
        <button type="button" className={buttonClass("ghost", "sm")} disabled={selected.size === 0} onClick={() => setSelected(new Set())}>
          Clear selection
        </button>
      </div>

      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">Accounts of the organization by organizational unit</caption>
          <thead>
            <tr>
              <th scope="col" className="w-10">
                <span className="sr-only">Select</span>
              </th>
              <th scope="col">Account</th>
              <th scope="col">Account id</th>
              <th scope="col">In iamfit</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          {groups.map((group) => {
            const groupSelectable = group.rows.filter((row) => row.linkable || row.unlinkable).map((row) => row.accountId);
            const groupLinkable = group.rows.filter((row) => row.linkable).map((row) => row.accountId);
            const allChosen = groupLinkable.length > 0 && groupLinkable.every((accountId) => selected.has(accountId));
            return (
              <tbody key={group.ouPath} aria-label={group.ouPath}>
                <tr className="bg-zinc-50 dark:bg-zinc-900/60">
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select the accounts not linked in ${group.ouPath}`}
                      disabled={groupLinkable.length === 0}
                      checked={allChosen}
                      onChange={(event) => toggle(groupLinkable, event.target.checked)}
                    />
                  </td>
                  <th scope="rowgroup" colSpan={4} className="text-left text-sm font-semibold tracking-normal normal-case">
                    {group.ouPath.split("/").join(" / ")}
                    <span className="ml-2 text-xs font-normal muted">
                      {group.rows.length} account{group.rows.length === 1 ? "" : "s"}
                      {groupSelectable.length === 0 ? "" : `, ${groupLinkable.length} not linked`}
                    </span>
                  </th>
                </tr>
                {group.rows.map((row) => {
                  const selectable = row.linkable || row.unlinkable;
                  return (
                    <tr key={row.accountId} data-account-id={row.accountId}>
                      <td>
                        <input
                          type="checkbox"
                          name="accountId"
                          value={row.accountId}
                          aria-label={`Select ${row.name} (${row.accountId})`}
                          disabled={!selectable}
                          checked={selected.has(row.accountId)}
                          onChange={(event) => toggle([row.accountId], event.target.checked)}
                        />
                      </td>
                      <td className="max-w-72">
                        {row.unlinkable ? (
                          <Link href={`/accounts/${row.accountId}`} className="font-medium break-words">
                            {row.name}
                          </Link>
                        ) : (
                          <span className="font-medium break-words">{row.name}</span>
                        )}
                        <div className="text-xs break-all muted">{row.email}</div>
                      </td>
                      <td className="font-mono text-xs whitespace-nowrap">{row.accountId}</td>
                      <td>
                        <OrgStatusBadge status={row.status} />
                      </td>
                      <td className="text-xs break-words muted">{row.problem ?? ""}</td>
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
        </table>
      </div>

      <fieldset className="flex flex-wrap items-end gap-3 border-t border-zinc-200 px-3 py-3 dark:border-zinc-800">
        <legend className="sr-only">Link the selected accounts</legend>
        <div>
          <label htmlFor={`${id}-role`} className="field-label">
            Audit role name (in every account)
          </label>
          <input id={`${id}-role`} name="roleName" className="input mt-1" defaultValue={defaults.roleName} aria-invalid={Boolean(state?.fieldErrors.roleName)} />
          {state?.fieldErrors.roleName ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{state.fieldErrors.roleName}</p> : null}
        </div>
        <div className="min-w-72 flex-1">
          <label htmlFor={`${id}-external`} className="field-label">
            ExternalId
          </label>
          <input
            id={`${id}-external`}
            name="externalId"
            className="input mt-1 w-full font-mono"
            defaultValue={defaults.externalId}
            aria-invalid={Boolean(state?.fieldErrors.externalId)}
          />
          {state?.fieldErrors.externalId ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{state.fieldErrors.externalId}</p> : null}
        </div>
        <SubmitButton name="intent" value="link" pendingLabel="Linking…" disabled={selectedLinkable === 0}>
          Link {selectedLinkable} account{selectedLinkable === 1 ? "" : "s"}
        </SubmitButton>
        <SubmitButton name="intent" value="unlink" variant="danger" pendingLabel="Removing…" disabled={selectedUnlinkable === 0}>
          Stop auditing {selectedUnlinkable}
        </SubmitButton>
      </fieldset>

      <div aria-live="polite" className="px-3 pb-3">
        {state ? (
          <Notice key={state.at} tone={state.tone} title={state.message} role={state.tone === "error" ? "alert" : "status"}>
            {state.details.length > 0 ? (
              <ul className="list-disc pl-5">
                {state.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            ) : null}
          </Notice>
        ) : null}
      </div>
    </form>
  );
}
