import { describe, expect, it } from "vitest";
import { parseRunAccountsParams, parseRunId, parseRunsPage } from "./run-params";

describe("run URL state", () => {
  it.each([
    ["12", 12n],
    ["9223372036854775807", 9_223_372_036_854_775_807n],
    ["9223372036854775808", undefined],
    ["0", undefined],
    ["012", undefined],
    ["-1", undefined],
    ["1e3", undefined],
    ["abc", undefined],
  ])("parses run id %j", (value, expected) => {
    expect(parseRunId(value)).toBe(expected);
  });

  it.each([
    [{}, 1],
    [{ page: "4" }, 4],
    [{ page: "0" }, 1],
    [{ page: "x" }, 1],
  ])("reads the runs page from %j", (params, expected) => {
    expect(parseRunsPage(params)).toBe(expected);
  });

  it("reads a run's account filter and page, ignoring unknown filters", () => {
    expect(parseRunAccountsParams({ status: "failed", page: "2" })).toEqual({ filter: "failed", page: 2 });
    expect(parseRunAccountsParams({ status: "bogus" })).toEqual({ filter: undefined, page: 1 });
  });
});
