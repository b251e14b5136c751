/**
 * Query strings of /api/v1 and the CLI's filter options, validated strictly: unlike the pages
 * (which fall back to defaults so an old link still opens), a script that sends a bad filter
 * must hear about it, by the parameter's name.
 */
import { z } from "zod";
import { FINDING_STATUSES, RESOURCE_TYPES, SEVERITIES, type ExerciseNumber } from "@/lib/checks/types";
import type { FindingsQuery } from "@/lib/scorecard/search-params";

export const API_MAX_PAGE_SIZE = 500;

const awsAccountId = z.string().regex(/^[0-9]{12}$/, "must be a 12-digit AWS account id");
const runId = z.string().regex(/^[1-9][0-9]{0,17}$/, "must be a run id");
const exercise = z.coerce.number().int().min(1).max(10);

export const findingsQuerySchema = z.strictObject({
  account: awsAccountId.optional().describe("12-digit AWS account id"),
  exercise: exercise.optional().describe("Exercise 1–10"),
  check: z.string().regex(/^[a-z0-9.-]{1,80}$/, "must be a check id").optional().describe("Check id, e.g. root.access-keys"),
  status: z.enum([...FINDING_STATUSES, "all"]).default("all"),
  severity: z.enum(SEVERITIES).optional(),
  resourceType: z.enum(RESOURCE_TYPES).optional(),
  q: z.string().max(200).optional().describe("Text in the resource name or id, or the account name"),
  run: runId.optional().describe("Findings as of this run instead of now"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(API_MAX_PAGE_SIZE).default(100),
});

export const scorecardQuerySchema = z.strictObject({
  account: awsAccountId.optional().describe("Only this account"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(API_MAX_PAGE_SIZE).default(100).describe("Accounts per page"),
});

export const accountsQuerySchema = z.strictObject({});

export const runsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  before: runId.optional().describe("Cursor: only runs older than this run id (the previous page's nextBefore)"),
});

export type FindingsApiQuery = z.infer<typeof findingsQuerySchema>;

export interface QueryParamError {
  parameter: string;
  message: string;
}

export type ParsedQuery<T> = { ok: true; query: T } | { ok: false; error: QueryParamError };

/** Raw parameters: a URL's search params (a repeated parameter is an error) or a plain record. */
export function parseQuery<T>(schema: z.ZodType<T>, raw: URLSearchParams | Record<string, string | undefined>): ParsedQuery<T> {
  const record: Record<string, string> = {};
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw);
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (key in record) return { ok: false, error: { parameter: key, message: `${key} is given more than once` } };
    record[key] = value;
  }
  const parsed = schema.safeParse(record);
  if (parsed.success) return { ok: true, query: parsed.data };
  const issue = parsed.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const parameter = issue.keys[0] ?? "";
    return { ok: false, error: { parameter, message: `unknown parameter ${parameter}` } };
  }
  const parameter = String(issue.path[0] ?? "");
  return { ok: false, error: { parameter, message: `${parameter}: ${issue.message}` } };
}

/** The data layer's query for an API or CLI findings request. */
export function toFindingsQuery(query: FindingsApiQuery): FindingsQuery {
  return {
    ...(query.account ? { account: query.account } : {}),
    ...(query.exercise ? { exercise: query.exercise as ExerciseNumber } : {}),
    ...(query.check ? { check: query.check } : {}),
    statuses: query.status === "all" ? [] : [query.status],
    ...(query.severity ? { severity: query.severity } : {}),
    ...(query.resourceType ? { resourceType: query.resourceType } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.run ? { asOfRunId: BigInt(query.run) } : {}),
    sort: "severity",
    dir: "asc",
    page: query.page,
    pageSize: query.pageSize,
  };
}
