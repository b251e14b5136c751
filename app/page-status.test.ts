/**
 * A page that fails must answer 5xx, not a 200 "Something went wrong" that proxies cache and
 * monitors count as up. Next sets the status only while nothing was sent: an error thrown
 * outside any Suspense boundary answers 500 (notFound() 404, redirect() 307), but a route-level
 * loading.tsx wraps the whole page in Suspense, so the shell (with 200) goes out first and the
 * page's error streams in after it (vercel/next.js#56235, #93253). Pages therefore render whole
 * before they answer; slow widgets stream behind their own Suspense and catch their own errors
 * (components/scorecard/widget-state.tsx), so a failing widget never becomes an error page.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(__dirname);

function loadingBoundaries(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return loadingBoundaries(full);
    return /^loading\.[jt]sx?$/.test(entry.name) ? [path.relative(APP, full)] : [];
  });
}

describe("the status a failing page answers", () => {
  it("no route-level loading boundary streams a page's shell before the page has rendered", () => {
    expect(loadingBoundaries(APP)).toEqual([]);
  });
});
