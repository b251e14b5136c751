"use client";

import { useRef } from "react";
import { buttonClass } from "@/components/ui/button-classes";
import { SubmitButton } from "@/components/ui/submit-button";

/** "Delete" behind a confirmation dialog (native <dialog>: focus is trapped, Esc cancels). */
export function DeleteSubscriptionButton({ action, subscriptionId, email }: { action: (formData: FormData) => Promise<void>; subscriptionId: string; email: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className={buttonClass("ghost")} onClick={() => dialog.current?.showModal()}>
        <span className="text-red-700 dark:text-red-400">Delete…</span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="delete-subscription-title"
        className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form action={action} className="space-y-4 p-5">
          <input type="hidden" name="subscriptionId" value={subscriptionId} />
          <h2 id="delete-subscription-title" className="text-lg font-semibold">
            Delete this subscription?
          </h2>
          <p className="text-sm">
            <strong className="break-all">{email}</strong> gets no more digests, and the delivery history of this subscription is deleted with it. To stop the
            emails for a while instead, pause it.
          </p>
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} autoFocus>
              Cancel
            </button>
            <SubmitButton variant="danger" pendingLabel="Deleting…">
              Delete subscription
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
