/**
 * The organization page's URL state (`?ou=&show=`), validated: a stale or hand-edited link falls
 * back to the whole organization instead of failing.
 */
import { z } from "zod";
import { isOuPattern } from "@/lib/onboarding/ou-filter";
import { ORGANIZATION_FILTERS, type OrganizationFilter } from "@/lib/onboarding/organization-view";

export type RawSearchParams = Record<string, string | string[] | undefined>;

const schema = z.object({
  ou: z.string().trim().max(1000).refine(isOuPattern).optional().catch(undefined),
  show: z.enum(ORGANIZATION_FILTERS).default("all").catch("all"),
});

export interface OrganizationParams {
  ou?: string;
  show: OrganizationFilter;
  /** For links that change one parameter and keep the other. */
  state: { ou?: string; show?: string };
}

export function parseOrganizationParams(raw: RawSearchParams): OrganizationParams {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = schema.parse({ ou: first(raw.ou), show: first(raw.show) });
  return { ...parsed, state: { ou: parsed.ou, show: parsed.show === "all" ? undefined : parsed.show } };
}
