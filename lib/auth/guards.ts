/**
 * The server-side authorization every page, server action and route handler goes through. The
 * proxy's redirect of signed-out visitors is a convenience; these are the checks that count.
 *
 * - Pages: `await requirePage("browse")` returns the signed-in user, or redirects (first run,
 *   sign-in, mandatory two-factor enrolment, or "not allowed" for a role below the capability).
 * - Server actions: `authorizedAction("workChecklists", async (context, ...args) => …, refusal)`
 *   wraps one: it checks before running and hands the action its user and an audit writer. A
 *   request that fails the check never reaches the action: it gets the action's own error result
 *   (`refusal`), or the "not allowed" page for actions without one (`toNotAllowedPage`). The
 *   refusal is audited and logged as one line: it is a person's stale page or a crafted request,
 *   not a crash, so no stack trace and no HTTP 500.
 * - Route handlers (CSV/Markdown exports, outbox files): `await requireRoute("browse")` returns
 *   the user or a 401/403 Response to return as is.
 */
import "server-only";
import { redirect } from "next/navigation";
import { currentRequestOrigin, type RequestOrigin } from "@/lib/audit/request-context";
import { recordAudit, type AuditEntryInput } from "@/lib/audit/record";
import { entryPathFor, getSessionState } from "./current-user";
import { CAPABILITY_ROLE, roleAllows, type Capability } from "./roles";
import type { SessionUser } from "./session-user";

/** What a refused action tells the person, in place of its result. */
export function notAllowedMessage(capability: Capability): string {
  return `Your role may not do this (it needs ${CAPABILITY_ROLE[capability]}).`;
}

/** Where someone lacking a role lands: a page saying which role the page needs. */
function notAllowedPath(capability: Capability): string {
  return `/not-allowed?${new URLSearchParams({ need: CAPABILITY_ROLE[capability] }).toString()}`;
}

export async function requirePage(capability: Capability): Promise<SessionUser> {
  const state = await getSessionState();
  if (state.kind !== "signed_in") redirect(entryPathFor(state)!);
  if (!roleAllows(state.user.role, capability)) redirect(notAllowedPath(capability));
  return state.user;
}

export async function requireRoute(capability: Capability): Promise<SessionUser | Response> {
  const state = await getSessionState();
  if (state.kind !== "signed_in") {
    return Response.json({ error: { code: "unauthorized", message: "Sign in first." } }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  if (!roleAllows(state.user.role, capability)) {
    await auditDenied(state.user, capability);
    return Response.json(
      { error: { code: "forbidden", message: `Your role (${state.user.role}) may not do this.` } },
      { status: 403, headers: { "Cache-Control": "no-store" } },
    );
  }
  return state.user;
}

export interface ActionContext {
  user: SessionUser;
  /** Where the request came from (for lib functions that write their own audit entries). */
  origin: RequestOrigin;
  /** Writes an audit entry as this user, from this request's address. */
  audit(entry: Omit<AuditEntryInput, "actor" | "ip" | "userAgent">): Promise<void>;
}

/** The action's own error result for a refusal, built from the message and the action's arguments (its previous state). */
export type ActionRefusal<Args extends unknown[], Result> = (message: string, ...args: Args) => Result;

/** For actions with no result to show (plain form posts): the page saying which role is needed. */
export function toNotAllowedPage(capability: Capability): ActionRefusal<unknown[], never> {
  return () => redirect(notAllowedPath(capability));
}

export function authorizedAction<Args extends unknown[], Result>(
  capability: Capability,
  action: (context: ActionContext, ...args: Args) => Promise<Result>,
  refusal: NoInfer<ActionRefusal<Args, Result>>,
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    const state = await getSessionState();
    // A session that ended while the page was open: where a page load would go (sign-in, setup…).
    if (state.kind !== "signed_in") redirect(entryPathFor(state)!);
    const user = state.user;
    if (!roleAllows(user.role, capability)) {
      await auditDenied(user, capability);
      console.warn(`[iamfit] refused: ${user.email} (${user.role}) tried an action that needs the ${CAPABILITY_ROLE[capability]} role`);
      return refusal(notAllowedMessage(capability), ...args);
    }
    const origin = await currentRequestOrigin();
    const context: ActionContext = {
      user,
      origin,
      audit: (entry) => recordAudit({ ...entry, actor: actorOf(user), ...origin }),
    };
    return action(context, ...args);
  };
}

export function actorOf(user: SessionUser): NonNullable<AuditEntryInput["actor"]> {
  return user.authMethod === "token"
    ? { kind: "token", userId: user.id, email: user.email, tokenId: user.tokenId }
    : { kind: "user", userId: user.id, email: user.email };
}

async function auditDenied(user: SessionUser, capability: Capability): Promise<void> {
  const origin = await currentRequestOrigin().catch(() => ({ ip: null, userAgent: null }));
  await recordAudit({ action: "authz.denied", outcome: "denied", actor: actorOf(user), detail: { capability, role: user.role }, ...origin });
}
