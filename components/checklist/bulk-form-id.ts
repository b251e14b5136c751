/** The bulk form's id: item checkboxes join it through their `form` attribute. A plain module, so server components read the string itself. */
export const BULK_FORM_ID = "checklist-bulk";
