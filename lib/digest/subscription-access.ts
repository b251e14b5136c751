/**
 * Whose digest subscriptions a person manages: an editor their own (created for their own email,
 * owned by their user), an admin everyone's. One rule for the digest page and its actions.
 */
import { roleAllows } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";

export function managesAllDigests(user: SessionUser): boolean {
  return roleAllows(user.role, "manageDigests");
}

export function mayManageSubscription(user: SessionUser, subscription: { userId: string | null; email: string }): boolean {
  if (managesAllDigests(user)) return true;
  // Subscriptions made before sign-in existed have no owner: the person with that email claims them.
  return subscription.userId === user.id || (subscription.userId === null && subscription.email.toLowerCase() === user.email.toLowerCase());
}

/** The email a new or edited subscription goes to: the user's own unless they manage everyone's. */
export function subscriptionEmailFor(user: SessionUser, requested: string): string {
  return managesAllDigests(user) ? requested : user.email;
}
