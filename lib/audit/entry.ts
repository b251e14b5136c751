/**
 * What an audit entry holds, validated where it enters (every caller builds one by hand), and the
 * scrubbing that keeps secrets out of the trail whatever a caller passes in `detail`.
 */
import { z } from "zod";

export const AUDIT_ACTOR_KINDS = ["user", "token", "cli", "system", "anonymous"] as const;
export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const;

export const auditEntrySchema = z.object({
  /** Dotted, past tense where it is a change: "auth.sign_in", "account.linked", "checklist.state_changed". */
  action: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/),
  outcome: z.enum(AUDIT_OUTCOMES).default("success"),
  actor: z
    .object({
      kind: z.enum(AUDIT_ACTOR_KINDS),
      userId: z.string().max(200).optional(),
      email: z.string().max(320).optional(),
      tokenId: z.string().max(200).optional(),
    })
    .default({ kind: "anonymous" }),
  target: z.object({ type: z.string().max(100), id: z.string().max(2048), label: z.string().max(1024).optional() }).optional(),
  detail: z.record(z.string(), z.unknown()).default({}),
  ip: z.string().max(100).nullish(),
  userAgent: z.string().nullish(),
});

export type AuditEntryInput = z.input<typeof auditEntrySchema>;
export type AuditEntry = z.output<typeof auditEntrySchema>;

const SECRET_KEY = /pass(word)?|secret|token|otp|code|key|cookie|authorization/i;
const MAX_STRING = 2_000;
const MAX_DEPTH = 4;

/**
 * Replaces values under secret-sounding keys with "[redacted]", truncates long strings and cuts
 * deep nesting: the audit log is browsed and exported, so it must never become a secret store.
 * Keys that name what a token is, not the token itself ("tokenId", "tokenName"), are kept.
 */
export function scrubDetail(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[nested]";
  if (Array.isArray(value)) return value.slice(0, 100).map((item) => scrubDetail(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) && !/(id|name|scope|prefix|count|expires\w*)$/i.test(key) ? "[redacted]" : scrubDetail(item, depth + 1),
    ]),
  );
}

/** User agents are long and attacker-chosen; the first 300 characters identify a browser. */
export function trimUserAgent(userAgent: string | null | undefined): string | null {
  return userAgent ? userAgent.slice(0, 300) : null;
}
