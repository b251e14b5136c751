import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAccountListSchema } from "@/lib/api/account-json";
import { apiErrorSchema } from "@/lib/api/error-json";
import { apiFindingsPageSchema } from "@/lib/api/finding-json";
import { apiRunsPageSchema } from "@/lib/api/run-json";
import { apiScorecardSchema } from "@/lib/api/scorecard-json";
import { insertAccount, insertAccountScore, insertFinding, insertOrgScore, insertRun } from "@/lib/db/scorecard-test-factories";
import { insertTestApiToken, insertTestUser } from "@/lib/auth/test-users";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { GET as getAccounts } from "./accounts/route";
import { GET as getFindings } from "./findings/route";
import { GET as getRuns } from "./runs/route";
import { GET as getScorecard } from "./scorecard/route";

type JsonSchema = { required?: string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; $ref?: string };
const openApi = JSON.parse(readFileSync(path.resolve(__dirname, "../../../public/openapi.json"), "utf8")) as { components: { schemas: Record<string, JsonSchema> } };

/** The fields public/openapi.json requires are present, through nested objects, arrays and refs. */
function missingRequired(value: unknown, schema: JsonSchema, at = "$"): string[] {
  const resolved = schema.$ref ? openApi.components.schemas[schema.$ref.replace("#/components/schemas/", "")]! : schema;
  if (Array.isArray(value)) return resolved.items ? value.flatMap((item, index) => missingRequired(item, resolved.items!, `${at}[${index}]`)) : [];
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  return [
    ...(resolved.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key}`),
    ...Object.entries(resolved.properties ?? {}).flatMap(([key, child]) => (key in record ? missingRequired(record[key], child, `${at}.${key}`) : [])),
  ];
}

let bearer = "";

async function call(handler: (request: Request) => Promise<Response>, url: string, authorization: string | null = `Bearer ${bearer}`) {
  const response = await handler(new Request(`http://localhost${url}`, { headers: authorization ? { authorization } : {} }));
  return { status: response.status, body: (await response.json()) as unknown, cache: response.headers.get("cache-control") };
}

describe("/api/v1", () => {
  let database: TestDatabase;
  let prod: { id: string; awsAccountId: string };
  let run: bigint;
  beforeAll(async () => {
    database = await createTestDatabase();
    bearer = (await insertTestApiToken(await insertTestUser("viewer"), { scope: "read" })).secret;
    run = await insertRun();
    prod = await insertAccount({ name: "prod", tags: { env: "prod" } });
    const dev = await insertAccount({ name: "dev" });
    await insertAccount({ name: "new" });
    await insertAccountScore({ accountId: prod.id, runId: run, score: 70, exerciseScores: [50, 60, 70, 80, 90, 100, 70, 70, 70, null] });
    await insertAccountScore({ accountId: dev.id, runId: run, score: 90 });
    await insertOrgScore({ runId: run, score: 80, accountsAssessed: 2 });
    await insertFinding({ accountId: prod.id, checkId: "root.access-keys", exercise: 1, resourceType: "root", resourceId: `arn:aws:iam::${prod.awsAccountId}:root`, resourceName: "<root_account>", severity: "critical", evidence: { accessKey1Active: true }, firstRunId: run });
    await insertFinding({ accountId: prod.id, checkId: "users.console-mfa", resourceName: "alice", severity: "high", firstRunId: run });
    await insertFinding({ accountId: dev.id, checkId: "users.console-mfa", resourceName: "bob", status: "pass", firstRunId: run });
  });
  afterAll(async () => database?.drop());

  it("refuses every route without a valid token: 401 with a Bearer challenge and the error shape", async () => {
    for (const handler of [getScorecard, getAccounts, getFindings, getRuns]) {
      for (const authorization of [null, "Bearer iamfit_" + "x".repeat(43), `Basic ${bearer}`]) {
        const response = await handler(new Request("http://localhost/api/v1/x", { headers: authorization ? { authorization } : {} }));
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toBe('Bearer realm="iamfit"');
        expect(apiErrorSchema.parse(await response.json()).error.code).toBe("unauthorized");
      }
    }
  });

  it("GET /scorecard answers per account and per exercise score, passed, failed and unknown", async () => {
    const { status, body, cache } = await call(getScorecard, "/api/v1/scorecard");
    expect(status).toBe(200);
    expect(cache).toBe("no-store");
    const scorecard = apiScorecardSchema.parse(body);
    expect(missingRequired(body, { $ref: "#/components/schemas/Scorecard" })).toEqual([]);
    expect(scorecard.organization).toMatchObject({ score: 80, runId: run.toString(), accountsLinked: 3, accountsAssessed: 2 });
    expect(scorecard.accounts.map((account) => [account.name, account.score])).toEqual([
      ["dev", 90],
      ["new", null],
      ["prod", 70],
    ]);
    const prodScore = scorecard.accounts.find((account) => account.name === "prod")!;
    expect(prodScore.exercises[0]).toEqual({ exercise: 1, title: expect.any(String), score: 50, passed: 50, failed: 50, unknown: 0 });
    expect(prodScore.exercises[9]).toMatchObject({ exercise: 10, score: null, passed: 0, failed: 0 });
    expect(scorecard.organization.exercises[0]).toMatchObject({ exercise: 1, score: 80, passed: 140, failed: 60 });
    expect(scorecard).toMatchObject({ page: 1, pageSize: 100, pageCount: 1, total: 3 });
  });

  it("GET /scorecard pages the accounts by name; the organization's counts stay summed over every account", async () => {
    const second = apiScorecardSchema.parse((await call(getScorecard, "/api/v1/scorecard?pageSize=1&page=2")).body);
    expect(second.accounts.map((account) => account.name)).toEqual(["new"]);
    expect(second).toMatchObject({ page: 2, pageSize: 1, pageCount: 3, total: 3 });
    expect(second.organization.exercises[0]).toMatchObject({ exercise: 1, passed: 140, failed: 60 });
    const pastTheEnd = apiScorecardSchema.parse((await call(getScorecard, "/api/v1/scorecard?pageSize=2&page=9")).body);
    expect(pastTheEnd).toMatchObject({ accounts: [], page: 9, pageCount: 2, total: 3 });
    const oneAccount = apiScorecardSchema.parse((await call(getScorecard, `/api/v1/scorecard?account=${prod.awsAccountId}`)).body);
    expect(oneAccount.organization.exercises[0]).toMatchObject({ passed: 140, failed: 60 });
  });

  it("GET /scorecard?account= narrows to one account, 404 when it is not linked", async () => {
    const one = await call(getScorecard, `/api/v1/scorecard?account=${prod.awsAccountId}`);
    expect(apiScorecardSchema.parse(one.body).accounts.map((account) => account.accountId)).toEqual([prod.awsAccountId]);
    const missing = await call(getScorecard, "/api/v1/scorecard?account=999999999999");
    expect(missing.status).toBe(404);
    expect(apiErrorSchema.parse(missing.body).error).toMatchObject({ code: "not_found", parameter: "account" });
  });

  it("GET /findings filters, pages and carries the evidence", async () => {
    const { status, body } = await call(getFindings, `/api/v1/findings?account=${prod.awsAccountId}&status=fail&pageSize=1`);
    expect(status).toBe(200);
    expect(missingRequired(body, { $ref: "#/components/schemas/FindingsPage" })).toEqual([]);
    const page = apiFindingsPageSchema.parse(body);
    expect(page).toMatchObject({ page: 1, pageSize: 1, pageCount: 2, total: 2 });
    expect(page.findings).toEqual([
      expect.objectContaining({
        accountId: prod.awsAccountId,
        exercise: 1,
        checkId: "root.access-keys",
        resource: `arn:aws:iam::${prod.awsAccountId}:root`,
        status: "fail",
        severity: "critical",
        evidence: { accessKey1Active: true },
      }),
    ]);
    const all = apiFindingsPageSchema.parse((await call(getFindings, "/api/v1/findings")).body);
    // Most severe first, then by account name: dev before prod.
    expect(all.findings.map((finding) => finding.resourceName)).toEqual(["<root_account>", "bob", "alice"]);
  });

  it.each([
    ["/api/v1/findings?exercise=11", "exercise"],
    ["/api/v1/findings?severity=urgent", "severity"],
    ["/api/v1/findings?colour=red", "colour"],
    ["/api/v1/runs?limit=0", "limit"],
    ["/api/v1/accounts?page=2", "page"],
    ["/api/v1/scorecard?account=abc", "account"],
    ["/api/v1/scorecard?pageSize=501", "pageSize"],
  ])("GET %s answers 400 naming %s", async (url, parameter) => {
    const handler = url.includes("/findings") ? getFindings : url.includes("/runs") ? getRuns : url.includes("/accounts") ? getAccounts : getScorecard;
    const { status, body } = await call(handler, url);
    expect(status).toBe(400);
    expect(apiErrorSchema.parse(body).error).toMatchObject({ code: "invalid_parameter", parameter });
  });

  it("GET /accounts lists the linked accounts without the ExternalId", async () => {
    const { status, body } = await call(getAccounts, "/api/v1/accounts");
    expect(status).toBe(200);
    expect(missingRequired(body, { $ref: "#/components/schemas/AccountList" })).toEqual([]);
    const list = apiAccountListSchema.parse(body);
    expect(list.accounts.map((account) => account.name)).toEqual(["dev", "new", "prod"]);
    expect(list.accounts.find((account) => account.name === "prod")).toMatchObject({ accountId: prod.awsAccountId, tags: { env: "prod" }, status: "succeeded", lastEvaluatedRunId: run.toString() });
    expect(JSON.stringify(body)).not.toContain("ext-id-test");
  });

  it("GET /runs pages newest first through the before cursor", async () => {
    const newer = await insertRun();
    const first = await call(getRuns, "/api/v1/runs?limit=1");
    expect(missingRequired(first.body, { $ref: "#/components/schemas/RunsPage" })).toEqual([]);
    const page = apiRunsPageSchema.parse(first.body);
    expect(page.runs.map((entry) => entry.id)).toEqual([newer.toString()]);
    expect(page.nextBefore).toBe(newer.toString());
    const second = apiRunsPageSchema.parse((await call(getRuns, `/api/v1/runs?limit=1&before=${page.nextBefore}`)).body);
    expect(second).toEqual({ runs: [expect.objectContaining({ id: run.toString(), status: "succeeded" })], nextBefore: null });
  });
});
