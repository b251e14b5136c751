/** The health page's URL state (`?show=`), validated: anything unknown shows every account. */
import { z } from "zod";
import { HEALTH_FILTERS, type HealthFilter } from "@/lib/onboarding/connection-health";

const schema = z.enum(HEALTH_FILTERS).default("all").catch("all");

export function parseHealthFilter(raw: Record<string, string | string[] | undefined>): HealthFilter {
  const value = raw.show;
  return schema.parse(Array.isArray(value) ? value[0] : value);
}
