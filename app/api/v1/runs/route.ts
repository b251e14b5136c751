import { runsQuerySchema } from "@/lib/api/query-params";
import { readRuns } from "@/lib/api/read-models";
import { apiRoute } from "@/lib/api/route-handler";

export const dynamic = "force-dynamic";

/** Collection runs, newest first, paged by the `before` cursor (public/openapi.json). */
export const GET = apiRoute(runsQuerySchema, (query) => readRuns(query));
