import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UNREADABLE_RESPONSE } from "@/lib/aws/errors";
import { errorLabel, errorWords, IAMFIT_ERROR_CODES } from "./error-words";

/** Where iamfit writes error codes of its own: collectors, collection jobs and the stored runs. */
const PRODUCERS = ["lib/aws", "lib/collect", "lib/jobs", "lib/db", "lib/runtime"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "testing" || name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** `code: "X"` (a CollectorError, a stored run error, a not-readable answer), and `code: CONSTANT` for the one code kept in a constant. */
function codesWritten(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of PRODUCERS.flatMap((dir) => sourceFiles(path.join(process.cwd(), dir)))) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/\bcode: "([A-Z][A-Za-z]+)"/g)) found.set(match[1] ?? "", path.relative(process.cwd(), file));
    if (/\bcode: UNREADABLE_RESPONSE\b/.test(text)) found.set(UNREADABLE_RESPONSE, path.relative(process.cwd(), file));
  }
  return found;
}

describe("error codes in words", () => {
  it("has words for every code iamfit writes (add it to IAMFIT_ERROR_CODES, with words, when this fails)", () => {
    const written = codesWritten();
    // The scan must see the producers it is meant to guard, or it guards nothing.
    expect([...written.keys()]).toEqual(expect.arrayContaining(["IncompleteEntry", "UnreadableResponse", "InvalidResponse", "WorkerLost", "TimedOut", "NothingToEvaluate"]));
    const withoutWords = [...written].filter(([code]) => errorWords(code).fromAws).map(([code, file]) => `${code} (${file})`);
    expect(withoutWords).toEqual([]);
  });

  it.each(IAMFIT_ERROR_CODES.map((code) => [code]))("shows %s as words, never as the code itself", (code) => {
    const words = errorWords(code);
    expect(words.fromAws).toBe(false);
    expect(words.label).not.toBe(code);
    // No identifiers in what a person reads: no camelCase or PascalCase run-together words.
    expect(words.label).not.toMatch(/[a-z][A-Z]/);
    expect(words.explanation).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/);
    expect(words.explanation.length).toBeGreaterThan(20);
  });

  it("keeps AWS's own codes as AWS names them, with an explanation of their family", () => {
    expect(errorWords("AccessDenied")).toEqual({
      label: "AccessDenied",
      explanation: "AWS refused the call: the audit role's policies, a permissions boundary or an SCP do not allow it.",
      fromAws: true,
    });
    expect(errorWords("ThrottlingException").explanation).toContain("throttling");
    expect(errorWords("ENOTFOUND").explanation).toBe("iamfit could not reach AWS over the network.");
    expect(errorWords("NoSuchBucket")).toEqual({ label: "NoSuchBucket", explanation: expect.stringContaining("AWS's own error code"), fromAws: true });
  });

  it("gives the label alone for lists and sentences", () => {
    expect(errorLabel("WorkerLost")).toBe("Collection interrupted");
    expect(errorLabel("IncompleteEntry")).toBe("Entry left out");
    expect(errorLabel("AccessDenied")).toBe("AccessDenied");
  });
});
