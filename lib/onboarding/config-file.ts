/**
 * Accounts as code: `iamfit.config.json` declares accounts to link and how to follow the
 * organization. Validation reports every problem with its line and column, the way a compiler
 * does, so a 500-account file is fixed in one pass. JSON rather than YAML: no YAML parser ships
 * with iamfit, and JSON editors validate against the published shape.
 *
 *   {
 *     "defaults": { "role": "iamfit-audit" },
 *     "accounts": [{ "accountId": "123456789012", "name": "Payments prod", "tags": { "env": "prod" } }],
 *     "organization": { "autoLink": true, "excludeOus": ["Sandbox", "Suspended"] },
 *     "prune": false,
 *     "alerts": [{ "name": "ops", "type": "webhook", "url": "https://…", "secretEnv": "IAMFIT_ALERT_SECRET", "minSeverity": "high" }]
 *   }
 */
import { z } from "zod";
import { linkAccountInputSchema, type ValidLinkAccountInput } from "@/lib/accounts/link-input";
import { parseJsonSource, type JsonPath } from "./json-source";
import { organizationSettingsFields, type OrganizationSettings } from "./organization-settings";
import { alertDestinationSettingsSchema, type AlertDestinationSettings } from "@/lib/alerts/destination";

export const DEFAULT_CONFIG_FILE_NAME = "iamfit.config.json";

