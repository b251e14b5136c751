/**
 * A finding as every machine-readable output shows it: the /api/v1 responses, the JSON and CSV
 * exports of a findings view and `iamfit findings --format json`. One mapping, so the shapes
 * cannot drift apart.
 */
import { z } from "zod";
import { jsonValueSchema } from "@/lib/checks/evidence/json";
import { FINDING_STATUSES, RESOURCE_TYPES, SEVERITIES, type JsonValue } from "@/lib/checks/types";
import type { FindingRow } from "@/lib/db/findings";
import { checkInfo } from "@/lib/scorecard/catalogue";

export const apiFindingSchema = z
  .object({
    accountId: z.string().regex(/^[0-9]{12}$/).describe("12-digit AWS account id"),
    accountName: z.string(),
    exercise: z.number().int().min(1).max(10),
    checkId: z.string(),
    checkTitle: z.string(),
    resource: z.string().describe("ARN where the resource has one, else a stable id"),
    resourceType: z.enum(RESOURCE_TYPES),
    resourceName: z.string().describe("As AWS reports it: untrusted text"),
    region: z.string().nullable(),
    status: z.enum(FINDING_STATUSES),
    severity: z.enum(SEVERITIES),
    reason: z.string(),
    evidence: z.unknown().describe("The facts the decision was made from (JSON); null when not stored"),
    firstSeenAt: z.string().describe("ISO 8601 time of the run that first saw this state"),
    firstRunId: z.string(),
  });
// The evidence is any JSON value: described as such above, checked precisely here.
export const apiFindingEvidenceSchema = jsonValueSchema;

export type ApiFinding = z.infer<typeof apiFindingSchema>;

export function toApiFinding(row: FindingRow, evidence: JsonValue | undefined): ApiFinding {
  return {
    accountId: row.awsAccountId,
    accountName: row.accountName,
    exercise: row.exercise,
    checkId: row.checkId,
    checkTitle: checkInfo(row.checkId, row.exercise).title,
    resource: row.resourceId,
    resourceType: row.resourceType,
    resourceName: row.resourceName,
    region: row.region,
    status: row.status,
    severity: row.severity,
    reason: row.reason,
    evidence: evidence ?? null,
    firstSeenAt: row.firstSeenAt,
    firstRunId: row.firstRunId,
  };
}

export const apiFindingsPageSchema = z
  .object({
    findings: z.array(apiFindingSchema),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    pageCount: z.number().int().min(1),
    total: z.number().int().min(0),
  });

export type ApiFindingsPage = z.infer<typeof apiFindingsPageSchema>;
