/**
 * The digest subscription form, validated on the server: recipient, scope and weekly time.
 * Form fields arrive as strings; chosen accounts as repeated `accounts` values, tags one per line.
 */
import { z } from "zod";
import { isValidTimeZone, type DigestSchedule } from "./schedule";
import { parseTagFilter, type DigestScope } from "./scope";

const MAX_ACCOUNTS = 1000;

/** A whole number typed in a form; an empty field is missing, not zero. */
function wholeNumber(message: string) {
  return z
    .string(message)
    .trim()
    .regex(/^\d+$/, message)
    .transform((text) => Number(text));
}
const MAX_TAGS = 20;

export const subscriptionFormSchema = z
  .object({
    email: z.string().trim().max(254, "is too long").pipe(z.email("must be an email address")),
    scope: z.enum(["all", "accounts", "tags"], "must be all accounts, chosen accounts or tags"),
    accounts: z.array(z.string().trim().regex(/^\d{12}$/, "must be 12-digit AWS account ids")).max(MAX_ACCOUNTS).default([]),
    tags: z.string().max(2000).default(""),
    weekday: wholeNumber("must be a weekday").pipe(z.number().min(1, "must be a weekday").max(7, "must be a weekday")),
    hour: wholeNumber("must be an hour from 0 to 23").pipe(z.number().min(0, "must be an hour from 0 to 23").max(23, "must be an hour from 0 to 23")),
    timeZone: z.string().trim().refine(isValidTimeZone, "must be an IANA time zone such as Europe/Berlin"),
  })
  .superRefine((value, context) => {
    if (value.scope === "accounts" && value.accounts.length === 0) {
      context.addIssue({ code: "custom", path: ["accounts"], message: "choose at least one account" });
    }
    const tags = tagLines(value.tags);
    if (value.scope === "tags" && tags.length === 0) {
      context.addIssue({ code: "custom", path: ["tags"], message: "give at least one tag, e.g. env=prod" });
    }
    if (tags.length > MAX_TAGS) context.addIssue({ code: "custom", path: ["tags"], message: `at most ${MAX_TAGS} tags` });
  })
  .transform((value): SubscriptionInput => ({
    email: value.email,
    scope: toScope(value.scope, value.accounts, value.tags),
    schedule: { weekday: value.weekday, hour: value.hour, timeZone: value.timeZone },
  }));

export interface SubscriptionInput {
  email: string;
  scope: DigestScope;
  schedule: DigestSchedule;
}

function tagLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

function toScope(kind: DigestScope["kind"], accounts: string[], tags: string): DigestScope {
  if (kind === "accounts") return { kind, awsAccountIds: [...new Set(accounts)].sort() };
  if (kind === "tags") return { kind, tags: tagLines(tags).flatMap((line) => parseTagFilter(line) ?? []) };
  return { kind: "all" };
}

export type SubscriptionFieldErrors = Partial<Record<"email" | "scope" | "accounts" | "tags" | "weekday" | "hour" | "timeZone" | "form", string>>;

export function subscriptionFieldErrors(error: z.ZodError): SubscriptionFieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The raw form values, as the schema expects them. */
export function readSubscriptionForm(formData: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    email: text("email"),
    scope: text("scope") || "all",
    accounts: formData.getAll("accounts").filter((value): value is string => typeof value === "string" && value.trim() !== ""),
    tags: text("tags"),
    weekday: text("weekday"),
    hour: text("hour"),
    timeZone: text("timeZone"),
  };
}