const accountEntrySchema = z.strictObject({
  accountId: z.string(),
  name: z.string().optional(),
  /** Role ARN or name; default: defaults.role, then iamfit-audit. */
  role: z.string().optional(),
  externalId: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

/** An alert destination; its signing secret only by the name of the variable that holds it. */
const alertEntrySchema = z.strictObject({
  name: z.string(),
  type: z.string(),
  url: z.string(),
  secretEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be the name of an environment variable, such as IAMFIT_ALERT_SECRET").optional(),
  minSeverity: z.string().optional(),
  events: z.array(z.string()).optional(),
  accounts: z.array(z.string()).optional(),
  ous: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
});

const configFileSchema = z.strictObject({
  $schema: z.string().optional(),
  defaults: z.strictObject({ role: z.string().optional(), externalId: z.string().optional() }).optional(),
  accounts: z.array(accountEntrySchema).default([]),
  organization: z.strictObject(organizationSettingsFields).optional(),
  /** Remove accounts an earlier version of this file linked and that it no longer declares. */
  prune: z.boolean().default(false),
  alerts: z.array(alertEntrySchema).optional(),
});

const KNOWN_KEYS: Record<string, string[]> = {
  "": Object.keys(configFileSchema.shape),
  defaults: ["role", "externalId"],
  accounts: Object.keys(accountEntrySchema.shape),
  organization: Object.keys(organizationSettingsFields),
  alerts: Object.keys(alertEntrySchema.shape),
};

export type DeclaredAccount = ValidLinkAccountInput;

export interface AccountsConfig {
  accounts: DeclaredAccount[];
  organization?: Omit<OrganizationSettings, "managedBy">;
  prune: boolean;
  /** Undefined when the file has no alerts section: destinations it declared before are removed. */
  alerts?: DeclaredAlertDestination[];
}

export interface DeclaredAlertDestination {
  settings: AlertDestinationSettings;
  secretEnv: string | null;
}

export interface ConfigProblem {
  line: number;
  column: number;
  /** "accounts[2].role"; "" for the document itself. */
  path: string;
  message: string;
}

export type ConfigValidation = { ok: true; config: AccountsConfig } | { ok: false; problems: ConfigProblem[] };

export function formatJsonPath(path: JsonPath): string {
  return path.reduce<string>((text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${part}` : part), "");
}

/** "iamfit.config.json:12:7: accounts[2].role: must be a role ARN …", one line per problem. */
export function formatConfigProblems(fileName: string, problems: readonly ConfigProblem[]): string {
  return problems.map((problem) => `${fileName}:${problem.line}:${problem.column}: ${problem.path ? `${problem.path}: ` : ""}${problem.message}`).join("\n");
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

function unknownKeyMessage(key: string, objectPath: JsonPath): string {
  const section = typeof objectPath[0] === "string" ? objectPath[0] : "";
  const known = KNOWN_KEYS[objectPath.length === 0 ? "" : section] ?? [];
  const suggestion = known.find((candidate) => editDistance(candidate, key) <= 2);
  return `unknown property "${key}"${suggestion ? `; did you mean "${suggestion}"?` : known.length ? ` (known: ${known.join(", ")})` : ""}`;
}

function isPresent(document: unknown, path: JsonPath): boolean {
  let current: unknown = document;
  for (const part of path) {
    if (typeof current !== "object" || current === null || !Object.prototype.hasOwnProperty.call(current, part)) return false;
    current = (current as Record<string | number, unknown>)[part];
  }
  return true;
}

function issueMessage(issue: z.core.$ZodIssue, present: boolean): string {
  if (issue.code === "invalid_type") {
    const expected = issue.expected === "array" ? "a list [ … ]" : issue.expected === "object" || issue.expected === "record" ? "an object { … }" : `a ${issue.expected}`;
    return present ? `must be ${expected}` : `is required (${expected})`;
  }
  return issue.message;
}

export function validateAccountsConfig(text: string): ConfigValidation {
  const source = parseJsonSource(text);
  if (!source.ok) return { ok: false, problems: [{ ...source.position, path: "", message: `not valid JSON: ${source.message}` }] };
  const problems: ConfigProblem[] = [];
  const report = (path: JsonPath, message: string, at: JsonPath = path) => problems.push({ ...source.positionOf(at), path: formatJsonPath(path), message });

  const parsed = configFileSchema.safeParse(source.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as JsonPath;
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) report([...path, key], unknownKeyMessage(key, path), [...path, key, "$key"]);
      } else {
        report(path, issueMessage(issue, isPresent(source.value, path)));
      }
    }
    return { ok: false, problems: sortProblems(problems) };
  }

  const file = parsed.data;
  const accounts: DeclaredAccount[] = [];
  const firstIndexById = new Map<string, number>();
  file.accounts.forEach((entry, index) => {
    const result = linkAccountInputSchema.safeParse({
      ...entry,
      role: entry.role ?? file.defaults?.role,
      externalId: entry.externalId ?? file.defaults?.externalId,
    });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path[0];
        // A bad default is reported once, where it is written, not once per account using it.
        const fromDefaults = typeof field === "string" && (field === "role" || field === "externalId") && entry[field] === undefined;
        if (fromDefaults) report(["defaults", field], issue.message);
        else report(["accounts", index, ...(issue.path as JsonPath)], issue.message);
      }
      return;
    }
    const earlier = firstIndexById.get(result.data.accountId);
    if (earlier !== undefined) {
      const line = source.positionOf(["accounts", earlier]).line;
      report(["accounts", index, "accountId"], `${result.data.accountId} is declared twice (first at line ${line})`);
      return;
    }
    firstIndexById.set(result.data.accountId, index);
    accounts.push(result.data);
  });
  const alerts = file.alerts?.flatMap((entry, index): DeclaredAlertDestination[] => {
    const scopes = (["accounts", "ous", "tags"] as const).filter((key) => entry[key] !== undefined);
    if (scopes.length > 1) {
      report(["alerts", index, scopes[1]!], `choose one of accounts, ous or tags (this destination has ${scopes.join(" and ")})`);
      return [];
    }
    const scope = scopes[0] === "accounts" ? { kind: "accounts", awsAccountIds: entry.accounts } : scopes[0] === "ous" ? { kind: "ous", ouPaths: entry.ous } : scopes[0] === "tags" ? { kind: "tags", tags: entry.tags } : { kind: "all" };
    const result = alertDestinationSettingsSchema.safeParse({ name: entry.name, type: entry.type, url: entry.url, minSeverity: entry.minSeverity, events: entry.events, scope });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const [field, ...rest] = issue.path as JsonPath;
        const at: JsonPath = field === "scope" ? ["alerts", index, scopes[0] ?? "name", ...rest.slice(1)] : ["alerts", index, ...(issue.path as JsonPath)];
        report(at, issue.message);
      }
      return [];
    }
    if (result.data.type !== "webhook" && entry.secretEnv) report(["alerts", index, "secretEnv"], "only a webhook destination is signed; Slack and Teams URLs carry their own token");
    return [{ settings: result.data, secretEnv: entry.secretEnv ?? null }];
  });
  const names = new Map<string, number>();
  alerts?.forEach((alert, index) => {
    const earlier = names.get(alert.settings.name);
    if (earlier !== undefined) report(["alerts", index, "name"], `${alert.settings.name} is declared twice (first at line ${source.positionOf(["alerts", earlier]).line})`);
    names.set(alert.settings.name, index);
  });
  if (problems.length > 0) return { ok: false, problems: sortProblems(dedupe(problems)) };
  return { ok: true, config: { accounts, ...(file.organization ? { organization: file.organization } : {}), prune: file.prune, ...(alerts ? { alerts } : {}) } };
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.line}:${problem.column}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
