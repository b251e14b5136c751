/**
 * Data access stays at the bottom (issue 17): lib/db imports nothing from the domain folders,
 * and every SQL statement in the application is a tagged template, so values are always
 * parameters and never spliced into text handed to PostgreSQL.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DOMAIN_FOLDERS = ["remediation", "onboarding", "collect", "sandbox"];

/*
 * Files whose SQL is still assembled as text for $queryRawUnsafe (the grid, findings and changes
 * read models build their WHERE clauses with SqlParams). Each is a debt to pay by rewriting it
 * with Prisma.sql fragments; the list may only shrink.
 */
const UNSAFE_NOT_YET_CONVERTED = new Set([
  "lib/db/account-list.ts",
  "lib/db/account-scores.ts",
  "lib/db/changes.ts",
  "lib/db/collections.ts",
  "lib/db/compliance.ts",
  "lib/db/findings.ts",
  "lib/db/organization.ts",
  "lib/db/scorecard.ts",
]);

/* Prisma.raw splices text into SQL: only whitelisted fragments (e.g. a sort column chosen from a fixed map) may use it. */
const RAW_FRAGMENT_SITES = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const relative = path.join(dir, name);
    if (name === "generated" || name === "node_modules") continue;
    if (statSync(path.join(ROOT, relative)).isDirectory()) out.push(...sourceFiles(relative));
    else if (/\.(ts|tsx|mjs|js)$/.test(name)) out.push(relative);
  }
  return out;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

describe("data access layering", () => {
  it("lib/db imports nothing from the domain folders, not even types", () => {
    const offending = sourceFiles("lib/db")
      .filter((file) => !isTest(file))
      .flatMap((file) => {
        const text = readFileSync(path.join(ROOT, file), "utf8");
        const pattern = new RegExp(`from\\s+["'](@/lib/|\\.\\./)(${DOMAIN_FOLDERS.join("|")})(/|["'])`, "g");
        return [...text.matchAll(pattern)].map((match) => `${file}: ${match[0]}`);
      });
    expect(offending).toEqual([]);
  });

  it("no SQL is handed to PostgreSQL as a built string", () => {
    const offending = ["lib", "app", "scripts"]
      .flatMap(sourceFiles)
      .filter((file) => !isTest(file) && !UNSAFE_NOT_YET_CONVERTED.has(file))
      .filter((file) => /\$(query|execute)RawUnsafe\b/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offending).toEqual([]);
  });

  it("the list of files not yet converted only shrinks", () => {
    const stale = [...UNSAFE_NOT_YET_CONVERTED].filter((file) => !/\$(query|execute)RawUnsafe\b/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(stale, "converted: remove from UNSAFE_NOT_YET_CONVERTED").toEqual([]);
  });

  it("Prisma.raw is used only at whitelisted fragment sites", () => {
    const offending = ["lib", "app", "scripts"]
      .flatMap(sourceFiles)
      .filter((file) => !isTest(file) && file !== "lib/db/layering.test.ts" && !RAW_FRAGMENT_SITES.has(file))
      .filter((file) => /Prisma\.raw\(/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offending).toEqual([]);
  });
});
