import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvLines, spreadsheetSafe } from "./csv";

describe("spreadsheetSafe", () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["alice", "alice"],
    ["a=b", "a=b"],
    ["", ""],
  ])("makes %j safe as %j", (value, expected) => {
    expect(spreadsheetSafe(value)).toBe(expected);
  });
});

describe("csvLines", () => {
  it("quotes cells with commas, quotes and line breaks and ends every record with CRLF", () => {
    const csv = csvLines([
      ["name", "note"],
      ["a,b", 'say "hi"'],
      ["multi\nline", "plain"],
    ]);
    expect(csv).toBe('name,note\r\n"a,b","say ""hi"""\r\n"multi\nline",plain\r\n');
    expect(parse(csv)).toEqual([
      ["name", "note"],
      ["a,b", 'say "hi"'],
      ["multi\nline", "plain"],
    ]);
  });

  it("neutralises formula cells so they read back as text", () => {
    expect(parse(csvLines([['=HYPERLINK("http://evil")', "-2+3"]]))).toEqual([[`'=HYPERLINK("http://evil")`, "'-2+3"]]);
  });

  it("writes nothing for no rows", () => {
    expect(csvLines([])).toBe("");
  });
});
