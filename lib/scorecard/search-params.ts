/**
 * The URL is the state of every scorecard view (STYLE.md, "URL is state"): these parsers turn
 * a page's route and search params into validated queries for lib/db. Anything invalid falls
 * back to the default instead of failing, so an edited or outdated link still opens a page.
 */
import { z } from "zod";
import { FINDING_STATUSES, RESOURCE_TYPES, SEVERITIES, type ExerciseNumber, type FindingStatus, type ResourceType, type Severity } from "@/lib/checks/types";

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const PAGE_SIZES = [25, 50, 100] as const;
export type SortDirection = "asc" | "desc";

export const GRID_SORTS = ["score", "name", "worst", "failures", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10"] as const;
export type GridSort = (typeof GRID_SORTS)[number];
export const GRID_STATUSES = ["all", "not_assessed", "succeeded", "partial", "failed"] as const;
export type GridStatus = (typeof GRID_STATUSES)[number];

export interface GridQuery {
  q?: string;
  /** `key` (has the tag) or `key=value`. */
  tag?: { key: string; value?: string };
  /** An organizational unit path ("Root/Workloads"): accounts in it or in any OU below it. */
  ou?: string;
  status: GridStatus;
  sort: GridSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
}

export const FINDING_SORTS = ["severity", "check", "resource", "account", "first_seen"] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];

export interface FindingsQuery {
  /** AWS account id (12 digits). */
  account?: string;
  exercise?: ExerciseNumber;
  check?: string;
  /** Empty: every status. */
  statuses: FindingStatus[];
  severity?: Severity;
  resourceType?: ResourceType;
  resourceId?: string;
  q?: string;
  /** Findings as of this run; absent: the current state. */
  asOfRunId?: bigint;
  sort: FindingSort;
  dir: SortDirection;
  page: number;
  pageSize: number;
}

