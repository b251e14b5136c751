"use client";

import { useActionState, useRef } from "react";
import { buttonClass } from "@/components/ui/button-classes";
import { SubmitButton } from "@/components/ui/submit-button";

export type RemoveAccountAction = (previous: string | null, formData: FormData) => Promise<string | null>;

/** "Remove account" behind a confirmation dialog (native <dialog>: focus is trapped, Esc cancels). */
export function RemoveAccountButton({ action, accountId, accountName }: { action: RemoveAccountAction; accountId: string; accountName: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, formAction] = useActionState(action, null);
  return (
    <>
      <button type="button" className={buttonClass("ghost")} onClick={() => dialog.current?.showModal()}>
        <span className="text-red-700 dark:text-red-400">Remove account…</span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="remove-account-title"
        className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form action={formAction} className="space-y-4 p-5">
          <input type="hidden" name="accountId" value={accountId} />
          <h2 id="remove-account-title" className="text-lg font-semibold">
            Remove this account?
          </h2>
          <p className="text-sm">
            <strong className="break-words">{accountName}</strong> (<span className="font-mono">{accountId}</span>) leaves the scorecard and is
            no longer collected. Its history is kept and comes back if you link the account again. The audit role in the account is
            not touched; delete it there if you no longer need it.
          </p>
          {error ? (
            <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} autoFocus>
              Cancel
            </button>
            <SubmitButton variant="danger" pendingLabel="Removing…">
              Remove account
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
