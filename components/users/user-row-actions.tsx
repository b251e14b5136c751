"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { UserChangeState } from "./user-admin-state";

/** Role, disable/enable and two-factor reset for one user. Not offered on one's own row. */
export function UserRowActions({
  user,
  action,
}: {
  user: { id: string; email: string; role: Role; disabled: boolean; twoFactorEnabled: boolean };
  action: (previous: UserChangeState, formData: FormData) => Promise<UserChangeState>;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <form action={formAction} className="flex items-center gap-1.5">
          <input type="hidden" name="intent" value="set_role" />
          <input type="hidden" name="userId" value={user.id} />
          <label className="sr-only" htmlFor={`role-${user.id}`}>
            Role of {user.email}
          </label>
          <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="input w-auto py-1 text-xs">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
          <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
            Change role
          </SubmitButton>
        </form>
        <form action={formAction}>
          <input type="hidden" name="intent" value={user.disabled ? "enable" : "disable"} />
          <input type="hidden" name="userId" value={user.id} />
          <SubmitButton variant={user.disabled ? "secondary" : "danger"} size="sm">
            {user.disabled ? "Enable" : "Disable"}
          </SubmitButton>
        </form>
        {user.twoFactorEnabled ? (
          <form action={formAction}>
            <input type="hidden" name="intent" value="reset_two_factor" />
            <input type="hidden" name="userId" value={user.id} />
            <SubmitButton variant="ghost" size="sm">
              Reset two-factor
            </SubmitButton>
          </form>
        ) : null}
      </div>
      {state.error ? (
        <p role="alert" className="field-error">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