export const CHANGE_KINDS = ["worse", "fixed"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_WINDOW_DAYS = [1, 7, 30, 90] as const;

export interface ChangesQuery {
  kind: ChangeKind;
  days: number;
  fromRunId?: bigint;
  toRunId?: bigint;
  account?: string;
  exercise?: ExerciseNumber;
  page: number;
  pageSize: number;
}

function first(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  const trimmed = single?.trim();
  return trimmed ? trimmed : undefined;
}

const text = z.string().max(200).optional().catch(undefined);
const page = z.coerce.number().int().min(1).max(100_000).catch(1);
const dir = z.enum(["asc", "desc"]);
const awsAccountId = z.string().regex(/^[0-9]{12}$/);
const runId = z
  .string()
  .regex(/^[1-9][0-9]{0,17}$/)
  .transform((value) => BigInt(value));

export const exerciseNumberSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(10)
  .transform((value) => value as ExerciseNumber);

/** A route's `[exercise]` segment; undefined when it is not 1–10 (the page answers 404). */
export function parseExerciseParam(value: string): ExerciseNumber | undefined {
  const parsed = exerciseNumberSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** A route's `[accountId]` segment; undefined unless it is a 12-digit AWS account id. */
export function parseAccountParam(value: string): string | undefined {
  const parsed = awsAccountId.safeParse(decodeURIComponent(value));
  return parsed.success ? parsed.data : undefined;
}

function pageSize(value: string | undefined, fallback: number): number {
  const size = Number(value);
  return (PAGE_SIZES as readonly number[]).includes(size) ? size : fallback;
}

function parseTag(value: string | undefined): GridQuery["tag"] {
  if (!value) return undefined;
  const at = value.indexOf("=");
  if (at < 0) return { key: value.slice(0, 128) };
  const key = value.slice(0, at).trim();
  if (!key) return undefined;
  return { key: key.slice(0, 128), value: value.slice(at + 1).trim().slice(0, 256) };
}

/** "Root/Workloads/Prod" as the organization sync writes it; a trailing slash is dropped. */
const ouPath = z
  .string()
  .trim()
  .max(1024)
  .transform((value) => value.replace(/\/+$/, ""))
  .pipe(z.string().min(1))
  .optional()
  .catch(undefined);

export function parseGridSearchParams(params: RawSearchParams): GridQuery {
  return {
    q: text.parse(first(params.q)),
    tag: parseTag(first(params.tag)),
    ou: ouPath.parse(first(params.ou)),
    status: z.enum(GRID_STATUSES).catch("all").parse(first(params.status)),
    // Ascending by score is worst first, which is what a security lead opens the page for.
    sort: z.enum(GRID_SORTS).catch("score").parse(first(params.sort)),
    dir: dir.catch("asc").parse(first(params.dir)),
    page: page.parse(first(params.page)),
    pageSize: pageSize(first(params.size), 50),
  };
}

const statusFilter = z.enum([...FINDING_STATUSES, "all"]);

/** Drill-downs list failing resources unless the URL asks for another status (or `all`). */
export function parseFindingsSearchParams(
  params: RawSearchParams,
  fixed: { account?: string; exercise?: ExerciseNumber } = {},
): FindingsQuery {
  const status = statusFilter.catch("fail").parse(first(params.status) ?? "fail");
  const asOf = runId.safeParse(first(params.run));
  const account = fixed.account ?? awsAccountId.optional().catch(undefined).parse(first(params.account));
  const exercise = fixed.exercise ?? exerciseNumberSchema.optional().catch(undefined).parse(first(params.exercise));
  return {
    ...(account ? { account } : {}),
    ...(exercise ? { exercise } : {}),
    check: z.string().regex(/^[a-z0-9.-]{1,80}$/).optional().catch(undefined).parse(first(params.check)),
    statuses: status === "all" ? [] : [status],
    severity: z.enum(SEVERITIES).optional().catch(undefined).parse(first(params.severity)),
    resourceType: z.enum(RESOURCE_TYPES).optional().catch(undefined).parse(first(params.type)),
    q: text.parse(first(params.q)),
    ...(asOf.success ? { asOfRunId: asOf.data } : {}),
    sort: z.enum(FINDING_SORTS).catch("severity").parse(first(params.sort)),
    dir: dir.catch("asc").parse(first(params.dir)),
    page: page.parse(first(params.page)),
    pageSize: pageSize(first(params.size), 25),
  };
}

export function parseChangesSearchParams(params: RawSearchParams): ChangesQuery {
  const from = runId.safeParse(first(params.from));
  const to = runId.safeParse(first(params.to));
  const days = Number(first(params.days));
  const account = awsAccountId.optional().catch(undefined).parse(first(params.account));
  const exercise = exerciseNumberSchema.optional().catch(undefined).parse(first(params.exercise));
  return {
    kind: z.enum(CHANGE_KINDS).catch("worse").parse(first(params.kind)),
    days: (CHANGE_WINDOW_DAYS as readonly number[]).includes(days) ? days : 7,
    ...(from.success ? { fromRunId: from.data } : {}),
    ...(to.success ? { toRunId: to.data } : {}),
    ...(account ? { account } : {}),
    ...(exercise ? { exercise } : {}),
    page: page.parse(first(params.page)),
    pageSize: pageSize(first(params.size), 50),
  };
}

/** The resource page's `?id=`: ARNs carry `/` and `:`, so the id travels as one encoded query value. */
export function parseResourceSearchParams(params: RawSearchParams): { resourceId?: string } {
  const id = z.string().min(1).max(2048).optional().catch(undefined).parse(first(params.id));
  return id ? { resourceId: id } : {};
}

/** The URL state to carry into sort, filter and page links: only what differs from the defaults. */
export type UrlState = Record<string, string | undefined>;

export function gridUrlState(query: GridQuery): UrlState {
  return {
    q: query.q,
    tag: query.tag ? (query.tag.value === undefined ? query.tag.key : `${query.tag.key}=${query.tag.value}`) : undefined,
    ou: query.ou,
    status: query.status === "all" ? undefined : query.status,
    sort: query.sort === "score" ? undefined : query.sort,
    dir: query.dir === "asc" ? undefined : query.dir,
    page: query.page === 1 ? undefined : String(query.page),
    size: query.pageSize === 50 ? undefined : String(query.pageSize),
  };
}

/** `fixed` names the filters the route itself sets (an account page's account), kept out of the URL. */
export function findingsUrlState(query: FindingsQuery, fixed: { account?: boolean; exercise?: boolean } = {}): UrlState {
  const status = query.statuses.length === 0 ? "all" : query.statuses[0];
  return {
    account: fixed.account ? undefined : query.account,
    exercise: fixed.exercise || query.exercise === undefined ? undefined : String(query.exercise),
    check: query.check,
    status: status === "fail" ? undefined : status,
    severity: query.severity,
    type: query.resourceType,
    q: query.q,
    run: query.asOfRunId?.toString(),
    sort: query.sort === "severity" ? undefined : query.sort,
    dir: query.dir === "asc" ? undefined : query.dir,
    page: query.page === 1 ? undefined : String(query.page),
    size: query.pageSize === 25 ? undefined : String(query.pageSize),
  };
}

export function changesUrlState(query: ChangesQuery): UrlState {
  return {
    kind: query.kind === "worse" ? undefined : query.kind,
    days: query.days === 7 ? undefined : String(query.days),
    from: query.fromRunId?.toString(),
    to: query.toRunId?.toString(),
    account: query.account,
    exercise: query.exercise === undefined ? undefined : String(query.exercise),
    page: query.page === 1 ? undefined : String(query.page),
    size: query.pageSize === 50 ? undefined : String(query.pageSize),
  };
}
