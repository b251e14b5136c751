/**
 * The journeys never load an ESM-only package with a static import.
 *
 * Playwright compiles specs to CommonJS, so a static import becomes require(). On Node 20 its
 * TypeScript loader hooks run on a separate thread that talks to the worker over a message
 * channel (node:module register); require() of an ES module blocks the worker's thread on that
 * thread, and under load they can wait on each other for ever: the worker sat in a futex wait
 * for 11 minutes in e2e/sso-sign-in.spec.ts (oidc-provider), deaf to SIGTERM, with no timeout
 * firing. Such packages run in a child process (e2e/support/oidc-provider-process.ts) or are
 * loaded with import().
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const requireFromRoot = createRequire(path.join(root, "package.json"));

/** Specifiers of imports that stay in the compiled CommonJS: not `import type`, not import(). */
function staticImports(source: string): string[] {
  const withoutTypeImports = source.replace(/^\s*(?:import|export)\s+type\s[^;]*;/gm, "");
  const patterns = [
    /^\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...withoutTypeImports.matchAll(pattern)].map((match) => match[1]!));
}

function localFile(specifier: string, from: string): string | undefined {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((candidate) => existsSync(candidate) && !candidate.endsWith("/"));
}

function isEsmOnly(specifier: string): boolean {
  let resolved: string;
  try {
    resolved = requireFromRoot.resolve(specifier);
  } catch {
    return true; // no CommonJS entry at all ("import" condition only)
  }
  if (resolved.endsWith(".mjs")) return true;
  if (resolved.endsWith(".cjs") || !resolved.endsWith(".js")) return false;
  for (let dir = path.dirname(resolved); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { type?: string }).type === "module";
  }
  return false;
}

/** Packages reached by static imports from the journeys, with the file that imports each. */
function packagesReachedFromJourneys(): Map<string, string> {
  const start = readdirSync(path.join(root, "e2e"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .concat(path.join(root, "playwright.config.ts"));
  // The child process runs under plain Node, not under Playwright's loader.
  const pending = start.filter((file) => !file.endsWith("oidc-provider-child.ts"));
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(file, "utf8"))) {
      if (specifier.startsWith("node:")) continue;
      if (specifier.startsWith(".") || specifier.startsWith("@/")) {
        const next = localFile(specifier, file);
        if (next) pending.push(next);
        continue;
      }
      if (!packages.has(specifier)) packages.set(specifier, path.relative(root, file));
    }
  }
  return packages;
}

describe("the journeys' imports", () => {
  it("load no ESM-only package through require()", () => {
    const packages = packagesReachedFromJourneys();
    expect(packages.has("@playwright/test")).toBe(true);
    const esmOnly = [...packages].filter(([specifier]) => isEsmOnly(specifier)).map(([specifier, file]) => `${specifier} (from ${file})`);
    expect(esmOnly).toEqual([]);
  });
});
