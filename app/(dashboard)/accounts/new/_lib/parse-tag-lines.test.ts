import { describe, expect, it } from "vitest";
import { parseTagLines } from "./parse-tag-lines";

describe("parseTagLines", () => {
  it.each([
    ["", {}],
    ["env=prod", { env: "prod" }],
    ["env = prod\n\n  team=payments  \r\n", { env: "prod", team: "payments" }],
    ["query=a=b,c", { query: "a=b,c" }],
    ["empty=", { empty: "" }],
  ])("reads %j", (text, tags) => {
    expect(parseTagLines(text)).toEqual({ ok: true, tags });
  });

  it.each([
    ["prod", 'line 1 ("prod") must look like key=value'],
    ["env=prod\n=value", 'line 2 ("=value") must look like key=value'],
    ["env=prod\nenv=dev", 'line 2: the key "env" appears twice'],
    [Array.from({ length: 51 }, (_, index) => `k${index}=v`).join("\n"), "at most 50 tags"],
  ])("rejects %j", (text, error) => {
    expect(parseTagLines(text)).toEqual({ ok: false, error });
  });
});
