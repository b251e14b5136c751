/**
 * The OpenAPI 3.1 description of /api/v1, built from the same zod schemas the routes validate
 * queries with and the mappers' output satisfies. public/openapi.json is this document, written
 * by `npx tsx lib/api/write-openapi.ts`; openapi.test.ts fails when the two drift apart.
 */
import { z } from "zod";
import { apiAccountListSchema, apiAccountSchema, apiCollectionErrorSchema } from "./account-json";
import { apiCollectionRequestSchema, apiCollectionStartedSchema } from "./collection-json";
import { apiErrorSchema } from "./error-json";
import { apiFindingSchema, apiFindingsPageSchema } from "./finding-json";
import { accountsQuerySchema, findingsQuerySchema, runsQuerySchema, scorecardQuerySchema } from "./query-params";
import { apiRunSchema, apiRunsPageSchema } from "./run-json";
import { apiAccountScoreSchema, apiExerciseScoreSchema, apiScorecardSchema } from "./scorecard-json";

type JsonObject = Record<string, unknown>;

export const API_COMPONENTS = {
  Scorecard: apiScorecardSchema,
  AccountScore: apiAccountScoreSchema,
  ExerciseScore: apiExerciseScoreSchema,
  AccountList: apiAccountListSchema,
  Account: apiAccountSchema,
  CollectionError: apiCollectionErrorSchema,
  FindingsPage: apiFindingsPageSchema,
  Finding: apiFindingSchema,
  RunsPage: apiRunsPageSchema,
  Run: apiRunSchema,
  CollectionRequest: apiCollectionRequestSchema,
  CollectionStarted: apiCollectionStartedSchema,
  Error: apiErrorSchema,
} as const;

export type ApiComponentName = keyof typeof API_COMPONENTS;

interface ApiOperation {
  path: string;
  summary: string;
  description: string;
  /** GET reads with query parameters; POST changes something, with a JSON body. */
  method?: "get" | "post";
  query?: z.ZodObject;
  body?: ApiComponentName;
  response: ApiComponentName;
  notFound?: boolean;
}

export const API_OPERATIONS: ApiOperation[] = [
  {
    path: "/api/v1/scorecard",
    summary: "The scorecard",
    description:
      "The organization's latest scores and one page of linked accounts' (by name), per exercise, with passed, failed and unknown counts; the organization's counts are summed over every account.",
    query: scorecardQuerySchema,
    response: "Scorecard",
    notFound: true,
  },
  {
    path: "/api/v1/accounts",
    summary: "Linked accounts",
    description: "The AWS accounts iamfit audits and the status of their last collection.",
    query: accountsQuerySchema,
    response: "AccountList",
  },
  {
    path: "/api/v1/findings",
    summary: "Findings",
    description: "One page of findings (current, or as of a run), most severe first, with their evidence.",
    query: findingsQuerySchema,
    response: "FindingsPage",
  },
  {
    path: "/api/v1/runs",
    summary: "Collection runs",
    description: "Collection runs, newest first; page with the `before` cursor.",
    query: runsQuerySchema,
    response: "RunsPage",
  },
  {
    path: "/api/v1/collections",
    method: "post",
    summary: "Start a collection",
    description:
      "Collects some or all linked accounts now, as \"Collect now\" does. Needs a read-write token whose owner is an editor or admin. Answers 202 with the run, or 200 with runId null when every account was skipped.",
    body: "CollectionRequest",
    response: "CollectionStarted",
  },
];

function componentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(API_COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonObject> };
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutKeys(schema, ["$schema", "$id"])]));
}

function withoutKeys(schema: JsonObject, keys: string[]): JsonObject {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)));
}

function queryParameters(query: z.ZodObject): JsonObject[] {
  const json = z.toJSONSchema(query, { io: "input" }) as { properties?: Record<string, JsonObject> };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: false,
    ...(typeof schema.description === "string" ? { description: schema.description } : {}),
    schema: withoutKeys(schema, ["description"]),
  }));
}

const jsonContent = (component: ApiComponentName) => ({ "application/json": { schema: { $ref: `#/components/schemas/${component}` } } });

function operation(op: ApiOperation): JsonObject {
  const method = op.method ?? "get";
  return {
    [method]: {
      operationId: op.path.replace("/api/v1/", `${method}-`),
      summary: op.summary,
      description: op.description,
      ...(op.query ? { parameters: queryParameters(op.query) } : {}),
      ...(op.body ? { requestBody: { required: false, content: jsonContent(op.body) } } : {}),
      responses: {
        ...(method === "post" ? { "202": { description: op.summary, content: jsonContent(op.response) } } : {}),
        "200": { description: method === "post" ? "Nothing was queued" : op.summary, content: jsonContent(op.response) },
        "400": { description: `${op.body ? "The body" : "A query parameter"} is invalid or unknown; the error names it.`, content: jsonContent("Error") },
        "401": { description: "No valid API token: missing, malformed, unknown, expired or revoked.", content: jsonContent("Error") },
        "403": { description: "The token's scope does not allow this.", content: jsonContent("Error") },
        ...(op.notFound ? { "404": { description: "The account is not linked.", content: jsonContent("Error") } } : {}),
        "500": { description: "The request failed on the server.", content: jsonContent("Error") },
      },
    },
  };
}

export function openApiDocument(): JsonObject {
  return {
    openapi: "3.1.0",
    info: {
      title: "iamfit API",
      version: "1.0.0",
      description:
        "JSON API of iamfit: the Cloud Security Fitness scorecard, linked accounts, findings and collection runs. Every request needs an API token (created under API tokens in the UI) as `Authorization: Bearer iamfit_…`. Names of AWS resources are untrusted text.",
    },
    security: [{ apiToken: [] }],
    paths: Object.fromEntries(API_OPERATIONS.map((op) => [op.path, operation(op)])),
    components: {
      schemas: componentSchemas(),
      securitySchemes: { apiToken: { type: "http", scheme: "bearer", description: "An iamfit API token (iamfit_…), read-only or read-write." } },
    },
  };
}
