import { findingsQuerySchema } from "@/lib/api/query-params";
import { readFindingsPage } from "@/lib/api/read-models";
import { apiRoute } from "@/lib/api/route-handler";

export const dynamic = "force-dynamic";

/** One page of findings with their evidence, filtered (public/openapi.json). */
export const GET = apiRoute(findingsQuerySchema, (query) => readFindingsPage(query));
