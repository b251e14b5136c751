/**
 * People on a checklist: items record assignees and actors by email; pages show names. A recorded
 * email that is no user's (a user since removed, or an assignee typed before the picker) shows as is.
 */
import type { AssignableUser } from "@/lib/db/assignable-users";

export type { AssignableUser };

/** "Dana Reyes (dana@example.com)", or the email alone when the name adds nothing. */
export function personLabel(user: AssignableUser): string {
  const name = user.name.trim();
  return name && name.toLowerCase() !== user.email.toLowerCase() ? `${name} (${user.email})` : user.email;
}

/** The name to show for a recorded email. */
export function nameLookup(users: AssignableUser[]): (email: string) => string {
  const names = new Map(users.map((user) => [user.email.toLowerCase(), user.name.trim() || user.email]));
  return (email) => names.get(email.toLowerCase()) ?? email;
}
