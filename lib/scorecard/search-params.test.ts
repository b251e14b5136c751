import { describe, expect, it } from "vitest";
import {
  changesUrlState,
  findingsUrlState,
  gridUrlState,
  parseAccountParam,
  parseChangesSearchParams,
  parseExerciseParam,
  parseFindingsSearchParams,
  parseGridSearchParams,
} from "./search-params";

/** Each expected field equals the parsed one; `undefined` means absent. */
function expectFields(parsed: object, expected: Record<string, unknown>) {
  for (const [key, value] of Object.entries(expected)) expect((parsed as Record<string, unknown>)[key]).toEqual(value);
}

describe("grid search params", () => {
  it("defaults to the worst score first, 50 a page", () => {
    expect(parseGridSearchParams({})).toEqual({ status: "all", sort: "score", dir: "asc", page: 1, pageSize: 50 });
  });

  it("reads every filter, sort and page from the URL", () => {
    expect(parseGridSearchParams({ q: " prod ", tag: "env=prod", ou: "Root/Workloads/", status: "failed", sort: "e3", dir: "desc", page: "4", size: "100" })).toEqual({
      q: "prod",
      tag: { key: "env", value: "prod" },
      ou: "Root/Workloads",
      status: "failed",
      sort: "e3",
      dir: "desc",
      page: 4,
      pageSize: 100,
    });
  });

  it.each([
    [{ sort: "e11" }, { sort: "score" }],
    [{ sort: "name; DROP TABLE" }, { sort: "score" }],
    [{ dir: "sideways" }, { dir: "asc" }],
    [{ page: "0" }, { page: 1 }],
    [{ page: "-3" }, { page: 1 }],
    [{ page: "abc" }, { page: 1 }],
    [{ size: "1000" }, { pageSize: 50 }],
    [{ status: "weird" }, { status: "all" }],
    [{ tag: "=x" }, { tag: undefined }],
    [{ tag: "team" }, { tag: { key: "team" } }],
    [{ page: ["2", "3"] }, { page: 2 }],
  ])("falls back to a default for %j", (params, expected) => {
    expectFields(parseGridSearchParams(params), expected);
  });

  it("reads the most-critical-first sort from the URL and writes it back", () => {
    const query = parseGridSearchParams({ sort: "failures", dir: "desc" });
    expect(query).toMatchObject({ sort: "failures", dir: "desc" });
    expect(gridUrlState(query)).toMatchObject({ sort: "failures", dir: "desc" });
  });

  it("carries only non-default state into links, and reads it back the same", () => {
    const query = parseGridSearchParams({ tag: "env=prod", sort: "name", page: "2" });
    const state = gridUrlState(query);
    expect(state).toEqual({ q: undefined, tag: "env=prod", status: undefined, sort: "name", dir: undefined, page: "2", size: undefined });
    const defined = Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined)) as Record<string, string>;
    expect(parseGridSearchParams(defined)).toEqual(query);
  });
});

describe("findings search params", () => {
  it("lists failing findings, most severe first, 25 a page, by default", () => {
    expect(parseFindingsSearchParams({})).toEqual({ statuses: ["fail"], sort: "severity", dir: "asc", page: 1, pageSize: 25 });
  });

  it("reads every filter", () => {
    expect(
      parseFindingsSearchParams({ account: "123456789012", exercise: "9", check: "sg.admin-ports-open", status: "unknown", severity: "high", type: "security_group", q: "web", run: "42", sort: "resource", dir: "desc", page: "2", size: "50" }),
    ).toEqual({
      account: "123456789012",
      exercise: 9,
      check: "sg.admin-ports-open",
      statuses: ["unknown"],
      severity: "high",
      resourceType: "security_group",
      q: "web",
      asOfRunId: 42n,
      sort: "resource",
      dir: "desc",
      page: 2,
      pageSize: 50,
    });
  });

  it("lets the route fix the account and exercise over the URL", () => {
    expect(parseFindingsSearchParams({ account: "999999999999", exercise: "1" }, { account: "123456789012", exercise: 3 })).toMatchObject({
      account: "123456789012",
      exercise: 3,
    });
  });

  it.each([
    [{ status: "all" }, { statuses: [] }],
    [{ status: "bogus" }, { statuses: ["fail"] }],
    [{ account: "12345" }, { account: undefined }],
    [{ exercise: "11" }, { exercise: undefined }],
    [{ check: "<script>" }, { check: undefined }],
    [{ severity: "urgent" }, { severity: undefined }],
    [{ type: "planet" }, { resourceType: undefined }],
    [{ run: "0" }, { asOfRunId: undefined }],
    [{ run: "1e3" }, { asOfRunId: undefined }],
  ])("ignores the invalid %j", (params, expected) => {
    expectFields(parseFindingsSearchParams(params), expected);
  });

  it("round-trips through its URL state, leaving out the filters the route fixes", () => {
    const query = parseFindingsSearchParams({ status: "all", severity: "critical", page: "3" }, { account: "123456789012", exercise: 2 });
    const state = findingsUrlState(query, { account: true, exercise: true });
    expect(state).toMatchObject({ account: undefined, exercise: undefined, status: "all", severity: "critical", page: "3" });
    const defined = Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined)) as Record<string, string>;
    expect(parseFindingsSearchParams(defined, { account: "123456789012", exercise: 2 })).toEqual(query);
  });
});

describe("changes search params", () => {
  it("defaults to what got worse over the last seven days", () => {
    expect(parseChangesSearchParams({})).toEqual({ kind: "worse", days: 7, page: 1, pageSize: 50 });
  });

  it.each([
    [{ days: "30" }, { days: 30 }],
    [{ days: "13" }, { days: 7 }],
    [{ kind: "fixed" }, { kind: "fixed" }],
    [{ kind: "other" }, { kind: "worse" }],
    [{ from: "3", to: "9" }, { fromRunId: 3n, toRunId: 9n }],
    [{ from: "x" }, { fromRunId: undefined }],
  ])("reads %j", (params, expected) => {
    expectFields(parseChangesSearchParams(params), expected);
  });

  it("keeps only non-default state in links", () => {
    expect(changesUrlState(parseChangesSearchParams({ kind: "fixed", days: "7" }))).toMatchObject({ kind: "fixed", days: undefined });
  });
});

describe("route params", () => {
  it.each([
    ["1", 1],
    ["10", 10],
    ["0", undefined],
    ["11", undefined],
    ["3.5", undefined],
    ["abc", undefined],
  ])("reads the exercise %j as %s", (value, expected) => {
    expect(parseExerciseParam(value)).toBe(expected);
  });

  it.each([
    ["123456789012", "123456789012"],
    ["12345678901", undefined],
    ["12345678901a", undefined],
    ["..%2F", undefined],
  ])("reads the account %j as %s", (value, expected) => {
    expect(parseAccountParam(value)).toBe(expected);
  });
});
