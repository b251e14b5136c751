/**
 * Who is acting. There is no sign-in yet (another issue): the person names themselves in the
 * form's `actor` field. When sessions exist, this is the one place that reads the signed-in user
 * instead; every checklist action already goes through it.
 */
import "server-only";
import { z } from "zod";
import { ANONYMOUS_ACTOR } from "@/lib/remediation/action-input";
import { ASSIGNEE_MAX_LENGTH } from "@/lib/remediation/state-machine";

const actorSchema = z.string().trim().max(ASSIGNEE_MAX_LENGTH).catch("");

export async function actingPerson(formData: FormData): Promise<string> {
  return actorSchema.parse(formData.get("actor") ?? "") || ANONYMOUS_ACTOR;
}
