import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const ROOT = path.resolve(__dirname, "../..");
const published = JSON.parse(readFileSync(path.join(ROOT, "public/openapi.json"), "utf8")) as {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
  security: unknown;
};

/** Every `route.ts` under app/api/v1 as the URL path it serves. */
function apiRoutes(dir = path.join(ROOT, "app/api/v1")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return apiRoutes(full);
    if (entry.name !== "route.ts") return [];
    return [`/${path.relative(path.join(ROOT, "app"), path.dirname(full)).split(path.sep).join("/")}`];
  });
}

function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => (key === "$ref" && typeof child === "string" ? [child] : refs(child)));
}

describe("public/openapi.json", () => {
  it("is the document the API's zod schemas describe (regenerate: npx tsx lib/api/write-openapi.ts)", () => {
    expect(published).toEqual(openApiDocument());
  });

  it("is OpenAPI 3.1", () => {
    expect(published.openapi).toBe("3.1.0");
  });

  it("describes every route under app/api/v1, and no other", () => {
    expect(Object.keys(published.paths).sort()).toEqual(apiRoutes().sort());
  });

  it("documents exactly the methods each route exports, with 200 and 400", () => {
    for (const [route, item] of Object.entries(published.paths)) {
      const source = readFileSync(path.join(ROOT, "app", route, "route.ts"), "utf8");
      const exported = [...source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]!.toLowerCase());
      expect(Object.keys(item), route).toEqual(exported);
      for (const method of exported) {
        const responses = (item[method] as { responses: Record<string, unknown> }).responses;
        expect(Object.keys(responses), route).toEqual(expect.arrayContaining(["200", "400"]));
      }
    }
  });

  it("requires a bearer API token on every operation and documents 401 and 403", () => {
    expect(published.security).toEqual([{ apiToken: [] }]);
    for (const [route, item] of Object.entries(published.paths)) {
      for (const operation of Object.values(item) as Array<{ responses: Record<string, unknown> }>) {
        expect(Object.keys(operation.responses), route).toEqual(expect.arrayContaining(["401", "403"]));
      }
    }
  });

  it("resolves every $ref to a component schema", () => {
    const names = Object.keys(published.components.schemas);
    for (const ref of refs(published)) expect(names).toContain(ref.replace("#/components/schemas/", ""));
  });
});
