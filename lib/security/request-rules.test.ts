import { describe, expect, it } from "vitest";
import { gate, isCrossSiteMutation, isPublicPath, type RequestFacts } from "./request-rules";

const SITE = "http://127.0.0.1:3000";

function facts(overrides: Partial<RequestFacts>): RequestFacts {
  return {
    method: "POST",
    pathname: "/accounts",
    hasSessionCookie: true,
    authorization: null,
    origin: SITE,
    referer: null,
    siteOrigins: [SITE],
    ...overrides,
  };
}

describe("isCrossSiteMutation", () => {
  it.each([
    ["a same-site POST with the session cookie", {}, false],
    ["a GET from anywhere", { method: "GET", origin: "https://evil.example" }, false],
    ["a POST from another site with the session cookie", { origin: "https://evil.example" }, true],
    ["a DELETE from another site", { method: "DELETE", origin: "https://evil.example" }, true],
    ["a POST from another port of the same host", { origin: "http://127.0.0.1:4000" }, true],
    ["a POST with no Origin but a same-site Referer", { origin: null, referer: `${SITE}/accounts/new` }, false],
    ["a POST with no Origin and a foreign Referer", { origin: null, referer: "https://evil.example/x" }, true],
    ["a POST with neither Origin nor Referer", { origin: null, referer: null }, true],
    ["a POST with Origin: null (sandboxed frame, data: URL)", { origin: "null" }, true],
    ["a POST from another site without the session cookie", { hasSessionCookie: false, origin: "https://evil.example" }, false],
    ["a bearer-token POST from anywhere", { authorization: "Bearer iamfit_abc", origin: "https://evil.example" }, false],
    ["a one-click unsubscribe from a mail client", { pathname: "/api/digest/unsubscribe", origin: null }, false],
    ["Better Auth's own endpoints (it checks Origin itself)", { pathname: "/api/auth/sign-out", origin: "https://evil.example" }, false],
  ] as Array<[string, Partial<RequestFacts>, boolean]>)("%s → refused: %s", (_name, overrides, refused) => {
    expect(isCrossSiteMutation(facts(overrides))).toBe(refused);
  });

  it("accepts the public URL's origin when iamfit runs behind a proxy", () => {
    expect(isCrossSiteMutation(facts({ origin: "https://iamfit.example.com", siteOrigins: ["https://iamfit.example.com"] }))).toBe(false);
  });
});

describe("gate", () => {
  it.each([
    ["/", false, null, "sign_in"],
    ["/accounts/123456789012/checklist", false, null, "sign_in"],
    ["/", true, null, "pass"],
    ["/sign-in", false, null, "pass"],
    ["/setup", false, null, "pass"],
    ["/two-factor", false, null, "pass"],
    ["/digests/unsubscribe", false, null, "pass"],
    ["/api/auth/sign-in/email", false, null, "pass"],
    ["/api/health", false, null, "pass"],
    ["/api/digest/unsubscribe", false, null, "pass"],
    ["/icon.svg", false, null, "pass"],
    ["/_next/static/chunks/app.js", false, null, "pass"],
    ["/api/v1/scorecard", false, null, "unauthorized"],
    ["/api/v1/scorecard", false, "Bearer iamfit_x", "pass"],
    ["/api/runs/active", false, null, "unauthorized"],
    ["/api/v1/findings", true, null, "pass"],
    ["/sign-in-elsewhere", false, null, "sign_in"],
  ] as Array<[string, boolean, string | null, string]>)("%s (cookie: %s, authorization: %s) → %s", (pathname, hasSessionCookie, authorization, kind) => {
    expect(gate({ pathname, hasSessionCookie, authorization }).kind).toBe(kind);
  });

  it("treats only exact public pages as public", () => {
    expect(isPublicPath("/setup")).toBe(true);
    expect(isPublicPath("/setup/anything")).toBe(false);
  });
});
