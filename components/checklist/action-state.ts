/** What a checklist form's server action answers; shown beside the form. */
export type ChecklistActionState = {
  tone: "success" | "error";
  message: string;
  fieldErrors?: Record<string, string>;
} | null;

export type ChecklistAction = (previous: ChecklistActionState, formData: FormData) => Promise<ChecklistActionState>;
