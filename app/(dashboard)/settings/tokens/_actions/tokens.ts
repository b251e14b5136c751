"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CreateTokenState, RevokeTokenState } from "@/components/tokens/token-action-state";
import { generateApiToken, newApiTokenSchema } from "@/lib/auth/api-tokens";
import { authorizedAction } from "@/lib/auth/guards";
import { roleAllows } from "@/lib/auth/roles";
import { getApiToken, insertApiToken, revokeApiToken } from "@/lib/db/api-tokens";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a token for the signed-in person; the secret is in the answer once and never again. */
export const createApiTokenAction = authorizedAction(
  "manageOwnTokens",
  async ({ user, audit }, _previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> => {
    const parsed = newApiTokenSchema.safeParse({ name: formData.get("name"), scope: formData.get("scope"), lifetimeDays: formData.get("lifetimeDays") });
    if (!parsed.success) {
      const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
      return { ok: false, fieldErrors };
    }
    const token = generateApiToken();
    const expiresAt = new Date(Date.now() + parsed.data.lifetimeDays * DAY_MS);
    await insertApiToken({ id: token.id, userId: user.id, name: parsed.data.name, scope: parsed.data.scope, secretHash: token.secretHash, expiresAt });
    await audit({
      action: "api_token.created",
      target: { type: "api_token", id: token.id, label: parsed.data.name },
      detail: { scope: parsed.data.scope, tokenExpiresAt: expiresAt.toISOString() },
    });
    revalidatePath("/settings/tokens");
    return { ok: true, created: { id: token.id, name: parsed.data.name, secret: token.secret, scope: parsed.data.scope, expiresAt: expiresAt.toISOString() } };
  },
  (message) => ({ ok: false, fieldErrors: { name: message } }),
);

const revokeSchema = z.object({ tokenId: z.string().regex(/^tok_[A-Za-z0-9_-]{12}$/) });

/** Revokes one of one's own tokens; admins may revoke anyone's. */
export const revokeApiTokenAction = authorizedAction(
  "manageOwnTokens",
  async ({ user, audit }, _previous: RevokeTokenState, formData: FormData): Promise<RevokeTokenState> => {
    const parsed = revokeSchema.safeParse({ tokenId: formData.get("tokenId") });
    const token = parsed.success ? await getApiToken(parsed.data.tokenId) : null;
    // Someone else's token reads as absent to a non-admin: no probing for token ids.
    if (!token || (token.ownerId !== user.id && !roleAllows(user.role, "manageUsers"))) return { tone: "error", message: "That token does not exist." };
    const revoked = await revokeApiToken(token.id, new Date());
    if (revoked) {
      await audit({ action: "api_token.revoked", target: { type: "api_token", id: token.id, label: token.name }, detail: { ownerEmail: token.ownerEmail } });
    }
    revalidatePath("/settings/tokens");
    return { tone: "success", message: revoked ? `Revoked “${token.name}”. Requests with it now get 401.` : `“${token.name}” was already revoked.` };
  },
  (message) => ({ tone: "error", message }),
);
