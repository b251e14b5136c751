/**
 * The guide and articles behind the checks are cited by name wherever a person reads them ("Why
 * it matters", remediation steps and cautions), never by the project's internal file numbers
 * ("seed 003"), which mean nothing outside this repository. Comments may keep the short form.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const INTERNAL_CITATION = /\bseeds? \d{3}\b/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "testing" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The text of every string and template literal in a file (what can reach a page, an email or a
 * download), comments skipped. A small scanner: the installed TypeScript has no JavaScript API.
 */
function literalsIn(file: string): string[] {
  const code = readFileSync(file, "utf8");
  const texts: string[] = [];
  let index = 0;
  while (index < code.length) {
    const char = code[index]!;
    const next = code[index + 1];
    if (char === "/" && next === "/") index = code.indexOf("\n", index) < 0 ? code.length : code.indexOf("\n", index);
    else if (char === "/" && next === "*") index = code.indexOf("*/", index + 2) < 0 ? code.length : code.indexOf("*/", index + 2) + 2;
    else if (char === '"' || char === "'" || char === "`") {
      let end = index + 1;
      while (end < code.length && code[end] !== char) end += code[end] === "\\" ? 2 : 1;
      texts.push(code.slice(index + 1, end));
      index = end + 1;
    } else index += 1;
  }
  return texts;
}

describe("citations people read", () => {
  it("name the guide or article, not an internal seed number", () => {
    const offenders = ["lib", "app", "components"]
      .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
      .flatMap((file) => literalsIn(file).filter((text) => INTERNAL_CITATION.test(text)).map((text) => `${path.relative(ROOT, file)}: ${text}`));
    expect(offenders).toEqual([]);
  });
});
