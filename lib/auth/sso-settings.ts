/**
 * The single sign-on settings as an admin enters them at /settings/sso: the form's fields,
 * validated into settings with an error beside each wrong field, and the values the form shows
 * again. The client secret is write-only: the form never receives it, and leaving it empty keeps
 * the stored one.
 */
import { z } from "zod";
import { roleSchema, type Role } from "./roles";
import { fetchableProviderUrl, PROVIDER_URL_RULE } from "./sso-url-rule";
import { DEFAULT_GROUPS_CLAIM, normalizeDomain, type SsoDefaultRole, type SsoPolicy, type SsoRoleMapping } from "./sso-policy";

/** Better Auth's id for the provider: the callback is <base>/api/auth/callback/sso. */
export const SSO_PROVIDER_ID = "sso";

export type TokenEndpointAuth = "client_secret_basic" | "client_secret_post";

/** What is stored, minus the secret. */
export interface SsoSettings {
  enabled: boolean;
  displayName: string;
  issuer: string;
  clientId: string;
  tokenEndpointAuth: TokenEndpointAuth;
  scopes: string[];
  policy: SsoPolicy;
}

export const SSO_FORM_FIELDS = [
  "displayName",
  "issuer",
  "clientId",
  "clientSecret",
  "allowedDomains",
  "allowedGroups",
  "groupsClaim",
  "adminGroups",
  "editorGroups",
  "viewerGroups",
  "defaultRole",
] as const;
export type SsoFormField = (typeof SSO_FORM_FIELDS)[number];

/** What the form shows: every field as typed (the secret never), errors beside fields, a result. */
export interface SsoFormState {
  values: Record<Exclude<SsoFormField, "clientSecret">, string> & { enabled: boolean };
  /** A client secret is stored (the field then says "leave empty to keep it"). */
  hasSecret: boolean;
  fieldErrors: Partial<Record<SsoFormField, string>>;
  error?: string;
  saved?: string;
  /** The result of "Test discovery". */
  discovery?: { ok: true; lines: string[] } | { ok: false; message: string };
}

export const issuerSchema = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const problem = issuerProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => value.replace(/\/+$/, ""));

function issuerProblem(value: string): string | null {
  if (!value) return "Enter the issuer URL, e.g. https://login.example.com/realms/main.";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a URL, e.g. https://login.example.com.";
  }
  if (!fetchableProviderUrl(url)) return `${PROVIDER_URL_RULE[0]!.toUpperCase()}${PROVIDER_URL_RULE.slice(1)}.`;
  if (url.search || url.hash) return "The issuer URL has no query or fragment.";
  return null;
}

const domainSchema = z
  .string()
  .transform(normalizeDomain)
  .pipe(z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, "is not a domain name"));

const groupSchema = z.string().trim().min(1).max(512, "is longer than 512 characters");

const settingsSchema = z
  .object({
    enabled: z.boolean(),
    displayName: z.string().trim().min(1, "Name the provider; the sign-in button says “Sign in with <name>”.").max(60, "Keep it under 60 characters."),
    issuer: issuerSchema,
    clientId: z.string().trim().min(1, "Enter the client id the identity provider gave iamfit.").max(512),
    allowedDomains: z.array(domainSchema).max(200),
    allowedGroups: z.array(groupSchema).max(500),
    groupsClaim: z
      .string()
      .trim()
      .max(200)
      .transform((value) => value || DEFAULT_GROUPS_CLAIM),
    roleMappings: z.array(z.object({ group: groupSchema, role: roleSchema })).max(1000),
    defaultRole: z.enum(["viewer", "editor", "admin", "deny"], { message: "Choose a role or “refuse sign-in”." }),
  })
  .refine((settings) => settings.allowedDomains.length > 0 || settings.allowedGroups.length > 0, {
    path: ["allowedDomains"],
    message: "Allow at least one email domain or one group: otherwise anyone the identity provider knows could sign in.",
  });

export type SsoSettingsInput = z.output<typeof settingsSchema> & { clientSecret: string | null };

