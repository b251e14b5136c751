/**
 * URL state of the collections pages, validated; bad values fall back to defaults, and a run id
 * that is not a positive integer is simply not found.
 */
import { z } from "zod";
import { RUN_ACCOUNT_FILTERS, type RunAccountFilter } from "@/lib/db/run-page";

export const RUNS_PAGE_SIZE = 25;
export const RUN_ACCOUNTS_PAGE_SIZE = 100;

type RawSearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const pageSchema = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const filterSchema = z.enum(RUN_ACCOUNT_FILTERS).optional().catch(undefined);

export function parseRunsPage(params: RawSearchParams): number {
  return pageSchema.parse(first(params.page) ?? 1);
}

export function parseRunAccountsParams(params: RawSearchParams): { filter: RunAccountFilter | undefined; page: number } {
  return { filter: filterSchema.parse(first(params.status)), page: pageSchema.parse(first(params.page) ?? 1) };
}

/** Postgres bigint ids: 1 to 2^63-1, written as plain digits. */
export function parseRunId(value: string): bigint | undefined {
  if (!/^[1-9]\d{0,18}$/.test(value)) return undefined;
  const id = BigInt(value);
  return id <= 9_223_372_036_854_775_807n ? id : undefined;
}
