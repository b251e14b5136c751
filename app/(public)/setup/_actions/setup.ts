"use server";

import { currentRequestOrigin } from "@/lib/audit/request-context";
import { parseSetupInput, type SetupResult } from "@/lib/auth/setup-input";
import { createFirstAdmin, WeakPasswordError } from "@/lib/auth/user-admin";
import { FirstAdminExistsError } from "@/lib/db/auth-users";

/**
 * First run: creates the first admin (only while nobody exists; lib/db/auth-users.ts enforces it
 * under a lock). The browser then signs in through Better Auth and enrols TOTP on /two-factor.
 */
export async function createFirstAdminAction(formData: FormData): Promise<SetupResult> {
  const parsed = parseSetupInput(Object.fromEntries(formData));
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
  try {
    const user = await createFirstAdmin(parsed.input, await currentRequestOrigin());
    return { ok: true, email: user.email };
  } catch (error) {
    if (error instanceof FirstAdminExistsError) return { ok: false, alreadySetUp: true, fieldErrors: { form: error.message } };
    if (error instanceof WeakPasswordError) return { ok: false, fieldErrors: { password: error.message } };
    throw error;
  }
}