type FormFields = Pick<FormData, "get">;
const text = (formData: FormFields, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** One entry a line (groups may contain commas and spaces: "cn=admins,ou=groups", "IAM Admins"). */
export function splitLines(value: string): string[] {
  return [...new Set(value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

/** Domains: one a line, or separated by commas or spaces. */
export function splitDomains(value: string): string[] {
  return [...new Set(value.split(/[\s,;]+/).map((entry) => entry.trim()).filter(Boolean))];
}

export function ssoFormValues(settings: SsoSettings | null): SsoFormState["values"] {
  const groupsFor = (role: Role) => (settings?.policy.roleMappings ?? []).filter((mapping) => mapping.role === role).map((mapping) => mapping.group).join("\n");
  return {
    enabled: settings?.enabled ?? false,
    displayName: settings?.displayName ?? "",
    issuer: settings?.issuer ?? "",
    clientId: settings?.clientId ?? "",
    allowedDomains: settings?.policy.allowedDomains.join("\n") ?? "",
    allowedGroups: settings?.policy.allowedGroups.join("\n") ?? "",
    groupsClaim: settings?.policy.groupsClaim ?? DEFAULT_GROUPS_CLAIM,
    adminGroups: groupsFor("admin"),
    editorGroups: groupsFor("editor"),
    viewerGroups: groupsFor("viewer"),
    defaultRole: settings?.policy.defaultRole ?? "deny",
  };
}

/** The typed values, to show again beside an error (the secret is never among them). */
export function ssoFormValuesFrom(formData: FormFields): SsoFormState["values"] {
  return {
    enabled: formData.get("enabled") === "on",
    displayName: text(formData, "displayName"),
    issuer: text(formData, "issuer"),
    clientId: text(formData, "clientId"),
    allowedDomains: text(formData, "allowedDomains"),
    allowedGroups: text(formData, "allowedGroups"),
    groupsClaim: text(formData, "groupsClaim"),
    adminGroups: text(formData, "adminGroups"),
    editorGroups: text(formData, "editorGroups"),
    viewerGroups: text(formData, "viewerGroups"),
    defaultRole: text(formData, "defaultRole"),
  };
}

/**
 * The form into settings. `hasSecret`: a secret is stored, so an empty secret field keeps it; on
 * the first save the secret is required.
 */
export function parseSsoForm(
  formData: FormFields,
  options: { hasSecret: boolean },
): { ok: true; input: SsoSettingsInput } | { ok: false; state: SsoFormState } {
  const values = ssoFormValuesFrom(formData);
  const domains = splitDomains(values.allowedDomains);
  const roleMappings: SsoRoleMapping[] = [
    ...splitLines(values.adminGroups).map((group) => ({ group, role: "admin" as const })),
    ...splitLines(values.editorGroups).map((group) => ({ group, role: "editor" as const })),
    ...splitLines(values.viewerGroups).map((group) => ({ group, role: "viewer" as const })),
  ];
  const parsed = settingsSchema.safeParse({
    enabled: values.enabled,
    displayName: values.displayName,
    issuer: values.issuer,
    clientId: values.clientId,
    allowedDomains: domains,
    allowedGroups: splitLines(values.allowedGroups),
    groupsClaim: values.groupsClaim,
    roleMappings,
    defaultRole: values.defaultRole,
  });
  const clientSecret = text(formData, "clientSecret").trim();
  const fieldErrors: SsoFormState["fieldErrors"] = {};
  if (!clientSecret && !options.hasSecret) fieldErrors.clientSecret = "Enter the client secret the identity provider gave iamfit.";
  if (clientSecret.length > 2048) fieldErrors.clientSecret = "The client secret is longer than 2048 characters.";
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, position] = issue.path;
      const field = fieldForIssue(String(first), roleMappings, typeof position === "number" ? position : undefined);
      if (fieldErrors[field]) continue;
      const entry = first === "allowedDomains" && typeof position === "number" ? `“${domains[position]}” ` : "";
      fieldErrors[field] = `${entry}${issue.message}`;
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    return { ok: false, state: { values, hasSecret: options.hasSecret, fieldErrors, error: "Check the highlighted fields." } };
  }
  return { ok: true, input: { ...parsed.data, clientSecret: clientSecret || null } };
}

function fieldForIssue(first: string, mappings: SsoRoleMapping[], position: number | undefined): SsoFormField {
  if (first === "roleMappings") {
    const role = position === undefined ? undefined : mappings[position]?.role;
    return role === "admin" ? "adminGroups" : role === "editor" ? "editorGroups" : "viewerGroups";
  }
  return (SSO_FORM_FIELDS as readonly string[]).includes(first) ? (first as SsoFormField) : "displayName";
}

/** The settings' policy part, for evaluateSsoIdentity. */
export function ssoPolicyOf(input: Pick<SsoSettingsInput, "allowedDomains" | "allowedGroups" | "groupsClaim" | "roleMappings" | "defaultRole">): SsoPolicy {
  return {
    allowedDomains: input.allowedDomains,
    allowedGroups: input.allowedGroups,
    groupsClaim: input.groupsClaim,
    roleMappings: input.roleMappings,
    defaultRole: input.defaultRole as SsoDefaultRole,
  };
}

/** Where the IdP sends people back: register exactly this as the redirect (callback) URI. */
export function ssoRedirectUri(publicOrigin: string): string {
  return new URL(`/api/auth/callback/${SSO_PROVIDER_ID}`, publicOrigin).toString();
}

/** Which settings a save changes, for the audit entry ("clientSecret" when a new one was entered). */
export function changedSsoFields(before: SsoSettings | null, after: Omit<SsoSettingsInput, "clientSecret">, secretEntered: boolean): string[] {
  const was = before
    ? { enabled: before.enabled, displayName: before.displayName, issuer: before.issuer, clientId: before.clientId, ...before.policy }
    : null;
  const fields = ["enabled", "displayName", "issuer", "clientId", "allowedDomains", "allowedGroups", "groupsClaim", "roleMappings", "defaultRole"] as const;
  const changed: string[] = fields.filter((field) => !was || JSON.stringify(was[field]) !== JSON.stringify(after[field]));
  if (secretEntered) changed.push("clientSecret");
  return changed;
}
