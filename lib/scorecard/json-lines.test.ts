import { describe, expect, it } from "vitest";
import { linesText, markedTexts, prettyJsonLines } from "./json-lines";

describe("prettyJsonLines", () => {
  it.each([
    [{ a: 1, b: [true, null], c: {} }],
    [[1, "two", { three: [] }]],
    ["just a string"],
    [{ nested: { deeper: { deepest: ["x"] } } }],
  ])("prints %j exactly as JSON.stringify with two spaces does", (value) => {
    expect(linesText(prettyJsonLines(value))).toBe(JSON.stringify(value, null, 2));
  });

  it("marks the keys and scalar values the predicate selects, and nothing else", () => {
    const lines = prettyJsonLines({ Effect: "Allow", NotAction: ["iam:*"], Resource: "*" }, (path, kind, value) =>
      kind === "key" ? path[0] === "NotAction" : value === "*",
    );
    expect(markedTexts(lines)).toEqual(['"NotAction"', '"*"']);
    expect(lines[2]).toEqual([
      { text: "  ", mark: false },
      { text: '"NotAction"', mark: true },
      { text: ": [", mark: false },
    ]);
  });

  it("keeps markup in names as plain text", () => {
    const name = "<img src=x onerror=alert(1)>";
    const lines = prettyJsonLines({ user: name }, () => true);
    expect(markedTexts(lines)).toEqual(['"user"', JSON.stringify(name)]);
  });
});
