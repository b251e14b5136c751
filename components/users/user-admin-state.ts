/** What the users page's actions answer, shared by the actions and their forms. */
export interface CreateUserState {
  values: { email: string; name: string; role: string };
  fieldErrors: Partial<Record<string, string>>;
  /** The user just created and their one-time password: shown once, never again. */
  created?: { email: string; name: string; oneTimePassword: string };
}

export interface UserChangeState {
  error?: string;
  done?: "set_role" | "disable" | "enable" | "reset_two_factor";
}
