/**
 * The accounts list's URL state (`?q=&status=&sort=&dir=&page=`), validated: a hand-edited or
 * stale link falls back to the defaults instead of failing.
 */
import { z } from "zod";
import {
  ACCOUNT_LIST_SORTS,
  ACCOUNT_STATUS_FILTERS,
  type AccountListQuery,
  type AccountListSort,
} from "@/lib/db/account-list";

export const ACCOUNTS_PAGE_SIZE = 50;

/** Descending first where "most recent" or "best" is what people look for. */
export const DEFAULT_DIRECTION: Record<AccountListSort, "asc" | "desc"> = {
  name: "asc",
  id: "asc",
  status: "asc",
  collected: "desc",
  score: "asc",
};

const schema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(ACCOUNT_STATUS_FILTERS).optional().catch(undefined),
  sort: z.enum(ACCOUNT_LIST_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  removed: z.string().regex(/^\d{12}$/).optional().catch(undefined),
});

export type RawSearchParams = Record<string, string | string[] | undefined>;

export function firstValues(params: RawSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

export interface AccountListParams {
  query: AccountListQuery;
  /** The URL state to carry into links (only what differs from the defaults). */
  state: { q?: string; status?: string; sort?: string; dir?: string };
  removed?: string;
}

export function parseAccountListParams(params: RawSearchParams): AccountListParams {
  const parsed = schema.parse(firstValues(params));
  const text = parsed.q ? parsed.q : undefined;
  const direction = parsed.dir ?? DEFAULT_DIRECTION[parsed.sort];
  return {
    query: { text, status: parsed.status, sort: parsed.sort, direction, page: parsed.page, pageSize: ACCOUNTS_PAGE_SIZE },
    state: {
      q: text,
      status: parsed.status,
      sort: parsed.sort === "name" ? undefined : parsed.sort,
      dir: parsed.dir && parsed.dir !== DEFAULT_DIRECTION[parsed.sort] ? parsed.dir : undefined,
    },
    removed: parsed.removed,
  };
}
