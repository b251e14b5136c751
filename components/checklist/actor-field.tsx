"use client";

import { useEffect, useId, useState } from "react";

export const ACTOR_STORAGE_KEY = "iamfit.checklist.actor";

/**
 * "Who is making this change": recorded with every change until sign-in exists. Remembered in
 * this browser so a person types it once.
 */
export function ActorField({ compact = false }: { compact?: boolean }) {
  const id = useId();
  const [actor, setActor] = useState("");
  useEffect(() => {
    setActor(window.localStorage.getItem(ACTOR_STORAGE_KEY) ?? "");
  }, []);
  return (
    <div className={compact ? "min-w-40" : "min-w-48"}>
      <label htmlFor={id} className="field-label">
        Your name
      </label>
      <input
        id={id}
        name="actor"
        className="input mt-1"
        value={actor}
        placeholder="anonymous"
        maxLength={200}
        autoComplete="name"
        onChange={(event) => {
          setActor(event.target.value);
          window.localStorage.setItem(ACTOR_STORAGE_KEY, event.target.value);
        }}
      />
    </div>
  );
}
