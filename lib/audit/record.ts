/**
 * The one way anything writes to the audit trail. It never throws: an audit write that fails
 * (database briefly away) is reported on stderr without the entry's detail, and the action it
 * describes goes on, as a sign-in must not fail because its record could not be written.
 */
import "server-only";
import { insertAuditEvent } from "@/lib/db/audit";
import { auditEntrySchema, scrubDetail, trimUserAgent, type AuditEntryInput } from "./entry";

export type { AuditEntryInput } from "./entry";

export async function recordAudit(input: AuditEntryInput): Promise<void> {
  try {
    const entry = auditEntrySchema.parse(input);
    await insertAuditEvent({
      ...entry,
      detail: scrubDetail(entry.detail) as Record<string, unknown>,
      userAgent: trimUserAgent(entry.userAgent),
    });
  } catch (error) {
    console.error(`audit: could not record ${String(input.action)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
