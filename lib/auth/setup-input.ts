/**
 * The first-run form's fields, validated on the server (the form's own checks are only hints).
 */
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, passwordProblem } from "./password-policy";

export const setupInputSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email("Enter an email address.").max(320)),
    name: z.string().trim().min(1, "Enter your name.").max(200, "Use at most 200 characters."),
    password: z.string().max(MAX_PASSWORD_LENGTH),
    confirmPassword: z.string(),
  })
  .superRefine((input, context) => {
    const problem = passwordProblem(input.password, [input.email, input.name]);
    if (problem) context.addIssue({ code: "custom", path: ["password"], message: problem });
    else if (input.password !== input.confirmPassword) context.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords differ." });
  });

export type SetupField = "email" | "name" | "password" | "confirmPassword";

export type SetupResult =
  | { ok: true; email: string }
  | { ok: false; fieldErrors: Partial<Record<SetupField | "form", string>>; alreadySetUp?: boolean };

export function parseSetupInput(values: Record<string, unknown>) {
  const parsed = setupInputSchema.safeParse(values);
  if (parsed.success) return { ok: true as const, input: parsed.data };
  const fieldErrors: Partial<Record<SetupField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as SetupField;
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false as const, fieldErrors };
}
