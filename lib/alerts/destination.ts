/**
 * An alert destination as people configure it, in the UI or in iamfit.config.json: where (a Slack
 * incoming webhook, a Microsoft Teams workflow webhook or a generic webhook signed with a secret),
 * for which accounts, from which severity, for which events.
 */
import { z } from "zod";
import { SEVERITIES, type Severity } from "@/lib/checks/types";
import { formatTagFilter, parseTagFilter, type TagFilter } from "@/lib/digest/scope";

export const ALERT_EVENTS = ["finding_opened", "finding_reopened", "checklist_overdue"] as const;
export type AlertEventType = (typeof ALERT_EVENTS)[number];

export const ALERT_EVENT_WORDS: Record<AlertEventType | "test", string> = {
  finding_opened: "A finding opens",
  finding_reopened: "A finding reopens",
  checklist_overdue: "A checklist item becomes overdue",
  test: "Test alert",
};

export const DESTINATION_TYPES = ["slack", "teams", "webhook"] as const;
export type DestinationType = (typeof DESTINATION_TYPES)[number];

export const DESTINATION_TYPE_WORDS: Record<DestinationType, string> = {
  slack: "Slack (incoming webhook)",
  teams: "Microsoft Teams (workflow webhook)",
  webhook: "Webhook (signed JSON)",
};

export type AlertScope =
  | { kind: "all" }
  | { kind: "accounts"; awsAccountIds: string[] }
  | { kind: "ous"; ouPaths: string[] }
  | { kind: "tags"; tags: TagFilter[] };

export interface ScopedAlertAccount {
  awsAccountId: string;
  ouPath: string | null;
  tags: Record<string, string>;
}

function normalizedOu(path: string): string {
  return path.replace(/\/+$/, "").toLowerCase();
}

export function accountInAlertScope(scope: AlertScope, account: ScopedAlertAccount): boolean {
  switch (scope.kind) {
    case "all":
      return true;
    case "accounts":
      return scope.awsAccountIds.includes(account.awsAccountId);
    case "ous": {
      // An OU covers the accounts in it and in every OU below it.
      const path = account.ouPath === null ? null : normalizedOu(account.ouPath);
      return path !== null && scope.ouPaths.some((ou) => path === normalizedOu(ou) || path.startsWith(`${normalizedOu(ou)}/`));
    }
    case "tags":
      return scope.tags.some((tag) => Object.hasOwn(account.tags, tag.key) && (tag.value === undefined || account.tags[tag.key] === tag.value));
  }
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** The severities an alert with this minimum covers, most severe first. */
export function severitiesFrom(minimum: Severity): Severity[] {
  return SEVERITIES.filter((severity) => meetsMinimumSeverity(severity, minimum));
}

export function meetsMinimumSeverity(severity: Severity, minimum: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[minimum];
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** https everywhere; plain http only to this machine (a receiver under test, a local relay). */
export const destinationUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the webhook URL.")
  .refine((text) => URL.canParse(text), "Enter a full URL, starting with https://.")
  .refine((text) => {
    // zod runs every refinement even after one fails: an unparseable URL is reported above, not thrown here.
    if (!URL.canParse(text)) return true;
    const url = new URL(text);
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
  }, "The URL must start with https:// (plain http only to this machine).");

export const alertScopeSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("all") }),
    z.object({ kind: z.literal("accounts"), awsAccountIds: z.array(z.string().regex(/^\d{12}$/, "Account ids are 12 digits.")).min(1, "Choose at least one account.") }),
    z.object({ kind: z.literal("ous"), ouPaths: z.array(z.string().trim().min(1)).min(1, "Name at least one organizational unit.") }),
    z.object({
      kind: z.literal("tags"),
      tags: z.array(z.string().transform((text, context) => parseTagFilter(text) ?? (context.addIssue({ code: "custom", message: "Write tags as key or key=value." }), z.NEVER))).min(1, "Name at least one tag."),
    }),
  ])
  .default({ kind: "all" });

/** A destination's settings, without its secrets' storage: what both the UI and the config file give. */
export const alertDestinationSettingsSchema = z.object({
  name: z.string().trim().min(1, "Give the destination a name.").max(80, "Keep the name under 80 characters."),
  type: z.enum(DESTINATION_TYPES, { message: "Choose Slack, Teams or webhook." }),
  url: destinationUrlSchema,
  minSeverity: z.enum(SEVERITIES, { message: "Choose critical, high, medium or low." }).default("high"),
  events: z.array(z.enum(ALERT_EVENTS)).min(1, "Choose at least one event.").default([...ALERT_EVENTS]),
  scope: alertScopeSchema,
});
export type AlertDestinationSettings = z.infer<typeof alertDestinationSettingsSchema>;

export function scopeToColumns(scope: AlertScope): { scope: AlertScope["kind"]; scopeAccounts: string[]; scopeOus: string[]; scopeTags: string[] } {
  return {
    scope: scope.kind,
    scopeAccounts: scope.kind === "accounts" ? scope.awsAccountIds : [],
    scopeOus: scope.kind === "ous" ? scope.ouPaths : [],
    scopeTags: scope.kind === "tags" ? scope.tags.map(formatTagFilter) : [],
  };
}

export function scopeFromColumns(columns: { scope: string; scopeAccounts: string[]; scopeOus: string[]; scopeTags: string[] }): AlertScope {
  if (columns.scope === "accounts") return { kind: "accounts", awsAccountIds: columns.scopeAccounts };
  if (columns.scope === "ous") return { kind: "ous", ouPaths: columns.scopeOus };
  if (columns.scope === "tags") return { kind: "tags", tags: columns.scopeTags.flatMap((text) => parseTagFilter(text) ?? []) };
  return { kind: "all" };
}

export function describeAlertScope(scope: AlertScope): string {
  switch (scope.kind) {
    case "all":
      return "All accounts";
    case "accounts":
      return scope.awsAccountIds.length === 1 ? "1 chosen account" : `${scope.awsAccountIds.length} chosen accounts`;
    case "ous":
      return `Accounts in ${scope.ouPaths.join(" or ")}`;
    case "tags":
      return `Accounts tagged ${scope.tags.map(formatTagFilter).join(" or ")}`;
  }
}
