/**
 * What a checklist form submits, validated (STYLE.md: validate at the boundary): which items,
 * who, why, and the change. The state machine then decides whether the change applies.
 */
import { z } from "zod";
import { ASSIGNEE_MAX_LENGTH, TEXT_MAX_LENGTH, type ManualEvent } from "./state-machine";

/** Until sign-in exists (another issue), who acted is what the form says, or this. */
export const ANONYMOUS_ACTOR = "anonymous";
export const MAX_ITEMS_PER_ACTION = 500;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date (YYYY-MM-DD).");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((value) => value || null);

const common = {
  itemIds: z.array(z.string().regex(/^\d{1,19}$/, "Not an item id.")).min(1, "Select at least one item.").max(MAX_ITEMS_PER_ACTION),
  actor: z
    .string()
    .trim()
    .max(ASSIGNEE_MAX_LENGTH, `At most ${ASSIGNEE_MAX_LENGTH} characters.`)
    .optional()
    .transform((value) => value || ANONYMOUS_ACTOR),
  comment: optionalText(TEXT_MAX_LENGTH),
};

const actionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("start"), ...common }),
  z.object({ action: z.literal("stop"), ...common }),
  z.object({ action: z.literal("mark_done"), ...common }),
  z.object({ action: z.literal("reopen"), ...common }),
  z.object({
    action: z.literal("accept_risk"),
    ...common,
    riskReason: z.string().trim().min(1, "Say why the risk is accepted.").max(TEXT_MAX_LENGTH, `At most ${TEXT_MAX_LENGTH} characters.`),
    riskExpiresOn: day,
  }),
  z.object({ action: z.literal("assign"), ...common, assignee: optionalText(ASSIGNEE_MAX_LENGTH) }),
  z.object({ action: z.literal("set_due_date"), ...common, dueOn: day.optional().or(z.literal("").transform(() => undefined)) }),
  z.object({ action: z.literal("add_note"), ...common, note: z.string().trim().min(1, "Write the note.").max(TEXT_MAX_LENGTH, `At most ${TEXT_MAX_LENGTH} characters.`) }),
]);

export interface ChecklistActionInput {
  itemIds: string[];
  actor: string;
  /** Why, in the person's words; recorded with the change. */
  comment: string | null;
  event: ManualEvent;
}

export type ParsedChecklistAction = { ok: true; value: ChecklistActionInput } | { ok: false; fieldErrors: Record<string, string> };

/** Raw fields as a form posts them (FormData flattened: itemId may repeat). */
export function parseChecklistAction(fields: Record<string, unknown>, at: Date): ParsedChecklistAction {
  // "Assign to me" is its own button in the forms: whatever change is chosen, it assigns to whoever acts.
  const parsed = actionSchema.safeParse(fields.assignToMe === "1" ? { ...fields, action: "assign", assignee: fields.actor } : fields);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "action");
      fieldErrors[field] ??= field === "action" ? "Choose what to do." : issue.message;
    }
    return { ok: false, fieldErrors };
  }
  const input = parsed.data;
  const base = { itemIds: [...new Set(input.itemIds)], actor: input.actor, comment: input.comment };
  switch (input.action) {
    case "accept_risk":
      return { ok: true, value: { ...base, comment: input.comment ?? input.riskReason, event: { type: "accept_risk", at, reason: input.riskReason, expiresOn: input.riskExpiresOn } } };
    case "assign":
      return { ok: true, value: { ...base, event: { type: "assign", at, assignee: input.assignee } } };
    case "set_due_date":
      return { ok: true, value: { ...base, event: { type: "set_due_date", at, dueOn: input.dueOn ?? null } } };
    case "add_note":
      return { ok: true, value: { ...base, comment: input.note, event: { type: "add_note", at, note: input.note } } };
    default:
      return { ok: true, value: { ...base, event: { type: input.action, at } } };
  }
}

/** FormData as plain fields: repeated `itemId` becomes `itemIds`, files are dropped. */
export function formFields(formData: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = { itemIds: formData.getAll("itemId").filter((value): value is string => typeof value === "string") };
  for (const [key, value] of formData.entries()) {
    if (key !== "itemId" && typeof value === "string" && !key.startsWith("$")) fields[key] = value;
  }
  return fields;
}
