import { accountsQuerySchema } from "@/lib/api/query-params";
import { readAccounts } from "@/lib/api/read-models";
import { apiRoute } from "@/lib/api/route-handler";

export const dynamic = "force-dynamic";

/** The linked accounts and their last collection (public/openapi.json). */
export const GET = apiRoute(accountsQuerySchema, () => readAccounts());
