/**
 * The package manifest tells the truth about what the code uses:
 * - every package the code imports is declared (not merely present because another package
 *   brought it along, where an upgrade of that package could take it away or change it);
 * - the packages whose internals the code reaches into (the AWS SDK's client config and
 *   middleware stack, Better Auth's provider list) are pinned to exact versions, so an upgrade is a
 *   deliberate change that runs their contract tests (lib/aws/sdk-internals.contract.test.ts,
 *   lib/auth/better-auth-internals.contract.test.ts);
 * - the locked AWS SDK supports every Node.js that iamfit supports.
 */
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; engines?: { node?: string } }>;
};
const declared = { ...manifest.dependencies, ...manifest.devDependencies };

const SOURCE_FOLDERS = ["app", "bin", "components", "e2e", "lib", "prisma", "scripts"];
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

function sourceFiles(): string[] {
  const files = readdirSync(root).filter((name) => SOURCE_FILE.test(name)).map((name) => path.join(root, name));
  for (const folder of SOURCE_FOLDERS) {
    for (const entry of readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && SOURCE_FILE.test(entry.name)) files.push(path.join(entry.parentPath, entry.name));
    }
  }
  return files;
}

/** Bare specifiers in import/export-from, side-effect imports, import() and require(). */
function importedSpecifiers(source: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire(?:\.resolve)?\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
}

function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("@/")) return undefined;
  if (specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0]!)) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The lowest Node.js version iamfit supports, from `engines.node` (e.g. "^20.19.0 || >=22.12.0"). */
function lowestSupportedNode(): number[] {
  const first = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(manifest.engines.node);
  if (!first) throw new Error(`engines.node "${manifest.engines.node}" names no version`);
  return [Number(first[1]), Number(first[2]), Number(first[3] ?? 0)];
}

function compareVersions(a: number[], b: number[]): number {
  for (let index = 0; index < 3; index++) if ((a[index] ?? 0) !== (b[index] ?? 0)) return (a[index] ?? 0) - (b[index] ?? 0);
  return 0;
}

describe("the package manifest", () => {
  it("declares every package the code imports", () => {
    const undeclared = new Map<string, string>();
    for (const file of sourceFiles()) {
      for (const specifier of importedSpecifiers(readFileSync(file, "utf8"))) {
        const name = packageOf(specifier);
        if (name && !(name in declared) && !undeclared.has(name)) undeclared.set(name, path.relative(root, file));
      }
    }
    expect(Object.fromEntries(undeclared)).toEqual({});
  });

  it("pins the AWS SDK and Better Auth, whose internals the code relies on, to the exact versions locked and installed", () => {
    const fenced = Object.keys(declared).filter((name) => /^(@aws-sdk\/|@smithy\/|better-auth$)/.test(name));
    expect(fenced).toEqual(expect.arrayContaining(["@aws-sdk/core", "@aws-sdk/client-sso-admin", "@aws-sdk/client-identitystore", "@smithy/core", "@smithy/node-http-handler", "better-auth"]));
    for (const name of fenced) {
      const locked = lock.packages[`node_modules/${name}`]?.version;
      const installed = (JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
      expect({ name, declared: declared[name], locked, installed }).toEqual({ name, declared: locked, locked, installed: locked });
    }
  });

  it("locks only AWS SDK packages that run on the oldest Node.js iamfit supports", () => {
    const lowest = lowestSupportedNode();
    const unsupported: string[] = [];
    for (const [location, entry] of Object.entries(lock.packages)) {
      if (!/node_modules\/(@aws-sdk|@smithy)\//.test(location)) continue;
      const range = entry.engines?.node;
      if (range === undefined) continue;
      const minimum = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
      if (!minimum) {
        unsupported.push(`${location}@${entry.version}: engines.node "${range}" is not a plain minimum; check it by hand`);
        continue;
      }
      const required = [Number(minimum[1]), Number(minimum[2] ?? 0), Number(minimum[3] ?? 0)];
      if (compareVersions(required, lowest) > 0) unsupported.push(`${location}@${entry.version} needs Node.js ${range}`);
    }
    expect(unsupported).toEqual([]);
  });
});
