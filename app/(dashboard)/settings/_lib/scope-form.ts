/**
 * The scope forms as the browser sends them (radio buttons and one-per-line lists), validated
 * into scope settings; errors come back per field with the typed values kept.
 */
import {
  ACCOUNT_SCOPE_FIELDS,
  type AccountScopeField,
  type AccountScopeFormState,
  type AccountScopeFormValues,
  type RegionScopeFormState,
  type RegionScopeFormValues,
  type RegionScopeMode,
} from "@/components/settings/scope-form-state";
import {
  accountScopeSchema,
  regionScopeSchema,
  splitList,
  type AccountScope,
  type RegionScope,
} from "@/lib/collect/scope";

type FormFields = Pick<FormData, "get">;
const text = (formData: FormFields, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export function regionScopeFormValues(scope: RegionScope | undefined): RegionScopeFormValues {
  if (!scope) return { mode: "inherit", regions: "" };
  return { mode: scope.mode, regions: scope.mode === "all" ? "" : scope.regions.join("\n") };
}

/** `scope: undefined` means "follow the installation's regions" (only where `inherit` is offered). */
export function parseRegionScopeForm(
  formData: FormFields,
  options: { allowInherit: boolean },
): { ok: true; scope: RegionScope | undefined } | { ok: false; state: RegionScopeFormState } {
  const values: RegionScopeFormValues = { mode: text(formData, "mode") as RegionScopeMode, regions: text(formData, "regions") };
  if (values.mode === "inherit" && options.allowInherit) return { ok: true, scope: undefined };
  const regions = [...new Set(splitList(values.regions, "lines-and-commas"))];
  const parsed = regionScopeSchema.safeParse(values.mode === "all" ? { mode: "all" } : { mode: values.mode, regions });
  if (parsed.success) return { ok: true, scope: parsed.data };
  const issue = parsed.error.issues[0];
  const position = issue?.path[1];
  const which = typeof position === "number" ? `"${regions[position]}" ` : "";
  const message = issue?.path[0] === "mode" || issue?.code === "invalid_union" ? "Choose which regions to collect." : `${which}${issue?.message ?? "is invalid"}`;
  return { ok: false, state: { values, error: message } };
}

export function accountScopeFormValues(scope: AccountScope): AccountScopeFormValues {
  return {
    includeAccountIds: scope.include.accountIds.join("\n"),
    includeTags: scope.include.tags.join("\n"),
    includeOuPaths: scope.include.ouPaths.join("\n"),
    excludeAccountIds: scope.exclude.accountIds.join("\n"),
    excludeTags: scope.exclude.tags.join("\n"),
    excludeOuPaths: scope.exclude.ouPaths.join("\n"),
  };
}

const FIELD_OF: Record<string, AccountScopeField> = {
  "include.accountIds": "includeAccountIds",
  "include.tags": "includeTags",
  "include.ouPaths": "includeOuPaths",
  "exclude.accountIds": "excludeAccountIds",
  "exclude.tags": "excludeTags",
  "exclude.ouPaths": "excludeOuPaths",
};

export function parseAccountScopeForm(formData: FormFields): { ok: true; scope: AccountScope } | { ok: false; state: AccountScopeFormState } {
  const values = Object.fromEntries(ACCOUNT_SCOPE_FIELDS.map((field) => [field, text(formData, field)])) as AccountScopeFormValues;
  const lists = {
    include: {
      accountIds: splitList(values.includeAccountIds, "lines-and-commas"),
      tags: splitList(values.includeTags),
      ouPaths: splitList(values.includeOuPaths),
    },
    exclude: {
      accountIds: splitList(values.excludeAccountIds, "lines-and-commas"),
      tags: splitList(values.excludeTags),
      ouPaths: splitList(values.excludeOuPaths),
    },
  };
  const parsed = accountScopeSchema.safeParse(lists);
  if (parsed.success) return { ok: true, scope: parsed.data };
  const fieldErrors: AccountScopeFormState["fieldErrors"] = {};
  for (const issue of parsed.error.issues) {
    const [side, list, position] = issue.path;
    const field = FIELD_OF[`${String(side)}.${String(list)}`];
    if (!field || fieldErrors[field]) continue;
    const entry = typeof position === "number" ? lists[side as "include" | "exclude"][list as "accountIds"][position] : undefined;
    fieldErrors[field] = entry === undefined ? issue.message : `"${entry}" ${issue.message}`;
  }
  return { ok: false, state: { values, fieldErrors } };
}
