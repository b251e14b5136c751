/**
 * The organization page's two forms, validated at the boundary: a selection of accounts to link
 * (or stop auditing) with one role name and ExternalId, and the sync settings.
 */
import { z } from "zod";
import { ACCOUNT_ID_PATTERN, EXTERNAL_ID_PATTERN, ROLE_NAME_PATTERN } from "@/lib/accounts/link-input";
import { EXTERNAL_ID_MESSAGE, organizationSettingsSchema, type OrganizationSettings } from "./organization-settings";

/** What a FormData offers; plain objects in tests. */
export interface FormFields {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

export const selectionSchema = z.object({
  intent: z.enum(["link", "unlink"]),
  accountIds: z.array(z.string().regex(ACCOUNT_ID_PATTERN)).min(1, "select at least one account").max(10_000),
  roleName: z.string().trim().regex(ROLE_NAME_PATTERN, "must be a role name (letters, digits and +=,.@_-, at most 64), the same in every account"),
  externalId: z.string().trim().regex(EXTERNAL_ID_PATTERN, EXTERNAL_ID_MESSAGE),
});
export type Selection = z.output<typeof selectionSchema>;

const text = (form: FormFields, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export type FormResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: Record<string, string> };

function firstErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

export function parseSelectionForm(form: FormFields): FormResult<Selection> {
  const parsed = selectionSchema.safeParse({
    intent: text(form, "intent"),
    accountIds: form.getAll("accountId").filter((value): value is string => typeof value === "string"),
    roleName: text(form, "roleName"),
    externalId: text(form, "externalId"),
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fieldErrors: firstErrors(parsed.error) };
}

const lines = (value: string) =>
  value
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Textareas hold one OU pattern or account id per line; empty optional fields mean "not set". */
export function parseSettingsForm(form: FormFields): FormResult<OrganizationSettings> {
  const optional = (name: string) => text(form, name).trim() || undefined;
  const hours = text(form, "syncIntervalHours").trim();
  const parsed = organizationSettingsSchema.safeParse({
    autoLink: form.get("autoLink") === "on",
    role: text(form, "role").trim() || undefined,
    externalId: optional("externalId"),
    discoveryRoleArn: optional("discoveryRoleArn"),
    discoveryExternalId: optional("discoveryExternalId"),
    includeOus: lines(text(form, "includeOus")),
    excludeOus: lines(text(form, "excludeOus")),
    excludeAccounts: lines(text(form, "excludeAccounts")),
    syncIntervalHours: hours === "" ? undefined : Number(hours),
  });
  return parsed.success ? { ok: true, value: { ...parsed.data, managedBy: "ui" } } : { ok: false, fieldErrors: firstErrors(parsed.error) };
}
