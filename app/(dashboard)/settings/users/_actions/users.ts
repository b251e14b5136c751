"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction, type ActionContext } from "@/lib/auth/guards";
import { fieldErrorsOf, newUserSchema, userChangeSchema } from "@/lib/auth/user-admin-input";
import { changeUserRole, createLocalUser, resetTwoFactor, setUserEnabled, UserAdminRuleError, type UserAdminActor } from "@/lib/auth/user-admin";
import { EmailTakenError, LastAdminError, UserNotFoundError } from "@/lib/db/auth-users";
import type { CreateUserState, UserChangeState } from "@/components/users/user-admin-state";

function actorFor(context: ActionContext): UserAdminActor {
  return { kind: "user", userId: context.user.id, email: context.user.email, ...context.origin };
}

export const createUserAction = authorizedAction(
  "manageUsers",
  async (context, _previous: CreateUserState, formData: FormData): Promise<CreateUserState> => {
    const values = { email: String(formData.get("email") ?? ""), name: String(formData.get("name") ?? ""), role: String(formData.get("role") ?? "viewer") };
    const parsed = newUserSchema.safeParse(values);
    if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
    try {
      const { user, oneTimePassword } = await createLocalUser(actorFor(context), parsed.data);
      revalidatePath("/settings/users");
      return { values: { email: "", name: "", role: "viewer" }, fieldErrors: {}, created: { email: user.email, name: user.name, oneTimePassword } };
    } catch (error) {
      if (error instanceof EmailTakenError) return { values, fieldErrors: { email: "A user with this email exists already." } };
      throw error;
    }
  },
  (message, previous) => ({ ...previous, fieldErrors: { email: message }, created: undefined }),
);

export const changeUserAction = authorizedAction(
  "manageUsers",
  async (context, _previous: UserChangeState, formData: FormData): Promise<UserChangeState> => {
    const parsed = userChangeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { error: "That change is not valid." };
    const change = parsed.data;
    const actor = actorFor(context);
    try {
      switch (change.intent) {
        case "set_role":
          await changeUserRole(actor, change.userId, change.role);
          break;
        case "disable":
          await setUserEnabled(actor, change.userId, false);
          break;
        case "enable":
          await setUserEnabled(actor, change.userId, true);
          break;
        case "reset_two_factor":
          await resetTwoFactor(actor, change.userId);
          break;
      }
    } catch (error) {
      if (error instanceof UserAdminRuleError || error instanceof LastAdminError || error instanceof UserNotFoundError) return { error: error.message };
      throw error;
    }
    revalidatePath("/settings/users");
    return { done: change.intent };
  },
  (message) => ({ error: message }),
);
