/**
 * The audit log page's URL state (filters and the keyset cursor), validated: a bad value is
 * dropped, never passed to the database.
 */
import { z } from "zod";
import type { AuditCursor, AuditQuery } from "@/lib/db/audit";
import { AUDIT_OUTCOMES } from "./entry";

export type RawSearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional()).catch(undefined);

const paramsSchema = z.object({
  action: optional(z.string().regex(/^[a-z][a-z0-9_.]*$/).max(100)),
  outcome: optional(z.enum(AUDIT_OUTCOMES)),
  actor: optional(z.string().trim().min(1).max(320)),
  target: optional(z.string().max(2048)),
  days: optional(z.coerce.number().int().min(1).max(3660)),
  before: optional(z.string().regex(/^\d{13}_\d{1,19}$/)),
});

export type AuditPageParams = z.infer<typeof paramsSchema>;

export function parseAuditParams(raw: RawSearchParams): AuditPageParams {
  return paramsSchema.parse(Object.fromEntries(Object.keys(paramsSchema.shape).map((key) => [key, first(raw[key])])));
}

export function auditQueryFrom(params: AuditPageParams, now: Date): AuditQuery {
  return {
    action: params.action,
    outcome: params.outcome,
    actor: params.actor,
    targetId: params.target,
    since: params.days ? new Date(now.getTime() - params.days * 24 * 60 * 60 * 1000) : undefined,
  };
}

/** "1764000000000_42": the occurred-at millisecond and id of the last row shown. */
export function encodeAuditCursor(cursor: AuditCursor): string {
  return `${cursor.occurredAt.getTime()}_${cursor.id}`;
}

export function decodeAuditCursor(value: string | undefined): AuditCursor | undefined {
  if (!value) return undefined;
  const [millis, id] = value.split("_");
  return { occurredAt: new Date(Number(millis)), id: BigInt(id!) };
}
