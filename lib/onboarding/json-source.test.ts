import { describe, expect, it } from "vitest";
import { parseJsonSource } from "./json-source";

describe("parseJsonSource", () => {
  it("parses what JSON.parse parses", () => {
    const text = '{"a": [1, -2.5e3, true, false, null], "b": {"c": "x\\n\\u00e9\\"", "d": []}}';
    const parsed = parseJsonSource(text);
    expect(parsed.ok && parsed.value).toEqual(JSON.parse(text));
  });

  it("records where each value and each key starts (line and column, from 1)", () => {
    const text = ['{', '  "accounts": [', '    { "accountId": "1" },', '    {', '      "role": 7', '    }', '  ]', '}'].join("\n");
    const parsed = parseJsonSource(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.positionOf(["accounts"])).toEqual({ line: 2, column: 15 });
    expect(parsed.positionOf(["accounts", 0, "accountId"])).toEqual({ line: 3, column: 20 });
    expect(parsed.positionOf(["accounts", 1, "role"])).toEqual({ line: 5, column: 15 });
    expect(parsed.positionOf(["accounts", 1, "role", "$key"])).toEqual({ line: 5, column: 7 });
  });

  it("points a path that does not exist at its nearest existing parent", () => {
    const parsed = parseJsonSource('{\n  "accounts": [\n    {}\n  ]\n}');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.positionOf(["accounts", 0, "accountId"])).toEqual({ line: 3, column: 5 });
  });

  it.each([
    ['{\n  "a": 1,\n}', 3, 1, /trailing comma/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected "," or "}"/],
    ['{\n  a: 1\n}', 2, 3, /quoted property name/],
    ['{\n  "a": "open\n}', 2, 8, /line breaks/],
    ['{"a": 1, "a": 2}', 1, 10, /appears twice/],
    ['{"a": tru}', 1, 7, /expected a value/],
    ["[1, 2", 1, 6, /the end of the file/],
    ['{"a": 1} x', 1, 10, /after the end of the document/],
  ])("reports a syntax error with its position: %j", (text, line, column, message) => {
    const parsed = parseJsonSource(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.position).toEqual({ line, column });
    expect(parsed.message).toMatch(message);
  });

  it("ignores a byte-order mark", () => {
    const parsed = parseJsonSource('\ufeff{"a": 1}');
    expect(parsed.ok && parsed.value).toEqual({ a: 1 });
  });
});
