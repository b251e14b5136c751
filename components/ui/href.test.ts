import { describe, expect, it } from "vitest";
import { hrefWith } from "./href";

describe("hrefWith", () => {
  it.each([
    [{}, {}, "/accounts"],
    [{ q: "prod", page: 2 }, {}, "/accounts?q=prod&page=2"],
    [{ q: "prod", page: 2 }, { page: 3 }, "/accounts?q=prod&page=3"],
    [{ q: "prod", page: 2 }, { page: undefined }, "/accounts?q=prod"],
    [{ q: "", status: null }, {}, "/accounts"],
    [{ q: "env=prod & co" }, {}, "/accounts?q=env%3Dprod+%26+co"],
  ])("builds %j + %j", (state, changes, expected) => {
    expect(hrefWith("/accounts", state, changes)).toBe(expected);
  });
});
