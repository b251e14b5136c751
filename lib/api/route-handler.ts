/**
 * Every /api/v1 route goes through apiRoute (GET) or apiMutation (POST): the API token check (401
 * without a valid token, 403 when its scope does not allow the capability), the strict query or
 * body check (400 naming the parameter) and JSON responses that are never cached.
 */
import "server-only";
import type { z } from "zod";
import { authenticateApiRequest } from "@/lib/auth/api-request";
import type { Capability } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import type { ApiError } from "./error-json";
import { parseQuery } from "./query-params";

const NO_STORE = { "Cache-Control": "no-store" };

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function apiError(status: number, error: ApiError["error"]): Response {
  return apiJson({ error } satisfies ApiError, status);
}

function refusal(authentication: { status: 401 | 403; message: string }): Response {
  const response = apiError(authentication.status, { code: authentication.status === 401 ? "unauthorized" : "forbidden", message: authentication.message });
  if (authentication.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="iamfit"');
  return response;
}

/** What an endpoint reads from the request: the validated input, or the 400 to answer instead. */
type InputReader<T> = (request: Request) => Promise<{ ok: true; input: T } | { ok: false; response: Response }>;

/** The one mechanism behind every /api/v1 endpoint: token check, input, handler, JSON or 500. */
function apiEndpoint<T>(
  capability: Capability,
  readInput: InputReader<T>,
  handler: (input: T, request: Request, user: SessionUser) => Promise<Response | object>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const authentication = await authenticateApiRequest(request, capability);
    if (!authentication.ok) return refusal(authentication);
    const read = await readInput(request);
    if (!read.ok) return read.response;
    try {
      const body = await handler(read.input, request, authentication.user);
      return body instanceof Response ? body : apiJson(body);
    } catch (error) {
      console.error("api: request failed", request.url, error);
      return apiError(500, { code: "internal_error", message: "The request failed; see the server log." });
    }
  };
}

export function apiRoute<T>(
  querySchema: z.ZodType<T>,
  handler: (query: T, request: Request, user: SessionUser) => Promise<Response | object>,
  capability: Capability = "browse",
): (request: Request) => Promise<Response> {
  return apiEndpoint(
    capability,
    async (request) => {
      const parsed = parseQuery(querySchema, new URL(request.url).searchParams);
      return parsed.ok
        ? { ok: true, input: parsed.query }
        : { ok: false, response: apiError(400, { code: "invalid_parameter", parameter: parsed.error.parameter, message: parsed.error.message }) };
    },
    handler,
  );
}

/** A JSON-body endpoint that changes something: read-write tokens whose owner's role allows `capability`. */
export function apiMutation<T>(
  bodySchema: z.ZodType<T>,
  capability: Capability,
  handler: (body: T, request: Request, user: SessionUser) => Promise<Response | object>,
): (request: Request) => Promise<Response> {
  return apiEndpoint(
    capability,
    async (request) => {
      const text = await request.text();
      let json: unknown;
      try {
        json = text.trim() === "" ? {} : JSON.parse(text);
      } catch {
        return { ok: false, response: apiError(400, { code: "invalid_parameter", message: "The body is not JSON." }) };
      }
      const parsed = bodySchema.safeParse(json);
      if (parsed.success) return { ok: true, input: parsed.data };
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        response: apiError(400, { code: "invalid_parameter", parameter: issue?.path.join(".") || undefined, message: issue?.message ?? "Invalid body." }),
      };
    },
    handler,
  );
}
