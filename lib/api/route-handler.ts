/**
 * Every /api/v1 route goes through apiRoute: the access guard (one place, for the API tokens of
 * a later issue), the strict query-string check (400 naming the parameter) and JSON responses
 * that are never cached.
 */
import type { z } from "zod";
import type { ApiError } from "./error-json";
import { parseQuery } from "./query-params";

const NO_STORE = { "Cache-Control": "no-store" };

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function apiError(status: number, error: ApiError["error"]): Response {
  return apiJson({ error } satisfies ApiError, status);
}

/** Who may read the API. Open until API tokens exist; answer a Response to refuse the request. */
async function guardApiRequest(request: Request): Promise<Response | undefined> {
  void request;
  return undefined;
}

export function apiRoute<T>(querySchema: z.ZodType<T>, handler: (query: T, request: Request) => Promise<Response | object>): (request: Request) => Promise<Response> {
  return async (request) => {
    const refused = await guardApiRequest(request);
    if (refused) return refused;
    const parsed = parseQuery(querySchema, new URL(request.url).searchParams);
    if (!parsed.ok) return apiError(400, { code: "invalid_parameter", parameter: parsed.error.parameter, message: parsed.error.message });
    try {
      const body = await handler(parsed.query, request);
      return body instanceof Response ? body : apiJson(body);
    } catch (error) {
      console.error("api: request failed", request.url, error);
      return apiError(500, { code: "internal_error", message: "The request failed; see the server log." });
    }
  };
}
