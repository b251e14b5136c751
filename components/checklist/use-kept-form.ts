"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import type { ChecklistAction } from "./action-state";

/**
 * A checklist form's action without React's automatic form reset: a form action that succeeds
 * resets the form's fields (controlled selects included), so after saving an assignment the
 * change selector jumped back to its first entry. Submitting through the transition ourselves
 * keeps what the person chose; the form's `action` still works before the page is hydrated.
 */
export function useKeptForm(action: ChecklistAction) {
  const [result, dispatch, pending] = useActionState(action, null);
  const [pressed, setPressed] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    setPressed(submitter?.getAttribute("name") ?? null);
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
  return { result, dispatch, pending, pressed, onSubmit };
}
