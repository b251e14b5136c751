/**
 * Who is calling the JSON API: the bearer of a valid API token, as its owner with the token's
 * scope. Every attempt is audited (used, or refused and why), so the trail shows automation as
 * well as people.
 */
import "server-only";
import { requestOriginFrom } from "@/lib/audit/request-context";
import { recordAudit } from "@/lib/audit/record";
import { findApiTokenBySecretHash, touchApiToken } from "@/lib/db/api-tokens";
import { bearerToken, hashApiToken, tokenRefusal, tokenRole } from "./api-tokens";
import { roleAllows, type Capability } from "./roles";
import type { SessionUser } from "./session-user";

export type ApiAuthentication =
  | { ok: true; user: SessionUser }
  | { ok: false; status: 401 | 403; message: string };

const REFUSAL_MESSAGES = {
  missing: "This API needs a token: send `Authorization: Bearer <token>` (create one under API tokens).",
  malformed: "The Authorization header is not `Bearer iamfit_…`.",
  unknown: "The token is not valid.",
  revoked: "The token was revoked.",
  expired: "The token has expired; create a new one.",
  owner_disabled: "The token's owner is disabled.",
} as const;

export async function authenticateApiRequest(request: Request, capability: Capability, now = new Date()): Promise<ApiAuthentication> {
  const origin = requestOriginFrom(request.headers);
  const path = new URL(request.url).pathname;
  const bearer = bearerToken(request.headers.get("authorization"));
  if (!bearer.ok) {
    // A call with no token at all is a browser or a mistake, not an attack on a token: not audited.
    if (bearer.reason === "malformed") {
      await recordAudit({ action: "api_token.refused", outcome: "denied", detail: { reason: "malformed", method: request.method, path }, ...origin });
    }
    return { ok: false, status: 401, message: REFUSAL_MESSAGES[bearer.reason] };
  }
  const token = await findApiTokenBySecretHash(hashApiToken(bearer.secret), now);
  const refusal = token ? tokenRefusal({ ...token, ownerDisabled: token.owner.disabled }, now) : "unknown";
  if (!token || refusal) {
    await recordAudit({
      action: "api_token.refused",
      outcome: "denied",
      actor: token ? { kind: "token", userId: token.owner.id, email: token.owner.email, tokenId: token.id } : { kind: "anonymous" },
      detail: { reason: refusal, method: request.method, path },
      ...origin,
    });
    return { ok: false, status: 401, message: REFUSAL_MESSAGES[refusal ?? "unknown"] };
  }
  const user: SessionUser = {
    id: token.owner.id,
    email: token.owner.email,
    name: token.owner.name,
    role: tokenRole(token.owner.role, token.scope),
    authMethod: "token",
    tokenId: token.id,
  };
  const allowed = roleAllows(user.role, capability);
  await Promise.all([
    touchApiToken(token.id, now, origin.ip),
    recordAudit({
      action: "api_token.used",
      outcome: allowed ? "success" : "denied",
      actor: { kind: "token", userId: user.id, email: user.email, tokenId: token.id },
      detail: { method: request.method, path, query: new URL(request.url).search.slice(0, 500), scope: token.scope },
      ...origin,
    }),
  ]);
  if (!allowed) return { ok: false, status: 403, message: `This token (${token.scope === "read" ? "read-only" : "read-write"}) may not do this.` };
  return { ok: true, user };
}
