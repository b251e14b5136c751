/** The health page's URL state (`?show=`, `?page=`), validated: anything unknown shows every account, page 1. */
import { z } from "zod";
import { HEALTH_FILTERS, type HealthFilter } from "@/lib/onboarding/connection-health";

/** Rows a page renders: each row carries a test-connection form, so a thousand would be megabytes. */
export const HEALTH_PAGE_SIZE = 50;

const showSchema = z.enum(HEALTH_FILTERS).default("all").catch("all");
const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

type RawParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseHealthFilter(raw: RawParams): HealthFilter {
  return showSchema.parse(first(raw.show));
}

export interface HealthPage<Row> {
  rows: Row[];
  page: number;
  pageCount: number;
  total: number;
}

/** One page of rows; a page past the end shows the last page rather than nothing. */
export function pageOfHealthRows<Row>(rows: Row[], raw: RawParams): HealthPage<Row> {
  const pageCount = Math.max(1, Math.ceil(rows.length / HEALTH_PAGE_SIZE));
  const page = Math.min(pageSchema.parse(first(raw.page) ?? 1), pageCount);
  const start = (page - 1) * HEALTH_PAGE_SIZE;
  return { rows: rows.slice(start, start + HEALTH_PAGE_SIZE), page, pageCount, total: rows.length };
}
