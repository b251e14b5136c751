import { describe, expect, it } from "vitest";
import { parseAccountListParams } from "./list-params";

describe("parseAccountListParams", () => {
  it("defaults to the first page sorted by name", () => {
    expect(parseAccountListParams({})).toEqual({
      query: { text: undefined, status: undefined, sort: "name", direction: "asc", page: 1, pageSize: 50 },
      state: { q: undefined, status: undefined, sort: undefined, dir: undefined },
      removed: undefined,
    });
  });

  it("reads filters, sort and page", () => {
    const parsed = parseAccountListParams({ q: "  prod ", status: "failed", sort: "score", dir: "desc", page: "3" });
    expect(parsed.query).toEqual({ text: "prod", status: "failed", sort: "score", direction: "desc", page: 3, pageSize: 50 });
    expect(parsed.state).toEqual({ q: "prod", status: "failed", sort: "score", dir: "desc" });
  });

  it("uses each column's natural direction when none is given", () => {
    expect(parseAccountListParams({ sort: "collected" }).query.direction).toBe("desc");
    expect(parseAccountListParams({ sort: "collected", dir: "desc" }).state.dir).toBeUndefined();
  });

  it.each([
    [{ status: "bogus" }, "status", undefined],
    [{ sort: "password" }, "sort", "name"],
    [{ page: "-4" }, "page", 1],
    [{ page: "abc" }, "page", 1],
    [{ page: ["2", "5"] }, "page", 2],
  ])("falls back to defaults for %j", (params, key, expected) => {
    const { query } = parseAccountListParams(params);
    expect(query[key as keyof typeof query]).toEqual(expected);
  });

  it("keeps a removed account id only when it is 12 digits", () => {
    expect(parseAccountListParams({ removed: "123456789012" }).removed).toBe("123456789012");
    expect(parseAccountListParams({ removed: "<script>" }).removed).toBeUndefined();
  });
});
