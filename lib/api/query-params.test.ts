import { describe, expect, it } from "vitest";
import { findingsQuerySchema, parseQuery, runsQuerySchema, toFindingsQuery } from "./query-params";

describe("parseQuery for /api/v1/findings", () => {
  it("defaults to every status, the first page of 100", () => {
    expect(parseQuery(findingsQuerySchema, new URLSearchParams())).toEqual({ ok: true, query: { status: "all", page: 1, pageSize: 100 } });
  });

  it("reads every filter", () => {
    const params = new URLSearchParams("account=111111111111&exercise=9&check=sg.admin-ports-open&status=fail&severity=high&resourceType=security_group&q=web&run=12&page=2&pageSize=50");
    const parsed = parseQuery(findingsQuerySchema, params);
    expect(parsed.ok && toFindingsQuery(parsed.query)).toEqual({
      account: "111111111111",
      exercise: 9,
      check: "sg.admin-ports-open",
      statuses: ["fail"],
      severity: "high",
      resourceType: "security_group",
      q: "web",
      asOfRunId: 12n,
      sort: "severity",
      dir: "asc",
      page: 2,
      pageSize: 50,
    });
  });

  it.each([
    ["exercise=11", "exercise"],
    ["exercise=two", "exercise"],
    ["account=12345", "account"],
    ["status=failing", "status"],
    ["severity=urgent", "severity"],
    ["resourceType=lambda", "resourceType"],
    ["check=Root Keys", "check"],
    ["pageSize=501", "pageSize"],
    ["page=0", "page"],
    ["run=abc", "run"],
    ["sevrity=high", "sevrity"],
    ["exercise=1&exercise=2", "exercise"],
  ])("rejects %s naming %s", (search, parameter) => {
    const parsed = parseQuery(findingsQuerySchema, new URLSearchParams(search));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.parameter).toBe(parameter);
      expect(parsed.error.message).toContain(parameter);
    }
  });

  it("ignores options left undefined, as the CLI passes them", () => {
    expect(parseQuery(findingsQuerySchema, { account: undefined, exercise: "3" })).toEqual({ ok: true, query: { exercise: 3, status: "all", page: 1, pageSize: 100 } });
  });
});

describe("parseQuery for /api/v1/runs", () => {
  it.each([
    ["", { ok: true, query: { limit: 25 } }],
    ["limit=10&before=40", { ok: true, query: { limit: 10, before: "40" } }],
  ])("reads %j", (search, expected) => {
    expect(parseQuery(runsQuerySchema, new URLSearchParams(search))).toEqual(expected);
  });
});
