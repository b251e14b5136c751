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

/* Prisma.raw splices text into SQL: only whitelisted fragments (e.g. a sort column chosen from a fixed map) may use it. */
const RAW_FRAGMENT_SITES = new Set<string>([
  // FETCH FORWARD's count cannot be a parameter; the cursor checks it is a whole number first.
  path.join("lib", "db", "cursor.ts"),
]);

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
const SELF = path.join("lib", "db", "layering.test.ts");

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

  // Tests included: their TRUNCATEs and fixture updates are tagged templates as well.
  it("no SQL is handed to PostgreSQL as a built string", () => {
    const offending = ["lib", "app", "scripts"]
      .flatMap(sourceFiles)
      .filter((file) => file !== SELF)
      .filter((file) => /\$(query|execute)RawUnsafe\b/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offending).toEqual([]);
  });

  it("Prisma.raw is used only at whitelisted fragment sites", () => {
    const offending = ["lib", "app", "scripts"]
      .flatMap(sourceFiles)
      .filter((file) => file !== SELF && !RAW_FRAGMENT_SITES.has(file))
      .filter((file) => /Prisma\.raw\(/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offending).toEqual([]);
  });
});
