/**
 * The alert destination form on /settings/alerts: its values as the page shows them, and the
 * settings they parse to. The URL and the signing secret are write-only: the form never receives
 * them back, and left empty on an existing destination they keep what is stored.
 */
import { z } from "zod";
import type { Severity } from "@/lib/checks/types";
import { formatTagFilter } from "@/lib/digest/scope";
import { ALERT_EVENTS, alertDestinationSettingsSchema, type AlertDestinationSettings, type AlertScope } from "./destination";

export interface AlertFormValues {
  name: string;
  type: string;
  minSeverity: string;
  events: string[];
  scopeKind: string;
  scopeAccounts: string;
  scopeOus: string;
  scopeTags: string;
}

export type AlertFormField = keyof AlertFormValues | "url" | "secret";

export interface AlertFormState {
  values: AlertFormValues;
  /** An existing destination keeps its URL and secret when those fields are left empty. */
  existing: boolean;
  fieldErrors: Partial<Record<AlertFormField, string>>;
  error?: string;
  saved?: string;
}

export const EMPTY_ALERT_FORM: AlertFormValues = {
  name: "",
  type: "webhook",
  minSeverity: "high",
  events: [...ALERT_EVENTS],
  scopeKind: "all",
  scopeAccounts: "",
  scopeOus: "",
  scopeTags: "",
};

export function alertFormValuesOf(settings: Omit<AlertDestinationSettings, "url">): AlertFormValues {
  const scope: AlertScope = settings.scope;
  return {
    name: settings.name,
    type: settings.type,
    minSeverity: settings.minSeverity,
    events: [...settings.events],
    scopeKind: scope.kind,
    scopeAccounts: scope.kind === "accounts" ? scope.awsAccountIds.join("\n") : "",
    scopeOus: scope.kind === "ous" ? scope.ouPaths.join("\n") : "",
    scopeTags: scope.kind === "tags" ? scope.tags.map(formatTagFilter).join("\n") : "",
  };
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export function alertFormValuesFrom(formData: FormData): AlertFormValues {
  return {
    name: text(formData, "name"),
    type: text(formData, "type"),
    minSeverity: text(formData, "minSeverity"),
    events: formData.getAll("events").filter((value): value is string => typeof value === "string"),
    scopeKind: text(formData, "scopeKind"),
    scopeAccounts: text(formData, "scopeAccounts"),
    scopeOus: text(formData, "scopeOus"),
    scopeTags: text(formData, "scopeTags"),
  };
}

/** One entry a line (commas also separate), blanks dropped. */
function entries(list: string): string[] {
  return list
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function scopeInput(values: AlertFormValues): unknown {
  switch (values.scopeKind) {
    case "accounts":
      return { kind: "accounts", awsAccountIds: entries(values.scopeAccounts) };
    case "ous":
      return { kind: "ous", ouPaths: entries(values.scopeOus) };
    case "tags":
      return { kind: "tags", tags: entries(values.scopeTags) };
    default:
      return { kind: "all" };
  }
}

const SCOPE_FIELD: Record<string, AlertFormField> = { accounts: "scopeAccounts", ous: "scopeOus", tags: "scopeTags" };

const secretSchema = z.string().min(16, "Use a signing secret of at least 16 characters.").max(200, "Keep the signing secret under 200 characters.");

export type ParsedAlertForm =
  | { ok: true; settings: Omit<AlertDestinationSettings, "url">; url: string | null; secret: string | null }
  | { ok: false; state: AlertFormState };

/**
 * Parses a submitted form. `url` and `secret` are null when left empty on an existing destination
 * (keep the stored ones); a new destination needs a URL, and a new webhook a signing secret.
 */
export function parseAlertForm(formData: FormData, existing: { hasSecret: boolean } | null): ParsedAlertForm {
  const values = alertFormValuesFrom(formData);
  const urlText = text(formData, "url").trim();
  const secretText = text(formData, "secret");
  const fieldErrors: AlertFormState["fieldErrors"] = {};
  const parsed = alertDestinationSettingsSchema.safeParse({
    name: values.name,
    type: values.type,
    // A placeholder stands in for a kept URL so the rest of the form still validates.
    url: urlText === "" && existing ? "https://kept.invalid/" : urlText,
    minSeverity: values.minSeverity || undefined,
    events: values.events,
    scope: scopeInput(values),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head] = issue.path;
      const field: AlertFormField = head === "scope" ? (SCOPE_FIELD[values.scopeKind] ?? "scopeKind") : (String(head) as AlertFormField);
      fieldErrors[field] ??= issue.message;
    }
  }
  let secret: string | null = null;
  if (values.type === "webhook") {
    if (secretText !== "") {
      const checked = secretSchema.safeParse(secretText);
      if (checked.success) secret = checked.data;
      else fieldErrors.secret = checked.error.issues[0]?.message;
    } else if (!existing?.hasSecret) {
      fieldErrors.secret = "Enter a signing secret: receivers use it to check that alerts come from iamfit.";
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    return { ok: false, state: { values, existing: existing !== null, fieldErrors, error: "Not saved: correct the fields marked below." } };
  }
  const { url, ...settings } = parsed.data;
  return { ok: true, settings, url: urlText === "" ? null : url, secret };
}

export const SEVERITY_WORDS: Record<Severity, string> = {
  critical: "Critical only",
  high: "High and critical",
  medium: "Medium and above",
  low: "All severities",
};
