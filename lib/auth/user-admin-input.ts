/**
 * The users page's forms, validated at the boundary: a new user, and one change to one user.
 */
import { z } from "zod";
import { roleSchema } from "./roles";

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter an email address.").max(320)),
  name: z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters."),
  role: roleSchema,
});

export type NewUserInput = z.infer<typeof newUserSchema>;
export type NewUserField = keyof NewUserInput;

export const userChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("set_role"), userId: z.string().min(1).max(100), role: roleSchema }),
  z.object({ intent: z.literal("disable"), userId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("enable"), userId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("reset_two_factor"), userId: z.string().min(1).max(100) }),
]);

export type UserChange = z.infer<typeof userChangeSchema>;

export function fieldErrorsOf(error: z.ZodError): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}
