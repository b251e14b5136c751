/**
 * Who a checklist change is recorded as: the signed-in person, by email (unique, and what the
 * assignee field and the audit log use too).
 */
import "server-only";
import type { SessionUser } from "@/lib/auth/session-user";

export function actingPerson(user: SessionUser): string {
  return user.email;
}
